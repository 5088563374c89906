import { createScanner, ScanError, SyntaxKind, type Node, type ParseError, ParseErrorCode } from 'jsonc-parser';
import type { Span } from './text';
import { parseSyntaxTree, SyntaxNode } from './tree';

export interface SyntaxProblem {
  readonly message: string;
  readonly span: Span;
  /**
   * At a key without its colon that the parse put back as a property of its own (see parseNested), whatever the
   * problem says: the key's own token may be wrong too (a bad escape), and that problem is the one kept there.
   */
  readonly restoresKey?: true;
}

export interface ParsedText {
  readonly root: SyntaxNode | undefined;
  readonly problems: readonly SyntaxProblem[];
  /** Values nested too deeply were set aside: the tree does not follow the text there. */
  readonly flattened: boolean;
}

export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/** Deeper than this, a value is set aside; real topology files nest four levels. */
export const MAX_NESTING = 64;

/**
 * Whether `node` is a string left without its closing quote: the parser ends it at the end of its line,
 * so that its span takes in whatever follows on that line.
 */
export function isLeftOpen(text: string, node: Node): boolean {
  if (node.type !== 'string') return false;
  const scanner = createScanner(text.slice(node.offset, node.offset + node.length), true);
  scanner.scan();
  return scanner.getTokenError() === ScanError.UnexpectedEndOfString;
}

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected character: this is not JSON.',
  [ParseErrorCode.InvalidNumberFormat]: 'This number is not written the way JSON writes numbers.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon is expected between the property name and its value.',
  [ParseErrorCode.CommaExpected]: 'A comma is expected between two entries.',
  [ParseErrorCode.CloseBraceExpected]: 'A closing brace `}` is expected.',
  [ParseErrorCode.CloseBracketExpected]: 'A closing bracket `]` is expected.',
  [ParseErrorCode.EndOfFileExpected]: 'The file should end after the top-level object.',
  [ParseErrorCode.InvalidCommentToken]: 'This comment is not closed.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'This comment is not closed.',
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is not closed: add the closing double quote.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'This number is cut off.',
  [ParseErrorCode.InvalidUnicode]: 'This \\u escape needs four hexadecimal digits.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'This backslash escape is not one JSON knows.',
  [ParseErrorCode.InvalidCharacter]: 'A string cannot hold a raw line break or control character; write it as an escape.',
};

function problemOf(error: ParseError, textLength: number): SyntaxProblem {
  const start = Math.min(error.offset, textLength);
  return {
    message: MESSAGES[error.error] ?? 'This is not valid JSON.',
    span: { start, end: Math.min(textLength, start + Math.max(error.length, 0)) },
  };
}

/**
 * In an unfinished text (an unclosed comment at the end) jsonc-parser can let nodes run past the
 * end; only the last node at each level can, so the rightmost path is clamped.
 */
function clampToText(root: SyntaxNode | undefined, length: number): void {
  for (let node = root; node; node = node.children?.[node.children.length - 1]) {
    if (node.offset + node.length > length) node.length = Math.max(0, length - node.offset);
  }
}

function parseRaw(text: string): { root: SyntaxNode | undefined; errors: ParseError[]; depth: number } {
  const errors: ParseError[] = [];
  const { root, depth } = parseSyntaxTree(text, errors, PARSE_OPTIONS);
  clampToText(root, text.length);
  return { root, errors, depth };
}

/** The first token from `offset` on, comments and white space skipped: its kind and where it starts. */
function tokenAfter(text: string, offset: number): { kind: SyntaxKind; offset: number } {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  let kind = scanner.scan();
  while (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) kind = scanner.scan();
  return { kind, offset: scanner.getTokenOffset() };
}

/** Whether the first token from `offset` on lets a property end or go on: a colon, a comma, a closing brace or the end. */
function closesKey(text: string, offset: number): boolean {
  return [SyntaxKind.ColonToken, SyntaxKind.CommaToken, SyntaxKind.CloseBraceToken, SyntaxKind.EOF].includes(tokenAfter(text, offset).kind);
}

/**
 * Moves each "colon expected" that jsonc-parser reports after a key ending its object or the text (at the `}` or
 * the end, perhaps lines below) onto that key, where the properties ended by a line break have theirs.
 */
function colonErrorsAtKeys(text: string, root: Node | undefined, errors: ParseError[]): ParseError[] {
  if (!errors.some((e) => e.error === ParseErrorCode.ColonExpected)) return errors;
  const moved = [...errors];
  const pending = root ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const key = node.type === 'property' && node.colonOffset === undefined ? node.children?.[0] : undefined;
    if (key) {
      const end = key.offset + key.length;
      const next = tokenAfter(text, end).offset;
      moved.forEach((error, i) => {
        if (error.error === ParseErrorCode.ColonExpected && error.offset >= end && error.offset <= next) moved[i] = { ...error, offset: key.offset, length: key.length };
      });
    }
    for (const child of node.children ?? []) pending.push(child);
  }
  return moved;
}

/** Keys without a colon after them that are followed by more than the end of their property. */
function keysMissingColon(text: string, root: Node | undefined): Node[] {
  const keys: Node[] = [];
  const pending = root ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const key = node.type === 'property' && node.colonOffset === undefined ? node.children?.[0] : undefined;
    if (key && !closesKey(text, key.offset + key.length)) keys.push(key);
    for (const child of node.children ?? []) pending.push(child);
  }
  return keys;
}

/** The object node that starts at `offset`, found by descending from the root. */
function objectAt(root: SyntaxNode | undefined, offset: number): SyntaxNode | undefined {
  let node = root;
  while (node && !(node.type === 'object' && node.offset === offset)) {
    node = node.children?.find((child) => child.offset <= offset && offset < child.offset + child.length);
  }
  return node;
}

