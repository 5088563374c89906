import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { hostedUm, repoFile, UM_PROVIDER } from '../helpers';
import { eventually, TestClient } from './client';

const NOWHERE = 'file:///nowhere.lync.jsonc';
const ORIGIN = { line: 0, character: 0 };

describe('a server that stays up', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ pull: true })));
  after(() => client.stop());

  /** A normal request still gets the right answer. */
  async function stillAnswers(): Promise<void> {
    const uri = `file:///healthy-${Date.now()}-${Math.random()}.lync.jsonc`;
    client.open(uri, '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": "True" } }');
    assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['LT101']);
  }

  it('answers requests for documents it has not seen', async () => {
    const at = { textDocument: { uri: NOWHERE }, position: ORIGIN };
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', at), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', at), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/definition', at), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: NOWHERE } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: NOWHERE } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: NOWHERE }, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: NOWHERE }, range: { start: ORIGIN, end: ORIGIN }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.pull(NOWHERE), []);
    await stillAnswers();
  });

  it('answers positions past the end of the document', async () => {
    const uri = 'file:///short.lync.jsonc';
    client.open(uri, hostedUm(UM_PROVIDER));
    const far = { line: 9999, character: 9999 };
    assert.ok(Array.isArray(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: far })));
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -1 } });
    await client.connection.sendRequest('textDocument/selectionRange', { textDocument: { uri }, positions: [far] });
    await stillAnswers();
  });

  it('answers malformed parameters with a fallback, and logs what it swallowed', async () => {
    assert.equal(await client.connection.sendRequest('textDocument/hover', {}), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', { textDocument: 42 }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///short.lync.jsonc' } }), []);
    await assert.rejects(client.connection.sendRequest('lyncTopology/cmdlets', null));
    await eventually(() => (client.logged.some((m) => /code actions failed/.test(m)) ? true : undefined), 'a log of the swallowed error');
    await stillAnswers();
  });

  it('gives a 30 MB document, above the size limit, one information instead of a full check', async () => {
    const uri = 'file:///huge.lync.jsonc';
    const provider = '{ "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" },\n';
    client.open(uri, `{ "HostingProviders": [\n${provider.repeat(Math.ceil(30_000_000 / provider.length))}] }`);
    const diagnostics = await client.pull(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['LT000', 3]]);
    await stillAnswers();
  });

  it('keeps answering after a request is cancelled', async () => {
    const uri = 'file:///cancel.lync.jsonc';
    client.open(uri, repoFile('examples/mixed.lync.jsonc'));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: ORIGIN }, source.token);
    source.cancel();
    await pending.catch(() => undefined);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: client.positionOf(uri, 'Mode', 1) })) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*Mode\*\*/);
  });
});

describe('a burst of changes', () => {
  it('ends with the diagnostics of the last version only', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = 'file:///burst.lync.jsonc';
      client.open(uri, '{ "AccessEdgeConfiguration": { "MaxContactsPerDiscoveredPartner": 0 } }');
      let version = 1;
      for (let i = 1; i <= 1000; i++) version = client.edit(uri, /(\d+|"x") \}/.exec(client.text(uri))![0], `${i % 7 === 0 ? '"x"' : i} }`);
      assert.equal(version, 1001);
      assert.deepEqual(await client.pushed(uri, 1001), []);
      version = client.edit(uri, '1000 }', '"1000" }');
      const [last] = await client.pushed(uri, version);
      assert.equal(last.code, 'LT101');
    } finally {
      await client.stop();
    }
  });
});

describe('settings', () => {
  it('are read through workspace/configuration and followed when they change', async () => {
    const client = await TestClient.start({ pull: true, settings: { severity: { LT305: 'off', LT306: 'error' } } });
    try {
      const uri = 'file:///settings.lync.jsonc';
      client.open(uri, '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true, "BeClearingHouse": true, "DnsSrvCacheRecordCount": 10 } }');
      const codes = async () => (await client.pull(uri)).map((d: Diagnostic) => `${d.code}:${d.severity}`);
      assert.deepEqual(await eventuallyEqual(codes, ['LT306:1', 'LT203:1']), ['LT306:1', 'LT203:1']);
      client.settings = { serverVersion: 'Skype for Business Server 2015' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await eventuallyEqual(codes, ['LT305:2', 'LT306:2']), ['LT305:2', 'LT306:2']);
      client.settings = { validate: false };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await eventuallyEqual(codes, []), []);
    } finally {
      await client.stop();
    }
  });
});

/** Pulls until the answer equals `expected` or the deadline passes; returns the last answer. */
async function eventuallyEqual(probe: () => Promise<string[]>, expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (JSON.stringify(value) === JSON.stringify(expected) || Date.now() > deadline) return value;
  }
}

