import { createScanner, SyntaxKind, type Node, type ParseError, type ScanError } from 'jsonc-parser';
import { checkModel, notEntries, type Analysis, type AnalysisSettings } from './analyze';
import { DEFAULT_SERVER_VERSION, type ObjectSpec } from './catalog';
import { buildEntry, rebuildObject, replaceObjects, withText, type ObjectModel, type TopologyModel } from './model';
import { isLeftOpen, MAX_NESTING, parseNested, type ParsedText, type RoundCheck, type SyntaxProblem } from './parse';
import { LineIndex, type Span } from './text';
import { firstIndex, moveAfter, type SyntaxNode } from './tree';

/** Replace `span` of the previous text with `newText`. */
export interface TextChange {
  readonly span: Span;
  readonly newText: string;
}

const end = (node: Node) => node.offset + node.length;

/** Whether `node` holds `span` strictly inside it, away from its first and last character. */
const holds = (node: Node, span: Span) => node.offset < span.start && span.end < end(node);

/** Whether an object of this kind can hold objects the catalog describes; such an object is never rebuilt alone. */
function holdsObjects(spec: ObjectSpec): boolean {
  return spec.properties.some((p) => p.value.kind === 'object' || (p.value.kind === 'array' && p.value.items.kind === 'object'));
}

/**
 * The section that is one object (`AccessEdgeConfiguration`, `ExchangeUM`) whose braces enclose the change, if it
 * can be rebuilt alone. Never the top level, which holds the rest; entries of list sections go by runs (runAround).
 */
function sectionAround(model: TopologyModel, span: Span): ObjectModel | undefined {
  return notEntries(model.objects, model.entries).find((object) => object.owner && !holdsObjects(object.spec) && holds(object.node, span));
}

/** Where the entries of a list section are: the array, the catalog's spec of its entries, and its path. */
interface List {
  readonly array: SyntaxNode;
  readonly items: ObjectSpec;
  readonly place: string;
}

/** The array of a list section whose brackets enclose the change, if its entries can be rebuilt alone. */
function listAround(model: TopologyModel, span: Span): List | undefined {
  for (const property of model.root?.byName.values() ?? []) {
    const value = property.spec!.value;
    const array = property.valueNode;
    if (value.kind !== 'array' || value.items.kind !== 'object' || !value.items.spec.section?.list || holdsObjects(value.items.spec)) continue;
    if (array?.type === 'array' && holds(array, span)) return { array: array as SyntaxNode, items: value.items.spec, place: property.spec!.name };
  }
  return undefined;
}

/**
 * The children of a list's array that a change touches, as `first` to `last` (inclusive; `last` is the number of
 * children when the run reaches the closing bracket), and where their text starts: at the first, or just after the
 * opening bracket. A change that starts between two children takes the one before it too, and one that ends
 * between two children the one after it: the text to parse again then starts where the parser expects a value and
 * ends where a value ends (runEnd), or at the bracket.
 */
function runAround(array: SyntaxNode, span: Span): { first: number; last: number; start: number } {
  const children = array.children ?? [];
  let first = firstIndex(children.length, (i) => end(children[i]) >= span.start);
  if (first === children.length || children[first].offset > span.start) first--;
  let last = firstIndex(children.length, (i) => children[i].offset > span.end) - 1;
  if (last < 0 || span.end > end(children[last])) last++;
  return { first: Math.max(first, 0), last, start: first >= 0 ? children[first].offset : array.offset + 1 };
}

/** Where a run of an array's children that ends with child `last` ends: at its end, or at the closing bracket. */
function runEnd(array: SyntaxNode, last: number): number {
  const children = array.children ?? [];
  return last < children.length ? end(children[last]) : end(array) - 1;
}

/**
 * `span` taken back to the start of the child before the one it starts in, or to the opening bracket, while a
 * syntax problem lies at the start of the run it would make (a comma missing before an entry typed after the last
 * one): the problem is found between the two, so the text parsed again must hold both.
 */
function widened(array: SyntaxNode, span: Span, problems: readonly SyntaxProblem[]): Span {
  const children = array.children ?? [];
  let start = span.start;
  for (;;) {
    const run = runAround(array, { start, end: span.end });
    const problem = problems[firstIndex(problems.length, (i) => problems[i].span.start > run.start) - 1];
    if (!problem || problem.span.end <= run.start || run.start === array.offset + 1) return { start, end: span.end };
    start = run.first > 0 ? children[run.first - 1].offset : array.offset + 1;
  }
}

