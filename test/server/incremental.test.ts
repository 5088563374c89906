import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { generateProcedureTopology } from '../../bench/topology';
import { EDIT, placed, TEXTS, type EditSpec } from '../fuzz/editedTexts';
import { TestClient } from './client';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** What the client shows of a diagnostic: where, what code, how severe, what it says. */
function shown(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, fixes: d.data }));
}

/** What a fresh analysis of the client's text reports, as the server would send it. */
function expected(document: TextDocument): unknown[] {
  return shown(
    analyze(document.getText()).diagnostics.map((d) => ({
      range: { start: document.positionAt(d.span.start), end: document.positionAt(d.span.end) },
      code: d.code,
      severity: SEVERITY[d.severity],
      message: d.message,
      data: { fixes: d.fixes.map((f) => ({ title: f.title, preferred: f.preferred })) },
    })),
  );
}

/** One didChange: several ranged changes made on the same text, none overlapping another. */
function changesOf(document: TextDocument, specs: readonly EditSpec[]): TextEdit[] {
  const text = document.getText();
  // Offsets as positions give them back: one between the halves of a CRLF or of a surrogate pair moves.
  const offset = (at: number) => document.offsetAt(document.positionAt(at));
  const spans = specs.map((spec) => placed(text, spec)).map((span) => ({ ...span, start: offset(span.start), end: offset(span.end) }));
  const kept: typeof spans = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) if (kept.length === 0 || span.start > kept[kept.length - 1].end) kept.push(span);
  return kept.map(({ start, end, newText }) => ({ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText }));
}

