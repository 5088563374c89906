import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Command, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

/** A provider whose IsLocal true (LT402) has one preferred fix, with a name that is not ASCII. */
const TEXT = `{
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hébergé 😀 UM"] },
  "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false },
  "HostingProviders": [
    { "Identity": "Hébergé 😀 UM", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "ProxyFqdn": "proxy.fabrikam.com", "IsLocal": true, "VerificationLevel": "UseSourceVerification" }
  ]
}
`;

/** A client that announces almost nothing, as a small editor plugin or a script does. */
function bare(applyEdit: boolean): Promise<TestClient> {
  return TestClient.start({ pull: false, configuration: false, capabilities: { general: { positionEncodings: ['utf-8', 'utf-32'] }, ...(applyEdit ? { workspace: { applyEdit: true } } : {}) } });
}

describe('a client with the fewest capabilities', () => {
  let client: TestClient;
  const uri = 'file:///bare.lync.jsonc';
  before(async () => {
    client = await bare(true);
    client.open(uri, TEXT);
  });
  after(() => client.stop());

  it('is offered no options LSP keeps for clients that announce them: rename and code actions are just true', () => {
    const { capabilities } = client.initializeResult!;
    assert.equal(capabilities.renameProvider, true);
    assert.equal(capabilities.codeActionProvider, true);
  });

  it('is told positions count UTF-16 code units, and gets them so after a name that is not ASCII', async () => {
    assert.equal(client.initializeResult!.capabilities.positionEncoding, 'utf-16');
    const [diagnostic] = await client.pushed(uri, 1);
    assert.equal(diagnostic.code, 'LT402');
    assert.deepEqual(diagnostic.range.start, client.positionOf(uri, 'true, "VerificationLevel"'));
  });

  it('gets hover and completion documentation as plain text, never markdown it did not ask for', async () => {
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: client.positionOf(uri, 'ProxyFqdn', 2) })) as Hover;
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^ProxyFqdn · parameter of New-CsHostingProvider/);
    assert.doesNotMatch(contents.value, /\*\*|`/);
    const position = client.positionOf(uri, '"Enabled"');
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal((item.documentation as MarkupContent).kind, 'plaintext', item.label);
      assert.doesNotMatch((item.documentation as MarkupContent).value, /\*\*/, item.label);
      assert.notEqual(item.insertTextFormat, 2, item.label);
    }
  });

  it('gets its fixes as commands, which the server applies through workspace/applyEdit for the version they were made for', async () => {
    const [diagnostic] = await client.pushed(uri, 1);
    const ask = () => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as Promise<Command[]>;
    const commands = await ask();
    assert.ok(commands.length > 0);
    for (const command of commands) assert.equal(typeof command.command, 'string', JSON.stringify(command));
    const fix = commands.find((c) => c.title === 'Change to false')!;
    // An edit typed after the fix was offered makes it stale: it is refused, and nothing is applied.
    const typed = client.edit(uri, '"contoso.com"', '"contoso.org"');
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }));
    assert.deepEqual(client.applied, []);
    assert.deepEqual((await client.pushed(uri, typed)).map((d) => d.code), ['LT402']);
    const fresh = (await ask()).find((c) => c.title === 'Change to false')!;
    await client.connection.sendRequest('workspace/executeCommand', { command: fresh.command, arguments: fresh.arguments });
    assert.equal(client.applied.length, 1);
    assert.match(client.text(uri), /"IsLocal": false/);
    assert.deepEqual(await client.pushed(uri, typed + 1), []);
  });

  it('is told why a fix it would not apply failed', async () => {
    const other = 'file:///refused.lync.jsonc';
    client.open(other, TEXT);
    const [diagnostic] = await client.pushed(other, 1);
    const [fix] = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: other }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as Command[];
    client.connection.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'the file is read-only' }));
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), (error: { code: number; message: string }) => error.code === -32803 && /read-only/.test(error.message));
    client.connection.onRequest('workspace/applyEdit', () => {
      throw new Error('no edits here');
    });
    await assert.rejects(client.connection.sendRequest('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), (error: { code: number; message: string }) => error.code === -32803 && /no edits here/.test(error.message));
    assert.equal(client.text(other), TEXT);
    assert.deepEqual(client.logged, []);
  });
});

describe('a client that can neither take code action literals nor apply an edit', () => {
  it('is offered no code actions, and no command', async () => {
    const client = await bare(false);
    try {
      const uri = 'file:///noedit.lync.jsonc';
      client.open(uri, TEXT);
      const [diagnostic] = await client.pushed(uri, 1);
      assert.equal(client.initializeResult!.capabilities.executeCommandProvider, undefined);
      assert.equal(client.initializeResult!.capabilities.codeActionProvider, undefined);
      assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }), []);
    } finally {
      await client.stop();
    }
  });
});

describe('a client that announces prepareSupport and code action literals', () => {
  it('is offered prepareRename and the kinds of code actions', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const { capabilities } = client.initializeResult!;
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll'] });
    } finally {
      await client.stop();
    }
  });
});