/**
 * How many children a run may take in after the change, when its text parsed alone does not end where it did: a
 * string left open, as a quote typed alone makes one, runs to the end of its line and takes in the entries after
 * it there, until the parser finds a brace that closes the entry it began in.
 */
const RUN_GROWTH = 3;

/**
 * `text`, a part of the new text, parsed alone as parseNested parses a whole text; undefined when one of its parses
 * (one more for each round of keys put back) does not pass `stays`, or when, inside the `outer` objects and arrays
 * that hold it, it would nest deeper than a whole parse reads. `stays` says whether a parse ends the part where the
 * old text ended it, so that jsonc-parser reads it the same in the whole text: it reads a value the same way
 * wherever the value stands, recovering from the same errors the same way, as long as the value ends there.
 */
function parseAlone(text: string, outer: number, stays: RoundCheck): ParsedText | undefined {
  let parsed;
  try {
    parsed = parseNested(text, stays);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return parsed && outer + parsed.depth <= MAX_NESTING ? parsed : undefined;
}

/** Whether no error lies at or after `length`: the parser met the end of the text before its value ended. */
const endsBefore = (errors: readonly ParseError[], length: number) => errors.every((e) => e.offset < length);

/**
 * The new text of an object parsed alone, with its syntax problems (offsets from its start); undefined when its
 * braces no longer close it: its last character is no `}` of its own (the parser ended it at the end of the text,
 * with a problem there), so that in the whole text it would run on into what follows.
 */
function parseObject(text: string, outer: number): ParsedText | undefined {
  return parseAlone(text, outer, (root, errors) => root?.type === 'object' && root.length === text.length && text.endsWith('}') && endsBefore(errors, text.length));
}

/**
 * The new text of a run of a list's children (`slice`) parsed alone as the items of an array, with its syntax
 * problems (offsets into `[slice]`); undefined when what it holds no longer ends where the run did: at the end of
 * its last value, unless `toBracket`, where the run reached the array's closing bracket and the bracket put after
 * it is that one. The run starts where the parser expects a value, as it does after the opening bracket.
 */
function parseRun(slice: string, outer: number, toBracket: boolean): ParsedText | undefined {
  const text = `[${slice}]`;
  return parseAlone(text, outer, (root, errors) => {
    const children = root?.children ?? [];
    const last = children[children.length - 1];
    return root?.type === 'array' && root.length === text.length && endsBefore(errors, text.length - 1) && (toBracket || (last !== undefined && end(last) === text.length - 1));
  });
}

/** The token the scanner reads at `offset` of `source`: its length, and what is wrong with it. */
function tokenAt(source: string, offset: number): { length: number; error: ScanError } {
  const scanner = createScanner(source, false);
  scanner.setPosition(offset);
  scanner.scan();
  return { length: scanner.getTokenLength(), error: scanner.getTokenError() };
}

/**
 * Whether a value that ends a part parsed alone (a run of entries, a value of the top level), now at `at` in the
 * whole `text`, ends there as well: one that ends with a bracket or a quote does, while a number or a keyword is one
 * token that would run on into a word right after the part (`true` before a stray `x`, `1` before `.5`), which the
 * end of the text parsed alone kept apart.
 */
function endsAsAlone(text: string, value: Node, at: number): boolean {
  return value.type === 'object' || value.type === 'array' || value.type === 'string' || tokenAt(text, at).length === value.length;
}

/**
 * Whether the text before `at` ends a token there, whatever comes next: white space, a line break or a character
 * that is a token of its own. A stray word the parser passes over (`x`, `-`, a lone `/`) would run on into a word,
 * number or comment put right after it, which a part parsed alone starts apart.
 */
function tokenEndsAt(text: string, at: number): boolean {
  return at === 0 || ' \t\r\n{}[],:"'.includes(text[at - 1]);
}

/**
 * Whether a node that is not `node` nor one of its ancestors lies within `span` (the text of `node`): a key the
 * parser puts back after it lost its colon can land in another object than the one whose braces hold its text,
 * and parsing `node` alone would leave it where it is. Siblings are in offset order, so each level is a search.
 */
function overlapped(node: Node, span: Span): boolean {
  for (let child = node; child.parent; child = child.parent) {
    const siblings = child.parent.children ?? [];
    const after = firstIndex(siblings.length, (i) => siblings[i].offset >= span.start);
    for (let i = Math.max(0, after - 1); i < siblings.length && siblings[i].offset < span.end; i++) {
      if (siblings[i] !== child && end(siblings[i]) > span.start) return true;
    }
  }
  return false;
}

/** How many objects and arrays hold `node`. */
function containersAround(node: Node): number {
  let count = 0;
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'object' || parent.type === 'array') count++;
  return count;
}

