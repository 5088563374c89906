import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyze, changeBetween } from '../../server/src/core';
import { generateProcedureTopology } from '../../bench/topology';
import { repoFile } from '../helpers';
import { TestClient } from './client';

describe('changeBetween', () => {
  it('gives the one span that differs and what replaces it', () => {
    const cases: [string, string][] = [
      ['abcdef', 'abXYef'],
      ['aaaa', 'aaaaa'],
      ['aaaaa', 'aa'],
      ['same', 'same'],
      ['', 'new'],
      ['old', ''],
      ['a\r\nb', 'a\rb'],
      ['{ "x": 1 }', ' { "x": 1 } '],
    ];
    for (const [before, after] of cases) {
      const { span, newText } = changeBetween(before, after);
      assert.equal(before.slice(0, span.start) + newText + before.slice(span.end), after, `${before} -> ${after}`);
      assert.ok(span.start <= span.end && span.end <= before.length);
      // Nothing either side of the span is the same in both: the span is as small as it can be.
      assert.ok(newText.length === 0 || span.end === span.start || before[span.start] !== newText[0] || before[span.end - 1] !== newText[newText.length - 1]);
    }
    assert.deepEqual(changeBetween('abcdef', 'abXYef'), { span: { start: 2, end: 4 }, newText: 'XY' });
  });
});

describe('a client that sends the whole text of every change', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ pull: true })));
  after(() => client.stop());

  const findings = (text: string) => analyze(text).diagnostics.map((d) => `${d.code} ${d.span.start}`);

  it('gets the diagnostics of each new text, whether the edit falls inside an entry, between entries or anywhere', async () => {
    const uri = 'file:///full-sync.lync.jsonc';
    let text = generateProcedureTopology(30, 6, 8);
    client.open(uri, text);
    let version = 1;
    const offsets = (diagnostics: { range: { start: { line: number; character: number } } }[], current: string) => {
      const starts = [0, ...[...current.matchAll(/\n/g)].map((m) => m.index + 1)];
      return diagnostics.map((d) => starts[d.range.start.line] + d.range.start.character);
    };
    const steps: [string, string][] = [
      ['"sip:user7@', '"sip:user7x@'],
      ['"HostedVoiceMail": true }', '"HostedVoiceMail": "yes" }'],
      ['\n    { "Identity": "sip:user9@', '\n      { "Identity": "sip:user9@'],
      ['"UseDnsSrvRouting": true', '"UseDnsSrvRouting": 1'],
      ['"Identity": "ExRedmond"', '"Identity": "ExRedmon"'],
      ['"Identity": "ExRedmon"', '"Identity": "ExRedmond"'],
      ['{', '// replaced whole\n{'],
    ];
    for (const [search, replacement] of steps) {
      assert.ok(text.includes(search), search);
      text = text.replace(search, replacement);
      version++;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const diagnostics = await client.pull(uri);
      const codes = diagnostics.map((d) => String(d.code));
      const expected = analyze(text).diagnostics;
      assert.deepEqual(codes, expected.map((d) => d.code), replacement);
      assert.deepEqual(offsets(diagnostics, text), expected.map((d) => d.span.start), replacement);
    }
    assert.ok(findings(text).length > 0, 'the edits left findings to compare');
  });

  it('follows several whole texts sent before diagnostics are asked for', async () => {
    const uri = 'file:///full-sync-batch.lync.jsonc';
    const original = repoFile('examples/exchange-online.lync.jsonc');
    client.open(uri, original);
    let text = original;
    for (let version = 2; version < 8; version++) {
      const at = text.indexOf('"Comment"');
      text = `${text.slice(0, at + 2)}x${text.slice(at + 2)}`;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    assert.deepEqual((await client.pull(uri)).map((d) => String(d.code)), analyze(text).diagnostics.map((d) => d.code));
  });

  it('reads a range given end first as the same range', async () => {
    const uri = 'file:///reversed-range.lync.jsonc';
    const original = repoFile('examples/exchange-online.lync.jsonc');
    client.open(uri, original);
    const at = original.indexOf('"Comment"') + 1;
    const lines = original.slice(0, at).split('\n');
    const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const end = { line: start.line, character: start.character + 7 };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end: start }, text: 'Coment' }] });
    const text = `${original.slice(0, at)}Coment${original.slice(at + 7)}`;
    const expected = analyze(text).diagnostics;
    assert.ok(expected.length > 0, 'the misspelt key is reported');
    assert.deepEqual((await client.pull(uri)).map((d) => String(d.code)), expected.map((d) => d.code));
  });
});