const series = fc.record({
  text: fc.constantFrom(...TEXTS),
  // Each series is several didChange notifications, each of one to three changes, before diagnostics are asked for.
  rounds: fc.array(fc.array(fc.array(EDIT, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
});

for (const pull of [true, false]) {
  describe(`incremental analysis over stdio, diagnostics by ${pull ? 'pull' : 'push'}`, () => {
    let client: TestClient;
    before(async () => (client = await TestClient.start({ pull })));
    after(() => client.stop());

    let opened = 0;
    /** Diagnostics of a document once they are of its current version. */
    const diagnosticsOf = (uri: string) => (pull ? client.pull(uri) : client.pushed(uri, client.document(uri).version));

    /** What the server answers for the document and for a copy of its text opened fresh under another name. */
    async function compareWithFresh(uri: string, diagnostics: Diagnostic[]): Promise<void> {
      const copy = `file:///incremental/fresh-${pull}-${++opened}.lync.jsonc`;
      client.open(copy, client.text(uri));
      try {
        const fresh = await diagnosticsOf(copy);
        assert.deepEqual(shown(diagnostics), shown(fresh));
        const picks = [...new Set([0, diagnostics.length >> 1, diagnostics.length - 1])].filter((i) => i >= 0 && i < diagnostics.length);
        for (const i of picks) {
          const ask = (target: string, diagnostic: Diagnostic) =>
            client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: target }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
          const actions = JSON.stringify(await ask(uri, diagnostics[i]));
          const freshActions = JSON.stringify(await ask(copy, fresh[i])).split(JSON.stringify(copy)).join(JSON.stringify(uri));
          assert.equal(actions, freshActions, `code actions at ${diagnostics[i].code}`);
        }
        const fixAll = async (target: string) =>
          JSON.stringify(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: target }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }));
        assert.equal(await fixAll(uri), (await fixAll(copy)).split(JSON.stringify(copy)).join(JSON.stringify(uri)), 'fix-all');
        const symbols = (target: string) => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: target } });
        assert.deepEqual(await symbols(uri), await symbols(copy));
      } finally {
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: copy } });
      }
    }

    it('sends after every series of changes what a fresh analysis of the same text gives', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(series, async ({ text, rounds }) => {
          const uri = `file:///incremental/${pull}-${++run}.lync.jsonc`;
          client.open(uri, text);
          try {
            await diagnosticsOf(uri);
            for (const round of rounds) {
              for (const specs of round) client.change(uri, changesOf(client.document(uri), specs));
              const diagnostics = await diagnosticsOf(uri);
              assert.deepEqual(shown(diagnostics), expected(client.document(uri)));
              await compareWithFresh(uri, diagnostics);
            }
          } finally {
            await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
          }
        }),
        { seed: pull ? 41 : 42, numRuns: 30 },
      );
    });

    it('takes a rename of hundreds of grants in one notification, and changes sent front to back', async () => {
      const granted = generateProcedureTopology(300, 10, 10).replace(/("sip:user(\d+)@contoso\.com", "HostedVoiceMail": true)( \})/g, (line, user: string, n: string, end: string) =>
        Number(n) % 3 === 0 ? `${user}, "HostedVoicemailPolicy": "ExRedmond"${end}` : line,
      );
      const uri = `file:///incremental/${pull}-rename.lync.jsonc`;
      client.open(uri, granted);
      try {
        await diagnosticsOf(uri);
        const document = client.document(uri);
        const names = [...granted.matchAll(/"ExRedmond"/g)].map((m) => m.index + 1);
        assert.ok(names.length > 100, `${names.length} names`);
        client.change(uri, names.map((at) => ({ range: { start: document.positionAt(at), end: document.positionAt(at + 9) }, newText: 'ExRedmondHQ' })));
        const diagnostics = await diagnosticsOf(uri);
        assert.deepEqual(shown(diagnostics), expected(client.document(uri)));
        assert.ok(client.text(uri).includes('"ExRedmondHQ"') && !client.text(uri).includes('"ExRedmond"'));
        await compareWithFresh(uri, diagnostics);
      } finally {
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      // Front to back, each change's range is in the text the ones before it made: a line put in at the top moves
      // the value the second change replaces down by one line.
      const front = `file:///incremental/${pull}-front.lync.jsonc`;
      const text = '{ "HostingProviders": [\n  { "Identity": "P", "ProxyFqdn": "p.example.com", "Enabled": "yes" }\n] }';
      client.open(front, text);
      try {
        await diagnosticsOf(front);
        const line = text.split('\n')[1];
        const value = line.indexOf('"yes"');
        const contentChanges = [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// providers\n' },
          { range: { start: { line: 2, character: value }, end: { line: 2, character: value + 5 } }, text: '"no"' },
        ];
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: front, version: 2 }, contentChanges });
        const after = `// providers\n${text.replace('"yes"', '"no"')}`;
        const diagnostics = await (pull ? client.pull(front) : client.pushed(front, 2));
        assert.deepEqual(shown(diagnostics), expected(TextDocument.create(front, 'lync-topology', 2, after)));
        const enabled = diagnostics.find((d) => d.code === 'LT101');
        assert.deepEqual(enabled?.range, { start: { line: 2, character: value }, end: { line: 2, character: value + 4 } }, 'the second change lands on the value');
      } finally {
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: front } });
      }
    });

    it('follows changes that make a stray word longer, join two values, or close a string broken by a line break', async () => {
      const uri = `file:///incremental/${pull}-joins.lync.jsonc`;
      client.open(uri, '{ "ServerVersion": "Lync Server 2013", x, "SipDomains": [1 2, "\nlitwareinc.com", true ,false] }');
      try {
        await diagnosticsOf(uri);
        const at = (search: string, delta: number) => client.positionOf(uri, search, delta);
        const steps: [string, number, number, string][] = [
          ['x,', 1, 1, 'y'],
          ['1 2', 1, 2, ''],
          ['"\n', 1, 2, ''],
          ['true ,', 4, 5, ''],
        ];
        for (const [search, from, to, newText] of steps) {
          client.change(uri, [{ range: { start: at(search, from), end: at(search, to) }, newText }]);
          assert.deepEqual(shown(await diagnosticsOf(uri)), expected(client.document(uri)), `${search} -> ${newText}`);
        }
      } finally {
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
    });
  });
}