/**
 * The syntax problems after `delta` characters replaced `span`: those before it stay, those after it move.
 * When `span` is a part parsed again, those inside it (after its first character) are left out, for the caller
 * to put in those the new parse found (a problem at its first character, such as a missing comma before an object,
 * belongs to the text around it). Undefined when another problem touches the span; also, for a part parsed again,
 * when a key without its colon was put back outside it: the whole parse then ran rounds whose first parse read the
 * text as it is, with that key, where the part may be read otherwise than parsed alone.
 */
function movedProblems(problems: readonly SyntaxProblem[], span: Span, delta: number, reparsed: boolean): SyntaxProblem[] | undefined {
  const moved: SyntaxProblem[] = [];
  for (const problem of problems) {
    const outside = problem.span.end <= span.start || problem.span.start >= span.end;
    if (outside && reparsed && problem.restoresKey) return undefined;
    if (problem.span.end <= span.start) moved.push(problem);
    else if (problem.span.start >= span.end) moved.push({ ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } });
    else if (!reparsed || problem.span.start <= span.start || problem.span.end > span.end) return undefined;
  }
  return moved;
}

/**
 * How many commas lie from `from` to `to`, white space and comments aside; undefined when any other token lies
 * there (a stray word or value: its extent and the problem it makes depend on what surrounds it), when a token
 * reaches past `to`, when the tokens do not end exactly at `to`, or when one is not well formed.
 */
function commasBetween(text: string, from: number, to: number): number | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  let commas = 0;
  for (;;) {
    const kind = scanner.scan();
    const offset = scanner.getTokenOffset();
    if (offset >= to) return offset === to ? commas : undefined;
    if (kind === SyntaxKind.EOF || scanner.getTokenError() !== 0 || offset + scanner.getTokenLength() > to) return undefined;
    if (kind === SyntaxKind.CommaToken) commas++;
    else if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) return undefined;
  }
}

/**
 * Whether the value before a gap still ends where the gap starts once `text` (the new text) has changed from
 * there on: an object or an array ends with its own bracket, while a number, a keyword or a string (a string left
 * open ends at the end of its line, whatever characters it holds) would take in what is typed right after it, or
 * what a removal brings next to it, so its one token is scanned again. A property without a value never does: the
 * parser ends it at the comma after it, wherever the change puts that.
 */
function endsAlike(oldText: string, text: string, previous: Node, at: number): boolean {
  const value = previous.type === 'property' ? previous.children?.[1] : previous;
  if (!value) return false;
  if (value.type === 'object' || value.type === 'array') return true;
  if (value.offset + value.length !== at) return false;
  const before = tokenAt(oldText, value.offset);
  const after = tokenAt(text, value.offset);
  return before.length === value.length && after.length === value.length && before.error === after.error;
}

/** The space between two children of an object or array (or a child and a bracket) that holds a change. */
interface Gap {
  readonly start: number;
  readonly end: number;
  readonly container: SyntaxNode;
  /** The child before the gap, if any. */
  readonly previous: SyntaxNode | undefined;
}

/** The gap that holds the change, found by descending the tree, or undefined when the change touches a value. */
function gapAround(root: SyntaxNode, text: string, span: Span): Gap | undefined {
  let container = root;
  for (;;) {
    if (container.type !== 'object' && container.type !== 'array') return undefined;
    const closing = container.type === 'object' ? '}' : ']';
    if (!holds(container, span) || text[end(container) - 1] !== closing) return undefined;
    const children = container.children ?? [];
    // The first child that ends after the change starts.
    const at = firstIndex(children.length, (i) => end(children[i]) > span.start);
    const next = children[at];
    if (!next || span.end <= next.offset) {
      const previous = children[at - 1];
      return { container, previous, start: previous ? end(previous) : container.offset + 1, end: next ? next.offset : end(container) - 1 };
    }
    const value = next.type === 'property' ? next.children?.[1] : next;
    if (!value || !holds(value, span)) return undefined;
    container = value;
  }
}

