/**
 * How a value PowerShell's list format wrapped onto several lines is joined back.
 *
 * PowerShell (ListWriter, through StringManipulationHelper.GenerateLines) breaks a value longer than the room
 * right of the value column into words, each keeping the space after it, and starts a new line before a word
 * that does not fit; a word wider than the whole room is cut where the line ends, inside the word. Continuation
 * lines are indented to the value column. So, as PowerShell writes it (to a file, with `>`), a line cut at a
 * space ends with that space, and a line that ends without one was cut inside a word: joining the lines as
 * printed gives the value back. A copy from a console window drops the spaces at line ends (or, a rectangular
 * selection, pads every line with spaces); then a line cut inside a word is one as wide as the console, while a
 * line cut at a space ends before the edge (shell-output.md, "List format"; shell-output/07-*.txt).
 */

/** What a whole pasted text says about how its lines were cut. */
export interface Wrapping {
  /**
   * Whether the text keeps the spaces that end lines as PowerShell printed them: some line cut at a space still
   * ends with one, and no line ends with several (a rectangular console selection pads every line with them).
   */
  readonly keepsLineEnds: boolean;
  /** The widest printed line, in console columns (spaces at its end not counted): the console width when some value was cut inside a word. */
  readonly width: number;
}

/** One value as printed: the part of each of its lines from the value column on, spaces at either end kept. */
export interface WrappedValue {
  /** The value column (the padded name and ` : `), in console columns. */
  readonly column: number;
  readonly lines: readonly string[];
}

/**
 * Console columns a text takes: two for each East Asian wide character (the ranges PowerShell's console host
 * counts as two cells), one for any other.
 */
export function columns(text: string): number {
  let width = 0;
  for (const character of text) {
    const c = character.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe6f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** What the values of one text (each as it was printed) say about its wrapping. */
export function wrappingOf(values: readonly WrappedValue[]): Wrapping {
  let cutAtSpace = false;
  let padded = false;
  let width = 0;
  for (const value of values) {
    value.lines.forEach((line, index) => {
      width = Math.max(width, value.column + columns(line.trimEnd()));
      if (/\s\s$/.test(line)) padded = true;
      else if (index < value.lines.length - 1 && /\s$/.test(line)) cutAtSpace = true;
    });
  }
  return { keepsLineEnds: cutAtSpace && !padded, width };
}

/** The characters up to the first space, or all of them. */
function leadingWord(text: string): string {
  return /^\S*/.exec(text)![0];
}

/**
 * The width of the word a cut falls in (the end of `text`, and the start of `lines[index]` on), with the space
 * after it when one follows: PowerShell cuts inside a word only when that is wider than the room. The word goes
 * on over the next line only when this one is full.
 */
function wordAcross(text: string, lines: readonly string[], index: number, full: (line: string) => boolean): number {
  let width = columns(/\S*$/.exec(text)![0]);
  for (let i = index; i < lines.length; i++) {
    const lead = leadingWord(lines[i]);
    width += columns(lead);
    if (lead.length < lines[i].length) return width + 1;
    if (i === lines.length - 1) return width;
    if (!full(lines[i])) return width + 1;
  }
  return width;
}

/**
 * The value as text that may hold spaces. Where the text keeps line ends, its lines joined as printed. Otherwise
 * the spaces ending lines say nothing (dropped, or padding): a line of spaces alone held the one space after a
 * word as wide as the room, and a line starting with a space keeps it; where a line and the next meet without
 * one, the cut is inside a word when the line reaches the console width and the word across the cut, with the
 * space after it, is wider than the room right of the value column (the only words PowerShell cuts), else one
 * space was lost there. Where a cut at a dropped space meets the edge of the widest line, the text cannot tell
 * it from a cut inside a word; the width of the word across decides, as above (docs/format.md, "Wrapped values").
 */
export function joinWrapped(value: WrappedValue, wrapping: Wrapping): string {
  if (wrapping.keepsLineEnds) return value.lines.join('').trimEnd();
  const lines = value.lines.map((line) => (line !== '' && line.trim() === '' ? ' ' : line.trimEnd()));
  const full = (line: string) => value.column + columns(line) >= wrapping.width;
  let text = lines[0];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    const meet = !/\s$/.test(text) && !/^\s/.test(line);
    if (meet && !(full(lines[index - 1]) && wordAcross(text, lines, index, full) > wrapping.width - value.column)) text += ' ';
    text += line;
  }
  return text.trimEnd();
}

/** The value of a kind that never holds a space (an FQDN, a SIP address, a list of domains): its lines, nothing put between them. */
export function joinSpaceless(value: WrappedValue): string {
  return value.lines.map((line) => line.trim()).join('');
}