/** Puts a key back into its object as a property without colon or value, the shape jsonc-parser gives one. */
function restoreKey(root: SyntaxNode | undefined, key: Node): void {
  const object = key.parent?.parent && objectAt(root, key.parent.parent.offset);
  if (!object) return;
  const property = new SyntaxNode('property', object, key.offset, key.length);
  const restored = new SyntaxNode('string', property, key.offset, key.length);
  restored.value = key.value;
  property.children = [restored];
  object.children ??= [];
  const siblings = object.children;
  const index = siblings.findIndex((child) => child.offset > key.offset);
  siblings.splice(index < 0 ? siblings.length : index, 0, property);
}

/** What each parse of a text gives, for parseNested's `everyRound`. */
export type RoundCheck = (root: SyntaxNode | undefined, errors: readonly ParseError[]) => boolean;

/**
 * Parses, ending a property whose key has no colon right after its key. jsonc-parser's recovery
 * instead skips to the next comma or closing brace, so that while a key is being typed above
 * `"ProxyFqdn": ...`, ProxyFqdn would vanish from the tree and be reported missing. Such keys are
 * blanked out (offsets kept), the text parsed again, and each key put back as a property of its own.
 * `depth` is how many objects and arrays lie inside one another at the deepest; a text that nests too deeply for
 * the stack throws a RangeError. Problem spans are offsets into `text`. With `everyRound`, undefined as soon as a
 * parse of the text (there is one more for each round of keys blanked out) does not pass it.
 */
export function parseNested(text: string): ParsedText & { readonly depth: number };
export function parseNested(text: string, everyRound: RoundCheck): (ParsedText & { readonly depth: number }) | undefined;
export function parseNested(text: string, everyRound?: RoundCheck): (ParsedText & { readonly depth: number }) | undefined {
  let { root, errors, depth } = parseRaw(text);
  if (everyRound && !everyRound(root, errors)) return undefined;
  const restored: Node[] = [];
  const keyProblems: ParseError[] = [];
  // Where the keys put back start: the problem kept there marks them, whichever error at the key it is.
  const restoring = new Set<number>();
  let current = text;
  for (;;) {
    const keys = errors.some((e) => e.error === ParseErrorCode.ColonExpected) ? keysMissingColon(current, root) : [];
    if (keys.length === 0) break;
    for (const key of keys) {
      const end = key.offset + key.length;
      keyProblems.push(...errors.filter((e) => e.offset >= key.offset && e.offset < end));
      keyProblems.push({ error: ParseErrorCode.ColonExpected, offset: key.offset, length: key.length });
      restoring.add(key.offset);
      current = current.slice(0, key.offset) + ' '.repeat(key.length) + current.slice(end);
    }
    restored.push(...keys);
    ({ root, errors, depth } = parseRaw(current));
    if (everyRound && !everyRound(root, errors)) return undefined;
  }
  errors = colonErrorsAtKeys(current, root, errors);
  for (const key of restored) restoreKey(root, key);
  const all = [...keyProblems, ...errors].sort((a, b) => a.offset - b.offset);
  // One error leads the parser into others at the same place; the first says what is wrong.
  const firsts = all.filter((error, i) => i === 0 || all[i - 1].offset !== error.offset);
  const problems = firsts.map((e): SyntaxProblem => (restoring.has(e.offset) ? { ...problemOf(e, text.length), restoresKey: true } : problemOf(e, text.length)));
  return { root, problems, flattened: false, depth };
}

/**
 * Replaces every value nested deeper than MAX_NESTING with `0` and spaces, keeping every offset,
 * so that the recursive parser never meets more depth than it can take.
 */
export function flattenDeepValues(text: string): { text: string; deep: Span[] } {
  const scanner = createScanner(text, false);
  const deep: Span[] = [];
  let depth = 0;
  let deepStart = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > MAX_NESTING && deepStart < 0) deepStart = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth === MAX_NESTING + 1 && deepStart >= 0) {
        deep.push({ start: deepStart, end: scanner.getTokenOffset() + 1 });
        deepStart = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (deepStart >= 0) deep.push({ start: deepStart, end: text.length });
  let flattened = '';
  let last = 0;
  for (const span of deep) {
    flattened += text.slice(last, span.start) + '0' + text.slice(span.start + 1, span.end).replace(/[^\r\n]/g, ' ');
    last = span.end;
  }
  return { text: flattened + text.slice(last), deep };
}

/**
 * Parses JSON with comments and trailing commas, reporting what is wrong and keeping what it could read.
 * Values nested more than MAX_NESTING levels deep are set aside with a syntax problem each, whether the
 * recursive parser could have read them on this stack or not, so the findings never depend on the machine.
 * A byte order mark at the start is allowed (docs/format.md), as the command line, which drops it, reads the file.
 */
export function parseText(source: string): ParsedText {
  // A byte order mark opens the file but is no part of its JSON (the parser would take it for a stray
  // character); a space in its place keeps every offset.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  try {
    const { root, problems, depth } = parseNested(text);
    if (depth <= MAX_NESTING) return { root, problems, flattened: false };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  const { text: flattened, deep } = flattenDeepValues(text);
  const parsed = parseNested(flattened);
  const tooDeep = deep.map((span) => ({
    message: `This value is nested more than ${MAX_NESTING} levels deep; it was not read.`,
    span: { start: span.start, end: span.start + 1 },
  }));
  return { root: parsed.root, problems: [...tooDeep, ...parsed.problems], flattened: true };
}