/**
 * Makes `old` the node `node` is (an object parsed alone from the text `old` now has), so that whatever holds
 * `old` holds the new object. Its children's offsets are from the object's start, so they stay as they are.
 */
function adopt(old: SyntaxNode, node: SyntaxNode): void {
  old.length = node.length;
  old.children = node.children;
  for (const child of node.children ?? []) child.parent = old;
}

/**
 * The syntax problems once `span` of the previous text was parsed again alone: those around it as movedProblems
 * gives them (undefined as it is), and those `found` in the part in their place, their offsets `by` characters on.
 */
function reparsedProblems(problems: readonly SyntaxProblem[], span: Span, delta: number, found: readonly SyntaxProblem[], by: number): SyntaxProblem[] | undefined {
  const moved = movedProblems(problems, span, delta, true);
  moved?.splice(firstIndex(moved.length, (i) => moved[i].span.start >= span.start), 0, ...found.map((p) => ({ ...p, span: { start: p.span.start + by, end: p.span.end + by } })));
  return moved;
}

/**
 * The analysis after a change within the brackets of a list section's array, with the run of entries it touches
 * parsed again (see runAround): entries pasted, taken out, broken or changed. Undefined when the new run could be
 * read otherwise in the whole text, or when a syntax problem reaches across its edges.
 */
function reanalyzeRun(previous: Analysis, list: List, span: Span, text: string, delta: number, settings: AnalysisSettings, lines: () => LineIndex): Analysis | undefined {
  const { model, parsed } = previous;
  const { array } = list;
  // An array that runs to the end of the text was left open: its end is no bracket of its own.
  if (end(array) >= model.text.length || model.text[end(array) - 1] !== ']') return undefined;
  const children = (array.children ??= []);
  const around = runAround(array, widened(array, span, parsed.problems));
  const { first, start } = around;
  if (!tokenEndsAt(text, start)) return undefined;
  let last = around.last;
  let reparsed: ParsedText | undefined;
  for (let grown = 0; ; grown++, last++) {
    const stop = runEnd(array, last);
    reparsed = parseRun(text.slice(start, stop + delta), containersAround(array), stop === end(array) - 1);
    if (reparsed || grown === RUN_GROWTH || last >= children.length) break;
  }
  const runSpan = { start, end: runEnd(array, last) };
  if (!reparsed || overlapped(array, runSpan)) return undefined;
  const items = reparsed.root!.children ?? [];
  const lastItem = items[items.length - 1];
  if (runSpan.end !== end(array) - 1 && lastItem && !endsAsAlone(text, lastItem, lastItem.offset + start - 1)) return undefined;
  // The text parsed alone started one character in, after the `[` put before it.
  const problems = reparsedProblems(parsed.problems, runSpan, delta, reparsed.problems, start - 1);
  if (!problems) return undefined;
  const removed = children.slice(first, Math.min(last, children.length - 1) + 1);
  const entries = model.sections.get(list.items.section!.key) ?? [];
  const at = firstIndex(entries.length, (i) => entries[i].node.offset >= start);
  const olds = entries.slice(at, at + removed.filter((node) => node.type === 'object').length);
  moveAfter(array, runSpan.end, delta);
  const added = items.map((child) => {
    const offset = child.offset + start - 1;
    child.parent = array;
    child.offset = offset;
    return child;
  });
  children.splice(first, removed.length, ...added);
  const news = added.flatMap((node, i) => (node.type === 'object' ? [buildEntry(node, list.items, list.place, first + i)] : []));
  const defaultVersion = settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION;
  return checkModel({ root: parsed.root, problems, flattened: false }, replaceObjects(model, text, list.items, olds, news, start, defaultVersion), settings, {
    dirty: { start, end: runSpan.end + delta },
    delta,
    lines: lines(),
    previous: previous.checked,
    removed: new Set(olds),
  });
}

/**
 * The value of a setting of the top level whose text holds the change (its ends included), when it holds none of
 * the objects the model is built of: `ServerVersion`, `SipDomains`, `$schema`, or a key the catalog does not know.
 */
