/** The five characters PowerShell reads as a single quote: ' and U+2018 to U+201B. */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * A PowerShell single-quoted (verbatim) string holding exactly `value`: every single-quote
 * character is doubled with itself, the only escape such a string has.
 */
export function psQuote(value: string): string {
  return `'${value.replace(SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/** The stop-parsing token: as an argument of its own, even quoted, it makes PowerShell pass the rest of the line verbatim. */
const STOP_PARSING = '--%';

/**
 * `-Name` and its written argument (`''` for a switch) on a command line. An argument whose value is `--%` is
 * joined to its parameter with a colon (`-Name:'--%'`), the form in which PowerShell reads it as a plain value
 * (about_Parsing: the stop-parsing token; checked in pwsh 7.6, where `'--%'` as an argument of its own, quoted
 * or not, turns the parameters after it into verbatim text).
 */
export function psParameter(name: string, argument: string): string {
  if (argument === '') return `-${name}`;
  return argument === psQuote(STOP_PARSING) ? `-${name}:${argument}` : `-${name} ${argument}`;
}

/** Characters that could end a `#` comment line or look like one ending: controls and line separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const COMMENT_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A `# ` comment line carrying `text` on one line, whatever `text` holds. */
export function psComment(text: string): string {
  return `# ${text.replace(COMMENT_BREAKERS, ' ').trimEnd()}`;
}
