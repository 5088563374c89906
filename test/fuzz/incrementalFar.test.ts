import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, changeBetween, reanalyze, type Analysis } from '../../server/src/core';
import { generateTopology } from '../../bench/topology';
import { outcome } from './outcome';

/**
 * Series of edits aimed at what an incremental update takes over from the analysis before it without looking: the
 * findings of entries far from the edit. Each edit changes something such an entry's findings depend on from afar
 * (which providers host Exchange UM: the mode, the names ExchangeUM lists, a provider's name; the server version), or
 * moves what lies around entries (suppression comments, line breaks, indentation), in a file whose providers have
 * findings in many places; as the edit was made, or as a client that sends the whole text gives it.
 */

/** 40 providers, every tenth with a mistake, two named as hosting Exchange UM; in LF, CRLF or lone CR. */
const BASE = generateTopology(40);
const TEXTS = [BASE, BASE.replace(/\n/g, '\r\n'), BASE.replace(/\n/g, '\r')];

const NAMES = ['Provider 0', 'provider 0', 'Provider 7', 'Provider 15', 'Provider 39', 'Exchange Online', ''];
const MODES = ['Mixed', 'CrossPremises', 'OnPremises', 'mixed', 'Hosted'];
const COMMENTS = ['// lync-topology-disable-next-line', '// lync-topology-disable-next-line LT402, LT102', '/* lync-topology-disable-next-line LT403 */', '// c', '/* "lync-topology-disable-next-line" */'];

type Edit =
  | { readonly kind: 'mode'; readonly mode: string }
  | { readonly kind: 'hosted'; readonly names: readonly string[] }
  | { readonly kind: 'rename'; readonly provider: number; readonly name: string }
  | { readonly kind: 'comment'; readonly line: number; readonly comment: string }
  | { readonly kind: 'uncomment'; readonly which: number }
  | { readonly kind: 'indent'; readonly line: number; readonly by: string }
  | { readonly kind: 'join'; readonly line: number }
  | { readonly kind: 'version'; readonly version: string };