function rootValueAround(model: TopologyModel, span: Span): SyntaxNode | undefined {
  for (const property of model.root?.properties ?? []) {
    const value = property.valueNode;
    if (!value || value.offset > span.start || span.end > end(value)) continue;
    const spec = property.spec?.value;
    const holdsModel = spec !== undefined && (spec.kind === 'object' || (spec.kind === 'array' && spec.items.kind === 'object'));
    return holdsModel ? undefined : (value as SyntaxNode);
  }
  return undefined;
}

/**
 * The new text of a value parsed alone, with its syntax problems (offsets from its start); undefined when it is
 * not one value from its first character to its last, as it would be after the colon of its property (junk around
 * it is read otherwise there), when it is a string left open (which runs on to the end of its line in the whole
 * text), or when an array or object in it is left open.
 */
function parseValue(text: string, outer: number): ParsedText | undefined {
  return parseAlone(text, outer, (root, errors) => root !== undefined && root.offset === 0 && root.length === text.length && !isLeftOpen(text, root) && endsBefore(errors, text.length));
}

/**
 * The analysis after a change within a value of the top level that holds no objects the model is built of (see
 * rootValueAround): only that value is parsed again; the model keeps every object, and reads the version and the
 * SIP domains again. A new version has every entry checked again (it is part of what their kept findings rest on).
 */
function reanalyzeValue(previous: Analysis, value: SyntaxNode, text: string, delta: number, settings: AnalysisSettings, lines: () => LineIndex): Analysis | undefined {
  const { model, parsed } = previous;
  const start = value.offset;
  const oldEnd = end(value);
  if (oldEnd >= model.text.length || !tokenEndsAt(text, start) || overlapped(value, { start, end: oldEnd })) return undefined;
  const replacement = parseValue(text.slice(start, oldEnd + delta), containersAround(value));
  const problems = replacement && reparsedProblems(parsed.problems, { start, end: oldEnd }, delta, replacement.problems, start);
  if (!replacement || !problems || !endsAsAlone(text, replacement.root!, start)) return undefined;
  const property = value.parent!;
  moveAfter(property, oldEnd, delta);
  const node = replacement.root!;
  node.parent = property;
  node.offset = start;
  property.children![1] = node;
  const defaultVersion = settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION;
  return checkModel({ root: parsed.root, problems, flattened: false }, withText(model, text, defaultVersion), settings, {
    dirty: { start, end: oldEnd + delta },
    delta,
    lines: lines(),
    previous: previous.checked,
  });
}

/**
 * The analysis after a change in the white space and comments before or after the top-level value (a final line
 * break, a comment at the end of the file), which leaves only white space and comments there: nothing is parsed
 * again, and the value moves when the change lies before it. Undefined when anything else lies there or comes to
 * lie there (text after the value is a syntax problem, and what it is depends on what it is), or when the value
 * was left open at the end of the text (its end would move with what is typed after it).
 */
function reanalyzeAround(previous: Analysis, root: SyntaxNode, span: Span, text: string, delta: number, settings: AnalysisSettings, lines: () => LineIndex): Analysis | undefined {
  const { model, parsed } = previous;
  const before = span.end <= root.offset;
  if (!before && span.start < end(root)) return undefined;
  if (root.type !== 'object' && root.type !== 'array') return undefined;
  if (parsed.problems.some((p) => p.span.start >= end(root) || p.span.end > end(root) || (before && p.span.start < root.offset))) return undefined;
  const [from, to] = before ? [0, root.offset] : [end(root), model.text.length];
  if (commasBetween(model.text, from, to) !== 0 || commasBetween(text, from, to + delta) !== 0) return undefined;
  // Every problem lies within the value, which the change does not touch.
  const problems = movedProblems(parsed.problems, span, delta, false)!;
  if (before) root.move(delta);
  const defaultVersion = settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION;
  return checkModel({ ...parsed, problems }, withText(model, text, defaultVersion), settings, {
    dirty: { start: from, end: to + delta },
    delta,
    lines: lines(),
    previous: previous.checked,
  });
}

