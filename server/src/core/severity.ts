import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Severity, TextEdit } from './diagnostics';
import { lineBreakOf, type LineIndex, type Span } from './text';

export type SeveritySetting = Severity | 'off';

export const SUPPRESSION_MARKER = 'lync-topology-disable-next-line';

/** Lines whose diagnostics a suppression comment silences: every code (`all`) or the codes it names. */
export type Suppressions = ReadonlyMap<number, 'all' | ReadonlySet<string>>;

/** A suppression comment, by where it lies in the text. */
export interface SuppressionComment {
  /** Where the comment ends (the line after the one holding this offset is silenced). */
  readonly end: number;
  /** The codes named, upper-cased; none for every code. */
  readonly codes: readonly string[];
  /** Where the list of codes ends (before any `-- reason`), or where the marker ends when it names none. */
  readonly codesEnd: number;
}

/**
 * The `// lync-topology-disable-next-line [CODE, ...] [-- reason]` comments of a text (block comments
 * work too), in order; from `from` to `to` only, when given (both where a token begins: an object's brace,
 * the space between two values).
 */
export function suppressionComments(text: string, from = 0, to = text.length): SuppressionComment[] {
  const found: SuppressionComment[] = [];
  if (!text.slice(from, to).includes(SUPPRESSION_MARKER)) return found;
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && scanner.getTokenOffset() < to; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    // getTokenValue() can carry white space from before a comment: read the comment's own span.
    const offset = scanner.getTokenOffset();
    const raw = text.substr(offset, scanner.getTokenLength());
    const lead = /^\/[/*]\s*/.exec(raw)![0].length;
    const body = raw.slice(lead).replace(/\*\/$/, '');
    if (!body.startsWith(SUPPRESSION_MARKER)) continue;
    const list = body.slice(SUPPRESSION_MARKER.length).split('--')[0];
    found.push({
      end: offset + raw.length,
      codes: list.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()),
      codesEnd: offset + lead + SUPPRESSION_MARKER.length + list.trimEnd().length,
    });
  }
  return found;
}

/**
 * The suppression comments of a text whose part `dirty` (of the new text) replaced a part `delta` characters
 * shorter or longer, from those of the text before: the comments before it stay, those after it move, and
 * only the part itself is read again. `dirty` must begin and end where tokens do, the text around it
 * unchanged (an object parsed again whole, or the space between two values).
 */
export function movedSuppressionComments(previous: readonly SuppressionComment[], text: string, dirty: Span, delta: number): SuppressionComment[] {
  const oldEnd = dirty.end - delta;
  const comments = previous.filter((c) => c.end <= dirty.start);
  comments.push(...suppressionComments(text, dirty.start, dirty.end));
  // No comment lies across either edge of the part, which begins and ends where tokens do.
  for (const c of previous) if (c.end > oldEnd) comments.push({ ...c, end: c.end + delta, codesEnd: c.codesEnd + delta });
  return comments;
}

/** Reads the suppression comments; each applies to the line after the one where the comment ends. */
export function readSuppressions(comments: readonly SuppressionComment[], lines: LineIndex): Suppressions {
  const suppressions = new Map<number, 'all' | Set<string>>();
  for (const { end, codes } of comments) {
    const line = lines.positionAt(end).line + 1;
    const existing = suppressions.get(line);
    if (codes.length === 0 || existing === 'all') suppressions.set(line, 'all');
    else suppressions.set(line, new Set([...(existing ?? []), ...codes]));
  }
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, line: number, code: string): boolean {
  const entry = suppressions.get(line);
  return entry === 'all' || (entry !== undefined && entry.has(code));
}

/**
 * Where a new comment line for `line` goes: its start, except where something must stay in front of
 * it. On the first line, a byte order mark and the comments that open the file stay first; on any
 * line, a block comment that began on an earlier line is not split. Returns the offset, and whether
 * it lies at the start of the line (else the comment goes after what stays and the white space after
 * it, and the line is broken there).
 */
function insertionPoint(text: string, lines: LineIndex, line: number): { at: number; lineStart: boolean } {
  const start = lines.offsetAt({ line, character: 0 });
  const first = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  const scanner = createScanner(text, false);
  // Only a block comment goes on over a line break (a string ends at one): where none opens before the line,
  // the scan starts at the line rather than at the top of the file, which in a large file costs milliseconds.
  if (start > 0 && text.lastIndexOf('/*', start - 1) < 0) scanner.setPosition(start);
  let at = first;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const end = scanner.getTokenOffset() + scanner.getTokenLength();
    if (end <= first) continue;
    const comment = kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    const keptInFront = comment && (scanner.getTokenOffset() < first || (line === 0 && lines.positionAt(end).line === 0 && kind === SyntaxKind.BlockCommentTrivia));
    if (keptInFront || (kind === SyntaxKind.Trivia && at !== first)) at = end;
    else if (kind !== SyntaxKind.Trivia) break;
  }
  return { at, lineStart: at === first };
}

/**
 * The edit that silences `code` on `line`: the code joined (with ", ") to the list of a suppression
 * comment that already points at the line, its `-- reason` kept; else a new comment line in the
 * line's indentation and the document's own line break. Undefined when a comment already silences
 * every code there, or this one.
 */
export function suppressionEdit(text: string, lines: LineIndex, line: number, code: string): TextEdit | undefined {
  let existing: SuppressionComment | undefined;
  for (const comment of suppressionComments(text)) {
    if (lines.positionAt(comment.end).line + 1 !== line) continue;
    if (comment.codes.length === 0 || comment.codes.includes(code.toUpperCase())) return undefined;
    existing = comment;
  }
  if (existing) return { span: { start: existing.codesEnd, end: existing.codesEnd }, newText: `, ${code}` };
  const eol = lineBreakOf(text);
  const { at, lineStart } = insertionPoint(text, lines, line);
  const comment = `// ${SUPPRESSION_MARKER} ${code}${eol}`;
  if (!lineStart) return { span: { start: at, end: at }, newText: /\s/.test(text[at - 1]) ? comment : ` ${comment}` };
  const indent = /^[ \t]*/.exec(text.slice(at))![0];
  return { span: { start: at, end: at }, newText: `${indent}${comment}` };
}
