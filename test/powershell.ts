/**
 * A small reader of the PowerShell the generator writes, written from the language specification
 * independently of the generator: single-quoted literals, where any of the five single-quote
 * characters opens or closes and two in a row stand for the second one.
 */
const SINGLE_QUOTE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

export function isSingleQuote(c: string | undefined): boolean {
  return c !== undefined && SINGLE_QUOTE.has(c);
}

/** Reads the literal opening at `start`; returns its value and the offset just past its closing quote. */
export function readSingleQuoted(line: string, start: number): { value: string; end: number } {
  if (!isSingleQuote(line[start])) throw new Error(`no literal at ${start}: ${line}`);
  let value = '';
  let i = start + 1;
  while (i < line.length) {
    if (isSingleQuote(line[i])) {
      if (isSingleQuote(line[i + 1])) {
        value += line[i + 1];
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += line[i];
    i++;
  }
  throw new Error(`unterminated literal: ${line}`);
}

export type Token = { kind: 'parameter'; name: string } | { kind: 'literal'; value: string } | { kind: 'bare'; text: string };

/**
 * Splits one command line into its cmdlet name and tokens. Outside literals only parameter names,
 * `$True`/`$False`/`$Null`, digits and enum words may stand; anything else is an error.
 */
export function readCommand(line: string): { cmdlet: string; tokens: Token[] } {
  const cmdlet = /^[A-Z][A-Za-z]+-Cs[A-Za-z]+/.exec(line)?.[0];
  if (!cmdlet) throw new Error(`not a cmdlet line: ${line}`);
  const tokens: Token[] = [];
  let i = cmdlet.length;
  while (i < line.length) {
    if (line[i] !== ' ') throw new Error(`expected a space at ${i}: ${line}`);
    i++;
    if (isSingleQuote(line[i])) {
      const literal = readSingleQuoted(line, i);
      // PowerShell's stop-parsing token, even quoted, when it stands as an argument of its own.
      if (literal.value === '--%') throw new Error(`--% would stop parsing at ${i}: ${line}`);
      tokens.push({ kind: 'literal', value: literal.value });
      i = literal.end;
      continue;
    }
    const word = /^(?:-[A-Za-z]+:(?=['\u2018-\u201B])|(?:-[A-Za-z]+|\$True|\$False|\$Null|\d+|[A-Za-z]+)(?= |$))/.exec(line.slice(i))?.[0];
    if (!word) throw new Error(`unexpected text at ${i}: ${line}`);
    i += word.length;
    if (word.endsWith(':')) {
      // -Name:'value': the argument joined to its parameter.
      const literal = readSingleQuoted(line, i);
      tokens.push({ kind: 'parameter', name: word.slice(1, -1) }, { kind: 'literal', value: literal.value });
      i = literal.end;
      continue;
    }
    tokens.push(word.startsWith('-') ? { kind: 'parameter', name: word.slice(1) } : { kind: 'bare', text: word });
  }
  return { cmdlet, tokens };
}

/** The arguments of a command by parameter name; a switch maps to true. */
export function commandArguments(line: string): Map<string, string | true> {
  const { tokens } = readCommand(line);
  const args = new Map<string, string | true>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'parameter') throw new Error(`value without a parameter in ${line}`);
    if (args.has(token.name)) throw new Error(`-${token.name} given twice in ${line}`);
    const next = tokens[i + 1];
    if (next && next.kind !== 'parameter') {
      args.set(token.name, next.kind === 'literal' ? next.value : next.text);
      i++;
    } else {
      args.set(token.name, true);
    }
  }
  return args;
}

/** The lines of a script that run something: not blank, not comments. */
export function commandLines(script: string): string[] {
  return script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}
