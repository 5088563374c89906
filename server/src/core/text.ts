/** Offsets in a text, and their lines and columns (0-based, in UTF-16 code units as LSP counts them). */

import { firstIndex } from './tree';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

/** The line break a text uses, from its first one: `\r\n`, `\n` or `\r`; `\n` for a text of one line. */
export function lineBreakOf(text: string): string {
  const match = /\r\n?|\n/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * Where each line of a text starts: offsets in UTF-16 code units, in a typed array, copied in one move when a
 * keystroke moves the lines after it. A line starts after each line feed, and after each carriage return that no
 * line feed follows.
 */
function linesOf(text: string): Int32Array {
  const starts = [0];
  if (!text.includes('\r')) {
    // The common case, found by the engine's own search rather than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) if (breaksAt(text, i)) starts.push(i + 1);
  }
  return Int32Array.from(starts);
}

/** Whether a line ends with the character at `offset`: a line feed, or a carriage return that no line feed follows. */
function breaksAt(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(offset + 1) !== 10);
}

export class LineIndex {
  private readonly starts: Int32Array;

  /** `starts`, when given, are where the lines of `text` start (as `edited` works them out); else the text is read for them. */
  constructor(
    private readonly text: string,
    starts: Int32Array = linesOf(text),
  ) {
    this.starts = starts;
  }

  /**
   * The index of `text`, which is the text of `previous` with `span` replaced by `newText`: the lines before the
   * change are kept and those after it moved, rather than the whole text searched again for each keystroke. In
   * between, from the character before the change to the one after it, the new text is read: a carriage return
   * there may pair with a line feed across the edge of the change, or no longer do.
   */
  static edited(previous: LineIndex, span: Span, newText: string, text: string): LineIndex {
    const old = previous.starts;
    // The first line starts at 0 whatever the change; the others start after the line break before them.
    const kept = Math.max(1, firstIndex(old.length, (line) => old[line] >= span.start));
    const after = firstIndex(old.length, (line) => old[line] > span.end + 1);
    const added: number[] = [];
    const last = Math.min(text.length - 1, span.start + newText.length);
    for (let i = Math.max(0, span.start - 1); i <= last; i++) if (breaksAt(text, i)) added.push(i + 1);
    const starts = new Int32Array(kept + added.length + old.length - after);
    starts.set(old.subarray(0, kept));
    starts.set(added, kept);
    const delta = newText.length - (span.end - span.start);
    for (let line = after, at = kept + added.length; line < old.length; line++, at++) starts[at] = old[line] + delta;
    return new LineIndex(text, starts);
  }

  /** Where each line starts, as offsets in ascending order (the first is 0), for walks that go through lines in order. */
  get lineStarts(): ArrayLike<number> {
    return this.starts;
  }

  /**
   * The line and column of `offset` (clamped to the text). `from` is a line at or before it, when known: offsets
   * read in file order are found a step or two from the last one's line rather than searched for each time.
   */
  positionAt(offset: number, from = 0): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped, from);
    return { line, character: clamped - this.starts[line] };
  }

  /**
   * The line of `offset` (clamped to the text), without making a position. `from`, as for `positionAt`: the line
   * or the next one is taken when it holds the offset, and the lines after it are searched otherwise; an offset
   * before `from` is searched for among the lines before it.
   */
  lineAt(offset: number, from = 0): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    if (from > 0 && from <= high) {
      if (starts[from] > clamped) high = from - 1;
      else {
        for (low = from; low < from + 2; low++) if (low === high || starts[low + 1] > clamped) return low;
      }
    }
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }
}

/**
 * The one change that turns `before` into `after`: the part of `before` between what the two texts share at
 * their start and at their end, and the text that replaces it. For a client that sends the whole text of every
 * change, this is the edit that was typed, which can be analyzed as one.
 */
export function changeBetween(before: string, after: string): { span: Span; newText: string } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  while (common < shorter - start && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
  return { span: { start, end: before.length - common }, newText: after.slice(start, after.length - common) };
}

/**
 * A file's bytes as text, by its byte order mark: UTF-16 little- or big-endian (what Windows PowerShell 5.1's `>`
 * and `Out-File` write by default, about_Character_Encoding), else UTF-8, the mark left out. Bytes that are not
 * text in that encoding read as U+FFFD, or, when `strict`, throw a TypeError (TextDecoder's `fatal`).
 */
export function decodeText(bytes: Uint8Array, strict = false): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  // TextDecoder drops the byte order mark of the encoding it decodes.
  return new TextDecoder(encoding, { fatal: strict }).decode(bytes);
}

/** The bytes a base64 text encodes (RFC 4648 §4, as `btoa` writes it); undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
