/**
 * How a value PowerShell's list format wrapped onto several lines is joined back.
 *
 * PowerShell (ListWriter, through StringManipulationHelper.GenerateLines) breaks a value longer than the room
 * right of the value column into words, each keeping the space after it, and starts a new line before a word
 * that does not fit; a word wider than the whole room is cut where the line ends, inside the word. Continuation
 * lines are indented to the value column. So, as PowerShell writes it (to a file, with `>`), a line cut at a
 * space ends with that space, and a line that ends without one was cut inside a word: joining the lines as
 * printed gives the value back. A copy from a console window drops the spaces at line ends; then a line cut
 * inside a word is one as wide as the console, while a line cut at a space ends before the edge
 * (shell-output.md, "List format"; shell-output/07-*.txt).
 */

/** What a whole pasted text says about how its lines were cut. */
export interface Wrapping {
  /** Whether some line cut at a space still ends with that space: the text keeps what PowerShell printed. */
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
  let keepsLineEnds = false;
  let width = 0;
  for (const value of values) {
    value.lines.forEach((line, index) => {
      width = Math.max(width, value.column + columns(line.trimEnd()));
      if (index < value.lines.length - 1 && /\s$/.test(line)) keepsLineEnds = true;
    });
  }
  return { keepsLineEnds, width };
}

/** The characters up to the first space, or all of them. */
function leadingWord(text: string): string {
  return /^\S*/.exec(text)![0];
}

/**
 * The value as text that may hold spaces. Where a line and the next meet without a space, the cut is inside a
 * word when the text keeps line ends, or when the line reaches the console width and the word across the cut
 * is wider than the room right of the value column (the only words PowerShell cuts); otherwise the console
 * copy dropped one space there, which is put back. Where a cut happens to fall at a space the copy dropped and
 * the line is full, the text cannot tell it from a cut inside a word; the word's width decides, as above.
 */
export function joinWrapped(value: WrappedValue, wrapping: Wrapping): string {
  let text = value.lines[0];
  for (let index = 1; index < value.lines.length; index++) {
    const line = value.lines[index];
    const before = value.lines[index - 1];
    const meet = !/\s$/.test(before) && !/^\s/.test(line) && !wrapping.keepsLineEnds;
    if (meet) {
      const full = value.column + columns(before) >= wrapping.width;
      const word = /\S*$/.exec(text)![0] + leadingWord(value.lines.slice(index).join(''));
      if (!full || columns(word) <= wrapping.width - value.column) text += ' ';
    }
    text += line;
  }
  return text.trimEnd();
}

/** The value of a kind that never holds a space (an FQDN, a SIP address, a list of domains): the lines as printed, nothing put between them. */
export function joinSpaceless(value: WrappedValue): string {
  return value.lines.join('').trim();
}
