import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { repoFile } from '../helpers';
import { frame, TestClient } from './client';

describe('malformed JSON-RPC', () => {
  let client: TestClient;
  // Push mode: after the didOpen the client sends nothing, so a message the server failed to read on would never be answered.
  before(async () => (client = await TestClient.start({ pull: false })));
  after(() => client.stop());

  /** After the abuse, a document opened in the same write is checked and answered correctly. */
  async function stillAnswers(garbage: string): Promise<void> {
    const uri = `file:///after-${Math.random()}.lync.jsonc`;
    client.open(uri, '{ "SipDomains": "contoso.com" }', garbage);
    const diagnostics = await client.pushed(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['LT101']);
  }

  for (const [name, garbage] of [
    ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n'],
    ['a header line without a colon', 'Hello server\r\n\r\n'],
    ['a body that is not JSON', frame('{"jsonrpc": "2.0", "id": 1, oops')],
    ['a body that is a JSON array', frame('[1, 2, 3]')],
    ['a request whose params have the wrong types', frame(JSON.stringify({ jsonrpc: '2.0', id: 'x', method: 'textDocument/completion', params: { textDocument: 7, position: 'top' } }))],
    ['a notification for an unknown method', frame(JSON.stringify({ jsonrpc: '2.0', method: 'lyncTopology/unknown', params: {} }))],
    ['a change for a document that is not open', frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///ghost', version: 2 }, contentChanges: [{ text: '{}' }] } }))],
  ] as const) {
    it(`survives ${name}`, () => stillAnswers(garbage));
  }

  it('answers an unknown request with MethodNotFound', async () => {
    await assert.rejects(client.connection.sendRequest('lyncTopology/unknown', {}), (error: { code: number }) => error.code === -32601);
    await stillAnswers('');
  });

  it('follows the last change sent when versions arrive out of order', async () => {
    const uri = 'file:///versions.lync.jsonc';
    client.open(uri, '{}');
    const send = (version: number, text: string) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await send(5, '{ "SipDomains": "a.com" }');
    await send(3, '{ "Nope": true }');
    assert.deepEqual((await client.pushed(uri, 3)).map((d) => d.code), ['LT003']);
  });
});

describe('nothing written unasked', () => {
  it('a whole editing session leaves the disk as it was', async () => {
    const home = mkdtempSync(join(tmpdir(), 'lync-topology-home-'));
    const work = mkdtempSync(join(tmpdir(), 'lync-topology-cwd-'));
    const project = mkdtempSync(join(tmpdir(), 'lync-topology-project-'));
    const file = join(project, 'mistakes.lync.jsonc');
    const original = repoFile('test/fixtures/mistakes.lync.jsonc');
    writeFileSync(file, original);
    const client = await TestClient.start({ pull: true, cwd: work, env: { ...process.env, HOME: home, TMPDIR: work } });
    try {
      const uri = pathToFileURL(file).href;
      client.open(uri, original);
      const diagnostics = await client.pull(uri);
      const end = client.document(uri).positionAt(original.length);
      const [fixAll] = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics, only: ['source.fixAll'] } })) as CodeAction[];
      client.change(uri, fixAll.edit!.changes![uri] as TextEdit[]);
      await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: client.positionOf(uri, '"Hosted Exchange UM"', 2), newName: 'UM' })) as WorkspaceEdit;
      await client.connection.sendRequest('lyncTopology/cmdlets', { uri });
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    } finally {
      await client.stop();
    }
    assert.equal(readFileSync(file, 'utf8'), original, 'the topology file is untouched');
    assert.deepEqual(readdirSync(project), ['mistakes.lync.jsonc']);
    assert.deepEqual(readdirSync(work), []);
    assert.deepEqual(readdirSync(home), []);
  });
});