const EDITS: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom(...MODES) }),
  fc.record({ kind: fc.constant('hosted' as const), names: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('rename' as const), provider: fc.nat(), name: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant('comment' as const), line: fc.nat(), comment: fc.constantFrom(...COMMENTS) }),
  fc.record({ kind: fc.constant('uncomment' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.constantFrom(' ', '\t', '  ') }),
  fc.record({ kind: fc.constant('join' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('version' as const), version: fc.constantFrom('Lync Server 2010', 'Lync Server 2013', 'Skype for Business Server 2015') }),
);

/** Where each line starts, and the line break the text uses. */
function linesOf(text: string): { starts: number[]; eol: string } {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return { starts, eol: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n' };
}

/** The change an edit makes in `text`, as offsets; undefined when the text has nothing it applies to. */
function changeOf(text: string, edit: Edit): { start: number; end: number; newText: string } | undefined {
  const { starts, eol } = linesOf(text);
  const valueOf = (key: string, from = 0) => {
    const at = text.indexOf(`"${key}": `, from);
    if (at < 0) return undefined;
    const start = at + key.length + 4;
    const end = text[start] === '"' ? text.indexOf('"', start + 1) + 1 : text.indexOf(']', start) + 1;
    return { start, end };
  };
  switch (edit.kind) {
    case 'version': {
      const value = valueOf('ServerVersion');
      return value && { ...value, newText: JSON.stringify(edit.version) };
    }
    case 'mode': {
      const value = valueOf('Mode');
      return value && { ...value, newText: JSON.stringify(edit.mode) };
    }
    case 'hosted': {
      const value = valueOf('HostingProviders', text.indexOf('"ExchangeUM"'));
      return value && { ...value, newText: JSON.stringify(edit.names) };
    }
    case 'rename': {
      const identities = [...text.matchAll(/"Identity": "[^"]*"/g)];
      if (identities.length === 0) return undefined;
      const match = identities[edit.provider % identities.length];
      return { start: match.index + 12, end: match.index + match[0].length, newText: JSON.stringify(edit.name) };
    }
    case 'comment': {
      const start = starts[edit.line % starts.length];
      const indent = /^[ \t]*/.exec(text.slice(start))![0];
      return { start, end: start, newText: `${indent}${edit.comment}${eol}` };
    }
    case 'uncomment': {
      const comments = [...text.matchAll(/[ \t]*(?:\/\/[^\r\n]*|\/\*[^]*?\*\/)(?:\r\n|\r|\n)/g)].filter((m) => m.index === 0 || /[\r\n]/.test(text[m.index - 1]));
      if (comments.length === 0) return undefined;
      const match = comments[edit.which % comments.length];
      return { start: match.index, end: match.index + match[0].length, newText: '' };
    }
    case 'indent': {
      const start = starts[edit.line % starts.length];
      return { start, end: start, newText: edit.by };
    }
    case 'join': {
      // The line break at the end of a line taken out, with the next line's indentation.
      const line = edit.line % starts.length;
      if (line === starts.length - 1) return undefined;
      const next = starts[line + 1];
      const breakStart = next - (text[next - 2] === '\r' && text[next - 1] === '\n' ? 2 : 1);
      return { start: breakStart, end: next + /^[ \t]*/.exec(text.slice(next))![0].length, newText: ' ' };
    }
  }
}

describe('incremental analysis of entries far from the edit', () => {
  it('ends where a fresh analysis does after every edit that changes hosting, names, comments or lines', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(fc.tuple(EDITS, fc.boolean()), { minLength: 1, maxLength: 10 }), (original, edits) => {
        let text = original;
        let analysis: Analysis = analyze(text);
        for (const [edit, wholeText] of edits) {
          const change = changeOf(text, edit);
          if (!change) continue;
          const changed = text.slice(0, change.start) + change.newText + text.slice(change.end);
          // As a client that sends the whole text would have it: the one change between the two texts.
          const next = reanalyze(analysis, wholeText ? changeBetween(text, changed) : { span: { start: change.start, end: change.end }, newText: change.newText });
          if (next) applied++;
          analysis = next ?? analyze(changed);
          text = changed;
          const fresh = analyze(text);
          assert.deepEqual(outcome(analysis), outcome(fresh), JSON.stringify(edit));
          assert.deepEqual(Array.from(analysis.lines.lineStarts), Array.from(fresh.lines.lineStarts), `the lines after ${JSON.stringify(edit)}`);
        }
      }),
      { seed: 31, numRuns: 150 },
    );
    assert.ok(applied > 300, `the incremental path applied ${applied} times`);
  });

  it('writes again the fixes of an entry on the line after one whose last line now names a suppression marker, or no longer does', () => {
    // The fix for the empty entry fills it on one line when the line before it speaks of a suppression (in a
    // string too, as the fixes read it), so that what follows on its line stays where a comment points.
    const layouts = [
      ['{\n  "AllowedDomains": [\n    { "Identity": "a.com", "Comment": "x" },\n    {}, { "Identity": "b.com" }\n  ]\n}\n', '"x"', 1],
      ['{\n  "AllowedDomains": [\n    { "Identity": "a.com" /* x */ },\n    {}, { "Identity": "b.com" }\n  ]\n}\n', '/* x */', 3],
      ['{\r\n  "AllowedDomains": [\r\n    { "Identity": "a.com" /* x */ },\r\n    {}, { "Identity": "b.com" }\r\n  ]\r\n}\r\n', '/* x */', 3],
    ] as const;
    for (const [original, search, offset] of layouts) {
      const at = original.indexOf(search) + offset;
      let text = original;
      let analysis = analyze(text);
      // The marker typed in, then taken out again.
      for (const [span, newText] of [
        [{ start: at, end: at + 1 }, 'lync-topology-disable-next-line LT999'],
        [{ start: at, end: at + 'lync-topology-disable-next-line LT999'.length }, 'x'],
      ] as const) {
        const next = reanalyze(analysis, { span, newText });
        assert.ok(next, `${JSON.stringify(newText)} is typed inside the first entry`);
        text = text.slice(0, span.start) + newText + text.slice(span.end);
        assert.deepEqual(outcome(next), outcome(analyze(text)), `${JSON.stringify(original)}: ${newText}`);
        analysis = next;
      }
    }
  });
});
