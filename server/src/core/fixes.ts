import type { Diagnostic, TextEdit } from './diagnostics';
import type { Span } from './text';

/**
 * Two edits conflict when their spans overlap, or when one inserts at an end of what the other
 * replaces: an insertion leans on the text next to it (a comma after the entry a removal takes).
 * Insertions at one point do not: the edit builder writes each with its own separating comma, so
 * they stack in any order.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  const insertions = (a.span.start === a.span.end ? 1 : 0) + (b.span.start === b.span.end ? 1 : 0);
  if (insertions === 1) return a.span.start <= b.span.end && b.span.start <= a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** Applies edits that do not conflict, keeping the earliest of any that do; returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) continue;
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}

const sameEdit = (a: TextEdit, b: TextEdit) => a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;

/**
 * The edits of every preferred fix that can be applied together; a fix that conflicts with one
 * already taken is left for the next round, when it is computed afresh. A fix whose edits are all
 * taken already (two findings that one edit fixes) is made once.
 */
export function preferredFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes.find((f) => f.preferred);
    if (!fix || fix.edits.every((edit) => taken.some((other) => sameEdit(edit, other)))) continue;
    if (fix.edits.some((edit) => taken.some((other) => conflicts(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/**
 * The current finding a client's diagnostic stands for: same code and same span in the current
 * analysis; where several match, the one with the same message. Undefined when the text has changed
 * under the diagnostic so that no finding matches: then no fix made for it is valid any more.
 */
export function currentFinding(diagnostics: readonly Diagnostic[], code: string, span: Span, message?: string): Diagnostic | undefined {
  const matching = diagnostics.filter((d) => d.code === code && d.span.start === span.start && d.span.end === span.end);
  return matching.find((d) => d.message === message) ?? matching[0];
}
