import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { frame, TestClient } from './client';

/** LT305, a warning, and LT101, an error, as their severities are by default. */
const TEXT = '{ "AccessEdgeConfiguration": { "EnablePartnerDiscovery": true, "AllowFederatedUsers": "True" } }';

describe('settings pushed by a client that has no workspace/configuration', () => {
  let client: TestClient;
  let version = 1;
  const uri = 'file:///pushed.lync.jsonc';
  before(async () => {
    client = await TestClient.start({ pull: false, configuration: false, initializationOptions: { lyncTopology: { severity: { LT305: 'off' } } } });
    client.open(uri, TEXT);
  });
  after(() => client.stop());

  /** The codes pushed after one more change, so that they are made with the settings as they now are. */
  async function codesAfterAChange(): Promise<string[]> {
    version = client.edit(uri, version % 2 ? '"True"' : '"true"', version % 2 ? '"true"' : '"True"');
    return (await client.pushed(uri, version)).map((d) => `${d.code}:${d.severity}`);
  }

  it('keeps the settings of the initialization options when a notification says nothing of lyncTopology', async () => {
    assert.deepEqual((await client.pushed(uri, 1)).map((d) => d.code), ['LT101']);
    // As JSON-RPC carries them: no params, params null (vscode-jsonrpc would send a null as [null]).
    for (const params of [', "params": null', '']) client.raw(frame(`{ "jsonrpc": "2.0", "method": "workspace/didChangeConfiguration"${params} }`));
    assert.deepEqual(await codesAfterAChange(), ['LT101:1']);
    for (const params of [{}, { settings: null }, { settings: 'lyncTopology' }, { settings: { json: { validate: { enable: true } } } }, { settings: { lyncTopology: 'off' } }, { settings: { lyncTopology: [] } }]) {
      await client.connection.sendNotification('workspace/didChangeConfiguration', params);
      assert.deepEqual(await codesAfterAChange(), ['LT101:1'], JSON.stringify(params));
    }
    assert.deepEqual(client.logged, []);
  });

  it('reads a partial section as the whole section, each setting it leaves out at its default', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { lyncTopology: { severity: { LT101: 'warning' } } } });
    assert.deepEqual(await codesAfterAChange(), ['LT305:2', 'LT101:2']);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { lyncTopology: { validate: false } } });
    assert.deepEqual(await codesAfterAChange(), []);
  });
});

describe('document notifications of the wrong shape', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ pull: false })));
  after(() => client.stop());

  const notify = (method: string, params: unknown) => client.connection.sendNotification(method, params);

  it('are dropped with one line in the log, and leave the documents as they were', async () => {
    const uri = 'file:///shapes.lync.jsonc';
    client.open(uri, TEXT);
    assert.deepEqual((await client.pushed(uri, 1)).map((d) => d.code), ['LT305', 'LT101']);
    const other = 'file:///other.lync.jsonc';
    await notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'lync-topology', version: 1, text: 42 } });
    await notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'lync-topology', version: 'one', text: '{}' } });
    await notify('textDocument/didOpen', { textDocument: { uri: 7, languageId: 'lync-topology', version: 1, text: '{}' } });
    await notify('textDocument/didChange', { textDocument: { uri, version: 'two' }, contentChanges: [{ text: '{}' }] });
    await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 5 }] });
    await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }] });
    await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 } }, text: 'x' }] });
    await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: { text: '{}' } });
    // A valid change, to a text the server must still hold as the client does.
    const version = client.edit(uri, '"True"', 'true');
    assert.deepEqual((await client.pushed(uri, version)).map((d) => d.code), ['LT305']);
    await assert.rejects(client.connection.sendRequest('lyncTopology/cmdlets', { uri: other }), (error: { code: number }) => error.code === -32602);
    assert.equal(client.logged.length, 8, client.logged.join('\n'));
    for (const line of client.logged) assert.doesNotMatch(line, /\n\s+at /, 'no stack trace');
  });
});

describe('a document opened again at the same version', () => {
  const first = '{ "Nope": 1 }';

  it('is checked again when pushed: the analysis of the first text is not kept', async () => {
    // Settings it pulls would push the diagnostics of every open document again: these are only those of an opening.
    const client = await TestClient.start({ pull: false, configuration: false });
    try {
      const uri = 'file:///reopened-push.lync.jsonc';
      client.open(uri, first);
      assert.deepEqual((await client.pushed(uri, 1)).map((d) => d.code), ['LT003']);
      client.published.delete(uri);
      client.open(uri, '{}');
      assert.deepEqual(await client.pushed(uri, 1), []);
    } finally {
      await client.stop();
    }
  });

  it('is never answered "unchanged" when pulled with the result id of the first text, opened twice or closed between', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const uri = 'file:///reopened-pull.lync.jsonc';
      const pull = async (previousResultId?: string) => (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId })) as { kind: string; resultId: string; items?: { code: string }[] };
      client.open(uri, first);
      const before = await pull();
      assert.deepEqual(before.items!.map((d) => d.code), ['LT003']);
      client.open(uri, '{}');
      const again = await pull(before.resultId);
      assert.deepEqual([again.kind, again.items], ['full', []]);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      client.open(uri, first);
      const reopened = await pull(again.resultId);
      assert.deepEqual([reopened.kind, reopened.items!.map((d) => d.code)], ['full', ['LT003']]);
      assert.equal((await pull(reopened.resultId)).kind, 'unchanged');
    } finally {
      await client.stop();
    }
  });
});

describe('URIs as clients write them', () => {
  it('name the document in messages and scripts by its decoded file name, a malformed escape kept as written', async () => {
    const client = await TestClient.start({ pull: true, configuration: false, initializationOptions: { lyncTopology: { maxItemsComputed: 1 } } });
    try {
      const text = '{ "SipDomains": ["contoso.com"], "AllowedDomains": [ { "Identity": "fabrikam.com" } ] }';
      for (const [uri, name] of [
        ['file:///bad%zz.lync.jsonc', 'bad%zz.lync.jsonc'],
        ['file:///my%20topologies/a%20b%E2%82%AC.lync.jsonc', 'a b€.lync.jsonc'],
        ['untitled:Untitled-1', 'Untitled-1'],
      ]) {
        client.open(uri, text);
        const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
        assert.equal(symbols.length, 1, uri);
        assert.ok(client.shown.some((message) => message.startsWith(`${name}: `)), client.shown.join('\n'));
        const plan = (await client.connection.sendRequest('lyncTopology/plan', { uri, deployed: { name: 'deployed.lync.jsonc', text: '{}' } })) as { script: string };
        assert.match(plan.script, new RegExp(`what ${name.replace(/[.%]/g, '\\$&')} says`), uri);
      }
      assert.deepEqual(client.logged, []);
    } finally {
      await client.stop();
    }
  });
});
