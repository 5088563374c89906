import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { DEFAULT_MAX_ITEMS_COMPUTED, readSettings } from '../../server/src/lsp/settings';
import { repoFile } from '../helpers';
import { TestClient } from './client';

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

function count(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((sum, s) => sum + 1 + count(s.children ?? []), 0);
}

describe('the outline and folding limit (lyncTopology.maxItemsComputed)', () => {
  let client: TestClient;
  let unlimited: TestClient;
  before(async () => {
    [client, unlimited] = await Promise.all([
      TestClient.start({ pull: true, settings: { maxItemsComputed: 4 } }),
      TestClient.start({ pull: true, settings: { maxItemsComputed: 1_000_000 }, foldingRangeLimit: 2 }),
    ]);
  });
  after(() => Promise.all([client.stop(), unlimited.stop()]));

  const symbols = (c: TestClient, uri: string) => c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
  const folds = (c: TestClient, uri: string) => c.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }) as Promise<FoldingRange[]>;

  it('computes at most that many symbols, outer ones first, and says so once per document', async () => {
    const uri = 'file:///limits/first%20file.lync.jsonc';
    client.open(uri, EXAMPLE);
    unlimited.open(uri, EXAMPLE);
    const whole = await symbols(unlimited, uri);
    assert.ok(count(whole) > 4);
    const cut = await symbols(client, uri);
    assert.equal(count(cut), 4);
    assert.deepEqual(cut.map((s) => s.name), whole.slice(0, 4).map((s) => s.name));
    assert.equal(client.shown.length, 1);
    assert.match(client.shown[0], /^first file\.lync\.jsonc: .* at most 4 items .*lyncTopology\.maxItemsComputed/);
    assert.equal((await folds(client, uri)).length, 4);
    await symbols(client, uri);
    assert.equal(client.shown.length, 1, 'one message for the document, whatever was cut');
    const other = 'file:///limits/second.lync.jsonc';
    client.open(other, EXAMPLE);
    await folds(client, other);
    assert.equal(client.shown.length, 2);
    assert.match(client.shown[1], /^second\.lync\.jsonc: /);
  });

  it('folds no more than the client takes, under a higher setting', async () => {
    const uri = 'file:///limits/client.lync.jsonc';
    unlimited.open(uri, EXAMPLE);
    const ranges = await folds(unlimited, uri);
    assert.equal(ranges.length, 2);
    assert.equal(ranges[0].startLine, EXAMPLE.slice(0, EXAMPLE.indexOf('{')).split('\n').length - 1, 'the whole file folds first');
    assert.ok(count(await symbols(unlimited, uri)) > 2, 'the outline is not held to the folding cap');
    assert.equal(unlimited.shown.length, 1);
  });
});

describe('reading lyncTopology.maxItemsComputed', () => {
  it('takes a whole number of at least one, and the default of VS Code\'s json.maxItemsComputed otherwise', () => {
    assert.equal(DEFAULT_MAX_ITEMS_COMPUTED, 5000);
    assert.equal(readSettings({}).maxItemsComputed, 5000);
    assert.equal(readSettings({ maxItemsComputed: 120.7 }).maxItemsComputed, 120);
    for (const wrong of [0, -3, '100', null]) assert.equal(readSettings({ maxItemsComputed: wrong }).maxItemsComputed, 5000, String(wrong));
  });
});
