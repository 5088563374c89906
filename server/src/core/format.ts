import { createScanner, format, ScanError, SyntaxKind, type Edit } from 'jsonc-parser';
import { analyze, type Analysis, type AnalysisSettings } from './analyze';
import type { TextEdit } from './diagnostics';
import { applyEdits } from './fixes';
import { flattenDeepValues } from './parse';
import { readSuppressions, suppressionComments, SUPPRESSION_MARKER } from './severity';
import { LineIndex, lineBreakOf, type Span } from './text';

/** LSP's FormattingOptions, as far as they apply to a topology file. */
export interface FormatOptions {
  /** Columns per indentation level. */
  readonly tabSize: number;
  readonly insertSpaces: boolean;
  /** End the file with a line break when it has none. */
  readonly insertFinalNewline?: boolean;
  /** Leave at most one line break at the end of the file. */
  readonly trimFinalNewlines?: boolean;
  /** Also take white space off the ends of lines inside comments. */
  readonly trimTrailingWhitespace?: boolean;
}

/**
 * jsonc-parser 3.3.1 keeps line breaks followed by 0 to 199 indentation characters ready-made, and for
 * exactly 200 reads one past them: that edit comes back without content, though it can only be meant
 * as a line break and 200 indentation characters.
 */
const JSONC_READY_INDENTS = 200;

/** Where the last token ends (a comment counts), and whether a string is left open, which ends at the line break. */
function readTokens(text: string): { lastTokenEnd: number; unclosedString: boolean } {
  const scanner = createScanner(text, false);
  let lastTokenEnd = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (scanner.getTokenError() === ScanError.UnexpectedEndOfString) return { lastTokenEnd, unclosedString: true };
    if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia) lastTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
  }
  return { lastTokenEnd, unclosedString: false };
}

/**
 * The spans where line breaks must stay as they are, in order: a suppression comment's last line and
 * the line it silences, so that the same text stays on the silenced line.
 */
function suppressedLayout(text: string): Span[] {
  const lines = new LineIndex(text);
  return [...readSuppressions(suppressionComments(text), lines).keys()].map((line) => ({
    start: lines.offsetAt({ line: line - 1, character: 0 }),
    end: lines.offsetAt({ line: line + 1, character: 0 }),
  }));
}

/** Whether the edit touches one of `spans`, which are in order of both start and end. */
function touchesAny(edit: Edit, spans: readonly Span[]): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].end < edit.offset) low = mid + 1;
    else high = mid;
  }
  return low < spans.length && spans[low].start <= edit.offset + edit.length;
}

/**
 * Keeps what the formatter does outside deeply nested values, which it was shown as a `0` followed by
 * white space: an edit of that white space is cut down to the part after the value.
 */
function outsideDeepValues(edits: readonly Edit[], deep: readonly Span[]): Edit[] {
  const kept: Edit[] = [];
  let next = 0;
  for (const edit of edits) {
    const end = edit.offset + edit.length;
    while (next < deep.length && deep[next].end <= edit.offset) next++;
    const value = deep[next];
    if (!value || end <= value.start) kept.push(edit);
    else if (end > value.end) kept.push({ ...edit, offset: value.end, length: end - value.end });
  }
  return kept;
}

/** White space at the ends of lines that no edit (sorted by offset) covers yet, as deletions: what is left of it is inside comments. */
function trailingWhitespace(text: string, edits: readonly Edit[], span: Span): Edit[] {
  const found: Edit[] = [];
  let next = 0;
  for (const match of text.matchAll(/[ \t]+(?=[\r\n]|$)/g)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < edits.length && edits[next].offset + edits[next].length <= start) next++;
    const covered = next < edits.length && edits[next].offset < end;
    if (start >= span.start && end <= span.end && !covered) found.push({ offset: start, length: end - start, content: '' });
  }
  return found;
}

