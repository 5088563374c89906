import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, formatEdits, lineBreakOf, preferredFixEdits, suppressionEdit, SUPPRESSION_MARKER, type Diagnostic, type TextEdit } from '../../server/src/core';
import { generateTopology } from '../../bench/topology';
import { EXAMPLES, repoFile } from '../helpers';
import { grammarDocument } from './documents';

/**
 * Random sequences of what a user does to a file (typing, quick fixes, fix-all, suppressions,
 * formatting) on generated files; after each step the edits the server made must have kept the file
 * whole: no new syntax error, the same line breaks, no silenced finding back, the fixed finding gone.
 */

/** One line-break style throughout, as a file saved by an editor has. */
function withLineBreak(text: string, eol: string): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

const files = fc.tuple(
  fc.oneof(
    { weight: 3, arbitrary: grammarDocument },
    { weight: 2, arbitrary: fc.constantFrom(...EXAMPLES.map((file) => repoFile(file)), generateTopology(4).replace(/\n {4}\},\n {4}\{/g, '\n    }, {')) },
  ),
  fc.constantFrom('\n', '\r\n'),
).map(([text, eol]) => withLineBreak(text, eol));

type Step =
  | { kind: 'type'; at: number; text: string }
  | { kind: 'fix' | 'suppress'; finding: number; choice: number }
  | { kind: 'fixAll' }
  | { kind: 'format'; tabSize: number; insertSpaces: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom(' ', '\n', '"Force": true,', '"Enabled": "True",', '// note\n', '', 'x') }),
  fc.record({ kind: fc.constant('fix' as const), finding: fc.nat(), choice: fc.nat() }),
  fc.record({ kind: fc.constant('suppress' as const), finding: fc.nat(), choice: fc.nat() }),
  fc.record({ kind: fc.constant('fixAll' as const) }),
  fc.record({ kind: fc.constant('format' as const), tabSize: fc.constantFrom(2, 4), insertSpaces: fc.boolean() }),
);

function key(d: Diagnostic): string {
  return `${d.code} ${d.message}`;
}

/** Where a finding is: its code, message and offset. */
function place(d: Diagnostic, start = d.span.start): string {
  return `${key(d)} @${start}`;
}

/** What the file reports, and what its suppression comments silence (found when the comments are made inert, same length). */
function findings(text: string): { shown: Set<string>; silenced: Diagnostic[]; syntax: number; diagnostics: readonly Diagnostic[] } {
  const analysis = analyze(text);
  const shown = new Set(analysis.diagnostics.map((d) => place(d)));
  const unsilenced = analyze(text.replaceAll(SUPPRESSION_MARKER, SUPPRESSION_MARKER.replace('disable', 'xxxxxxx'))).diagnostics;
  return { shown, silenced: unsilenced.filter((d) => !shown.has(place(d))), syntax: analysis.parsed.problems.length, diagnostics: analysis.diagnostics };
}

/** The line break of every line break an edit inserts is the document's own. */
function assertLineBreaks(edits: readonly TextEdit[], eol: string, what: string): void {
  for (const edit of edits) assert.doesNotMatch(edit.newText.split(eol).join(''), /[\r\n]/, `${what} inserts ${JSON.stringify(edit.newText)} in a file of ${JSON.stringify(eol)}`);
}

/** Where an offset lands once the edits are applied: moved by those before it, insertions at it included. */
function movedBy(edits: readonly TextEdit[], offset: number): number {
  return edits.reduce((at, e) => (e.span.end <= offset ? at + e.newText.length - (e.span.end - e.span.start) : at), offset);
}

/** Runs the steps, checking the invariants after each step the server's edits make. */
function run(start: string, steps: readonly Step[]): void {
  let text = start;
  for (const s of steps) {
    const before = findings(text);
    const eol = lineBreakOf(text);
    const uniform = text.split(eol).join('').search(/[\r\n]/) < 0;
    let edits: TextEdit[];
    let fixed: Diagnostic | undefined;
    switch (s.kind) {
      case 'type': {
        const at = s.at % (text.length + 1);
        text = text.slice(0, at) + s.text.replace(/\n/g, eol) + text.slice(at);
        continue;
      }
      case 'fix': {
        const withFixes = before.diagnostics.filter((d) => d.fixes.length > 0);
        if (withFixes.length === 0) continue;
        fixed = withFixes[s.finding % withFixes.length];
        edits = [...fixed.fixes[s.choice % fixed.fixes.length].edits];
        break;
      }
      case 'suppress': {
        if (before.diagnostics.length === 0) continue;
        fixed = before.diagnostics[s.finding % before.diagnostics.length];
        const analysis = analyze(text);
        const edit = suppressionEdit(text, analysis.lines, analysis.lines.positionAt(fixed.span.start).line, fixed.code);
        assert.ok(edit, `a shown ${fixed.code} can be suppressed`);
        edits = [edit];
        break;
      }
      case 'fixAll':
        edits = preferredFixEdits(before.diagnostics);
        break;
      case 'format':
        edits = formatEdits(text, undefined, { tabSize: s.tabSize, insertSpaces: s.insertSpaces });
        break;
    }
    const what = `${s.kind} ${fixed ? key(fixed) : ''}\n${text}`;
    if (uniform) assertLineBreaks(edits, eol, what);
    const next = applyEdits(text, edits);
    const after = findings(next);
    assert.ok(after.syntax <= before.syntax, `${what}\n--- made a syntax error:\n${next}`);
    if (uniform) assert.equal(lineBreakOf(next), eol, what);
    for (const silenced of before.silenced) {
      const back = place(silenced, movedBy(edits, silenced.span.start));
      assert.ok(!after.shown.has(back), `${what}\n--- brought back ${back}:\n${next}`);
    }
    if (fixed && before.syntax === 0) {
      const still = place(fixed, movedBy(edits, fixed.span.start));
      assert.ok(!after.shown.has(still), `${what}\n--- did not remove ${still}:\n${next}`);
    }
    text = next;
  }
}

describe('editing sequences keep the file whole (issue 12)', () => {
  it('typing, fixes, fix-all, suppressions and formatting, in any order', () => {
    fc.assert(
      fc.property(files, fc.array(step, { minLength: 1, maxLength: 8 }), (text, steps) => run(text, steps)),
      { seed: 12, numRuns: 300 },
    );
  });
});