/**
 * The analysis after `change`, when the change can be followed without reading the whole text again:
 * - it falls within the brackets of a list section's array (hosting providers, users, ...): the entries it
 *   touches are parsed again alone, broken or not, and put in the place of the old ones (see reanalyzeRun);
 * - it falls inside a section that is one object (`AccessEdgeConfiguration`, `ExchangeUM`) and leaves it an
 *   object its own braces still close: only that object is parsed again and its model rebuilt;
 * - it falls within a value of the top level that holds no objects (`ServerVersion`, `SipDomains`): only that
 *   value is parsed again;
 * - or it falls between the entries of an object or array (white space, comments), where only commas and
 *   trivia are, leaves as many commas there, and leaves the value before it ending where it did: nothing is
 *   parsed again.
 * In each case, what is parsed again must end where it did, so that the parser reads the rest of the text as
 * before. The rest of the tree is moved, not re-read. Undefined when the change reaches further, and the text
 * must be analyzed whole. The previous analysis is used up: its tree now belongs to the new one.
 * `after`, when the caller has it (an editor's document), is the text once the change is made: it is taken as it
 * is, so that a large text is not copied once more for every keystroke. `settings` need not be those `previous` was
 * made under: what they decide is taken from them again.
 */
export function reanalyze(previous: Analysis, change: TextChange, settings: AnalysisSettings = {}, after?: string): Analysis | undefined {
  const { model, parsed } = previous;
  const root = parsed.root;
  if (!root || parsed.flattened) return undefined;
  const delta = change.newText.length - (change.span.end - change.span.start);
  const text = after ?? model.text.slice(0, change.span.start) + change.newText + model.text.slice(change.span.end);
  // A text given for the change must at least be as long as it makes the text, with the new text where it goes.
  if (text.length !== model.text.length + delta || !text.startsWith(change.newText, change.span.start)) return undefined;
  if (settings.maxLength !== undefined && text.length > settings.maxLength) return undefined;
  const defaultVersion = settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION;
  const lines = () => LineIndex.edited(previous.lines, change.span, change.newText, text);
  if (delta === 0 && model.text.startsWith(change.newText, change.span.start)) {
    // Nothing changed (a client that sends the whole text sent it again, or a character was typed over with
    // itself): the model is checked again as it is, under `settings`.
    return checkModel(parsed, withText(model, text, defaultVersion), settings, { dirty: { start: change.span.start, end: change.span.start }, delta, lines: previous.lines, previous: previous.checked });
  }
  const around = reanalyzeAround(previous, root, change.span, text, delta, settings, lines);
  if (around) return around;
  const list = listAround(model, change.span);
  const listed = list && reanalyzeRun(previous, list, change.span, text, delta, settings, lines);
  if (listed) return listed;
  const object = sectionAround(model, change.span);
  if (object) {
    const start = object.node.offset;
    const oldEnd = end(object.node);
    // An object that reaches the end of the text was left open there (the parser ends an object only at its
    // brace or at the end): its last character is no brace of its own, and what follows it is read otherwise.
    if (oldEnd >= model.text.length || overlapped(object.node, { start, end: oldEnd })) return undefined;
    const replacement = parseObject(text.slice(start, oldEnd + delta), containersAround(object.node));
    const problems = replacement && reparsedProblems(parsed.problems, { start, end: oldEnd }, delta, replacement.problems, start);
    if (!replacement || !problems) return undefined;
    const node = object.node as SyntaxNode;
    adopt(node, replacement.root!);
    moveAfter(node.parent!, oldEnd, delta);
    const rebuilt = replaceObjects(model, text, object.spec, [object], [rebuildObject(object)], start, defaultVersion);
    return checkModel({ root, problems, flattened: false }, rebuilt, settings, { dirty: { start, end: oldEnd + delta }, delta, lines: lines(), previous: previous.checked });
  }
  const value = rootValueAround(model, change.span);
  const revalued = value && reanalyzeValue(previous, value, text, delta, settings, lines);
  if (revalued) return revalued;
  const gap = gapAround(root, model.text, change.span);
  if (!gap) return undefined;
  const commas = commasBetween(model.text, gap.start, gap.end);
  if (commas === undefined || commasBetween(text, gap.start, gap.end + delta) !== commas) return undefined;
  if (gap.previous && change.span.start === gap.start && !endsAlike(model.text, text, gap.previous, gap.start)) return undefined;
  const problems = movedProblems(parsed.problems, change.span, delta, false);
  if (!problems) return undefined;
  moveAfter(gap.container, change.span.end, delta);
  return checkModel({ root, problems, flattened: false }, withText(model, text, defaultVersion), settings, {
    dirty: { start: gap.start, end: gap.end + delta },
    delta,
    lines: lines(),
    previous: previous.checked,
  });
}
