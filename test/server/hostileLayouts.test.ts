import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/core';
import { TestClient } from './client';

/**
 * Every quick fix, suppression and fix-all of a file whose findings do not depend on one another, in layouts
 * other tests do not write, over stdio as VS Code applies them: the file parses as before, keeps its line
 * breaks and every comment after what it followed, and reports what it did but for the finding fixed, each
 * other finding on its own text.
 */
const BASE = `{
  "SipDomains": ["contoso.com"],
  "AccessEdgeConfiguration": {
    "UseDnsSrvRouting": true,
    "AllowFederatedUsers": "True",
    "EnablePartnerDiscovery": true,
    "Force": true,
    "WhatIf": true
  },
  "AllowedDomains": [
    { "Identity": "fabrikam.com", "ProxyFQDN": "sip.fabrikam.com" },
    { "Identity": "litwareinc.com", "Comment": "partner" }
  ],
  "BlockedDomains": [{ "Identity": "adatum.com", "Confirm": true }],
  "HostingProviders": [
    {
      "Identity": "Fabrikam",
      "ProxyFqdn": "sip.fabrikam.com"
    }
  ]
}
`;

const LAYOUTS: Record<string, (text: string) => string> = {
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  cr: (t) => t.replace(/\n/g, '\r'),
  mixed: (t) => {
    let i = 0;
    return t.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
  },
  tabs: (t) => t.replace(/\n( +)/g, (_, s: string) => `\n${'\t'.repeat(s.length / 2)}`),
  'odd indentation': (t) => t.replace(/\n( +)/g, (_, s: string) => `\n${' '.repeat((s.length / 2) * 3)}`),
  'byte order mark and surrogate pairs': (t) => `\ufeff// 😀 contoso 𝄞\n${t.replace('"partner"', '"😀 partner 𝄞"')}`,
  'comments between key and colon': (t) => t.replace(/"([A-Za-z]+)": /g, '"$1" /* k */: '),
  'comments before values': (t) => t.replace(/"([A-Za-z]+)": /g, '"$1": /* v */ '),
  'line comments after commas': (t) => t.replace(/,\n/g, ', // note\n'),
  'line comments after last entries': (t) => t.replace(/([^,{[\s])\n/g, '$1 // last\n'),
  'block comments before commas': (t) => t.replace(/([^\s,]),\n/g, '$1 /* b */,\n'),
  'trailing commas': (t) => t.replace(/([}\]"el0-9])(\s*\n\s*[}\]])/g, '$1,$2'),
  'one line, ending in a comment without a line break': (t) => `${t.replace(/\n\s*/g, ' ').trim()} // end`,
  'suppression comments': (t) => t.replace('\n    "Force"', '\n    // lync-topology-disable-next-line LT101 -- kept\n    "Force"').replace('"WhatIf": true', '"WhatIf": true /* lync-topology-disable-next-line */'),
};

let client: TestClient;
let counter = 0;

before(async () => (client = await TestClient.start({ pull: true, documentChanges: true })));
after(() => client.stop());

function open(text: string): string {
  const uri = `file:///layouts/${++counter}.lync.jsonc`;
  client.open(uri, text);
  return uri;
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return ((edit?.documentChanges ?? []) as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
}

/** Offsets of the edits in `text`, checked as VS Code checks them: on a line, outside surrogate pairs and line breaks, not overlapping. */
function offsetsOf(text: string, edits: readonly TextEdit[], what: string): { start: number; end: number; newText: string }[] {
  const document = TextDocument.create('file:///x', 'x', 1, text);
  const lines = text.split(/\r\n|\r|\n/);
  const spans = edits.map((edit) => {
    for (const p of [edit.range.start, edit.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${what}: ${JSON.stringify(p)} is off its line`);
    const span = { start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText };
    for (const at of [span.start, span.end]) assert.ok(!/[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(at - 1, at + 1)), `${what}: splits a surrogate pair`);
    return span;
  });
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, `${what}: overlapping edits`);
  return spans;
}

/** Where `offset` of the text before the edits is after them (an end stays before text inserted at it); undefined inside a replaced part. */
function moved(spans: readonly { start: number; end: number; newText: string }[], offset: number, isEnd: boolean): number | undefined {
  let at = offset;
  for (const s of spans) {
    if (s.end < offset || (s.end === offset && (s.start < s.end || !isEnd))) at += s.newText.length - (s.end - s.start);
    else if (s.start < offset && offset < s.end) return undefined;
  }
  return at;
}

/** Each comment with where the value token before it on its line ends (commas skipped), or -1 when none is. */
function comments(text: string): { comment: string; after: number }[] {
  const scanner = createScanner(text, false);
  const found: { comment: string; after: number }[] = [];
  let after = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const end = scanner.getTokenOffset() + scanner.getTokenLength();
    if (kind === SyntaxKind.LineBreakTrivia) after = -1;
    else if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) found.push({ comment: text.slice(scanner.getTokenOffset(), end), after });
    else if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.CommaToken) after = end;
  }
  return found;
}

interface Finding {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

function findings(text: string, diagnostics: readonly Diagnostic[]): Finding[] {
  const document = TextDocument.create('file:///x', 'x', 1, text);
  return diagnostics.map((d) => ({ code: String(d.code), start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end), line: d.range.start.line }));
}

/**
 * Applies `edits` to the open document as VS Code would, and checks the text. `dropped` are the comments the edit
 * may take away (those of a removed entry's line). Returns the text after.
 */
function applyAndCheck(uri: string, edits: readonly TextEdit[], what: string, dropped: (comment: string) => boolean): { text: string; spans: { start: number; end: number; newText: string }[] } {
  const text = client.text(uri);
  const spans = offsetsOf(text, edits, what);
  client.change(uri, [...edits]);
  const after = client.text(uri);
  assert.ok(analyze(after).parsed.problems.length <= analyze(text).parsed.problems.length, `${what}: a syntax error\n${after}`);
  // A file of one line has no line break of its own: LF is taken, as by lineBreakOf.
  const breaks = new Set(text.match(/\r\n|\r|\n/g) ?? ['\n']);
  for (const s of spans) for (const eol of s.newText.match(/\r\n|\r|\n/g) ?? []) assert.ok(breaks.has(eol), `${what}: inserts ${JSON.stringify(eol)}`);
  const own = new Set(text.match(/\r\n|\r|\n/g));
  if (own.size === 1) assert.deepEqual(new Set(after.match(/\r\n|\r|\n/g)), own, `${what}: line breaks changed`);
  const kept = comments(after);
  for (const { comment, after: before } of comments(text)) {
    if (dropped(comment)) continue;
    const at = before < 0 ? -1 : moved(spans, before, true);
    if (at === undefined) continue;
    assert.ok(
      kept.some((c) => c.comment === comment && c.after === at),
      `${what}: ${JSON.stringify(comment)} is gone or no longer follows what it did\n${after}`,
    );
  }
  return { text: after, spans };
}

for (const [name, layout] of Object.entries(LAYOUTS)) {
  describe(`edits in a file with ${name}`, () => {
    const text = layout(BASE);

    it('each quick fix and suppression removes its finding and leaves the others on their text', async () => {
      const source = open(text);
      const diagnostics = await client.pull(source);
      const before = findings(text, diagnostics);
      assert.ok(before.length >= 6, `the file has its findings:\n${JSON.stringify(before)}`);
      for (const [index, diagnostic] of diagnostics.entries()) {
        const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: source }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
        assert.ok(actions.some((a) => a.title.startsWith('Suppress')), `${diagnostic.code} can be suppressed`);
        for (const action of actions) {
          const what = `${name}: ${action.title} (${diagnostic.message})`;
          const uri = open(text);
          await client.pull(uri);
          const suppression = action.title.startsWith('Suppress');
          const removal = action.title.startsWith('Remove');
          const { text: after, spans } = applyAndCheck(uri, editsOf(action.edit), what, (c) => (suppression ? c.includes('lync-topology-disable') : removal && !c.includes('lync-topology-disable')));
          const left = findings(after, await client.pull(uri));
          const fixed = before[index];
          // A suppression comment silences its code on the whole line.
          const gone = (f: Finding, i: number) => i === index || (suppression && f.code === fixed.code && f.line === fixed.line);
          const expected = before.filter((f, i) => !gone(f, i)).map((f) => ({ ...f, start: moved(spans, f.start, false), end: moved(spans, f.end, true) }));
          const place = (f: { code: string; start?: number; end?: number }) => `${f.code} @${f.start}-${f.end}`;
          assert.deepEqual(left.map(place).sort(), expected.map(place).sort(), `${what}\n${after}`);
        }
      }
    });

    it('fix-all reaches a fixed point, each round keeping the file whole', async () => {
      const uri = open(text);
      for (let round = 0; ; round++) {
        assert.ok(round < 5, `${name}: fix-all still has edits after 5 rounds\n${client.text(uri)}`);
        await client.pull(uri);
        const action = await client.fixAll(uri);
        if (!action) break;
        applyAndCheck(uri, editsOf(action.edit), `${name}: fix-all round ${round}`, (c) => !c.includes('lync-topology-disable'));
      }
      const left = (await client.pull(uri)).map((d) => d.code);
      assert.ok(!left.includes('LT005') && !left.includes('LT101'), `${name}: ${left.join(' ')}\n${client.text(uri)}`);
    });
  });
}