/** The line breaks to leave after the last token, by the client's options; without them, as many as there are. */
function finalLineBreaks(text: string, lastTokenEnd: number, eol: string, options: FormatOptions): Edit {
  let count = text.slice(lastTokenEnd).split(/\r\n|\r|\n/).length - 1;
  if (options.trimFinalNewlines) count = Math.min(count, 1);
  if (options.insertFinalNewline) count = Math.max(count, 1);
  return { offset: lastTokenEnd, length: text.length - lastTokenEnd, content: eol.repeat(count) };
}

const findingsOf = (analysis: Analysis) =>
  analysis.diagnostics
    .map((d) => `${d.code} ${d.message}`)
    .sort()
    .join('\n');

/**
 * Whether `formatted` is reported on as `text` is. Formatting changes only white space, so what rules
 * find is the same; only a suppression comment (which silences one line) and the size limit depend on
 * the layout, and a text with a suppression comment is analysed again to compare.
 */
function reportedAlike(text: string, formatted: string, settings: AnalysisSettings, current: () => Analysis): boolean {
  const limit = settings.maxLength;
  if (limit !== undefined && formatted.length > limit !== text.length > limit) return false;
  return !text.includes(SUPPRESSION_MARKER) || findingsOf(current()) === findingsOf(analyze(formatted, settings));
}

/**
 * Edits that re-indent the document, or the part of it in `span` (offsets in UTF-16 code units). Only
 * white space changes: comments stay, the document's own line break (its first: LF, CRLF or CR) is used, and the
 * client's options are honoured. What is reported about the file never changes (under `settings`;
 * `analysis`, the text's current one, saves analysing it again): around suppression comments line
 * breaks are kept as they are, and should a finding still change, every line break is kept, and
 * failing that nothing is done. Values nested too deeply to be read (LT001) are left as they are,
 * which keeps the work linear in the text. A document with a string left open is left alone.
 */
export function formatEdits(text: string, span: Span | undefined, options: FormatOptions, settings: AnalysisSettings = {}, analysis?: Analysis): TextEdit[] {
  const { lastTokenEnd, unclosedString } = readTokens(text);
  if (unclosedString || lastTokenEnd === 0) return [];
  const { text: readable, deep } = flattenDeepValues(text);
  // jsonc-parser itself inserts the text's first line break, whatever it is told.
  const eol = lineBreakOf(text);
  const indent = options.insertSpaces ? ' ' : '\t';
  const within = span ?? { start: 0, end: text.length };
  // jsonc-parser takes a byte order mark for a stray character and lays out what follows it around that: the text
  // after the mark is formatted as a file of its own would be.
  const mark = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const range = span && { offset: Math.max(0, span.start - mark), length: Math.max(0, span.end - mark) - Math.max(0, span.start - mark) };
  const edits = (keepLines: boolean) =>
    format(readable.slice(mark), range, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, keepLines }).map((edit) => ({
      ...edit,
      offset: edit.offset + mark,
      content: edit.content ?? eol + indent.repeat(JSONC_READY_INDENTS),
    }));
  const reflowed = edits(false);
  const keptLines = edits(true);
  const fixedLayout = suppressedLayout(text);
  const inFixedLayout = (edit: Edit) => touchesAny(edit, fixedLayout);
  const candidates = [[...reflowed.filter((edit) => !inFixedLayout(edit)), ...keptLines.filter(inFixedLayout)], keptLines];
  let current = analysis;
  const analysed = () => (current ??= analyze(text, settings));
  for (const candidate of candidates) {
    const layout = outsideDeepValues(
      candidate.filter((edit) => edit.offset < lastTokenEnd).sort((a, b) => a.offset - b.offset || a.length - b.length),
      deep,
    );
    const end = within.end >= lastTokenEnd ? [finalLineBreaks(text, lastTokenEnd, eol, options)] : [];
    const whitespace = options.trimTrailingWhitespace ? trailingWhitespace(text, [...layout, ...end], within) : [];
    const result = [...layout, ...whitespace, ...end]
      .map((edit) => ({ span: { start: edit.offset, end: edit.offset + edit.length }, newText: edit.content }))
      .filter((edit) => text.slice(edit.span.start, edit.span.end) !== edit.newText);
    if (reportedAlike(text, applyEdits(text, result), settings, analysed)) return result;
  }
  return [];
}
