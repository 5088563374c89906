import { createScanner, SyntaxKind, type Node } from 'jsonc-parser';
import { checkModel, type Analysis, type AnalysisSettings } from './analyze';
import { DEFAULT_SERVER_VERSION, type ObjectSpec } from './catalog';
import { rebuildObject, replaceObject, withText, type ObjectModel, type TopologyModel } from './model';
import { MAX_NESTING, parseNested, type ParsedText, type SyntaxProblem } from './parse';
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

/** The entry of a list section whose braces enclose the change, found by its offset among the entries (they are in file order). */
function entryAround(entries: readonly ObjectModel[], span: Span): ObjectModel | undefined {
  const entry = entries[firstIndex(entries.length, (i) => entries[i].node.offset >= span.start) - 1];
  return entry && holds(entry.node, span) ? entry : undefined;
}

/** Whether an object of this kind can hold objects the catalog describes; such an object is never rebuilt alone. */
function holdsObjects(spec: ObjectSpec): boolean {
  return spec.properties.some((p) => p.value.kind === 'object' || (p.value.kind === 'array' && p.value.items.kind === 'object'));
}

/**
 * The object that encloses the change and can be rebuilt alone: an entry of a list section, or a section
 * that is one object (`AccessEdgeConfiguration`, `ExchangeUM`). Never the top level, which holds the rest.
 */
function objectAround(model: TopologyModel, span: Span): ObjectModel | undefined {
  const entry = entryAround(model.entries, span);
  if (entry) return holdsObjects(entry.spec) ? undefined : entry;
  return model.objects.find((object) => object.owner && !holdsObjects(object.spec) && holds(object.node, span));
}

/**
 * The new text of an object parsed alone, with its syntax problems (offsets from its start); undefined when its
 * braces no longer close it (its last character is no `}` of its own, so that in the whole text it would run on
 * into what follows), or when, inside the `outer` objects and arrays that hold it, it would nest deeper than a
 * whole parse reads. jsonc-parser reads an object from its `{` to the `}` that closes it the same way wherever
 * the object stands, recovering from the same errors the same way, so such an object gets the same nodes and
 * problems in the whole text.
 */
function parseObject(text: string, outer: number): ParsedText | undefined {
  let parsed;
  try {
    parsed = parseNested(text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  const node = parsed.root;
  // An object the parser ends at the end of the text, not at a brace, has a problem there: the missing `}`.
  const closed = node?.type === 'object' && node.offset === 0 && node.length === text.length && text.endsWith('}') && parsed.problems.every((p) => p.span.start < text.length);
  return closed && outer + parsed.depth <= MAX_NESTING ? parsed : undefined;
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
 * When `span` is an object parsed again, those after its opening brace are left out, for the caller to put in
 * those the new parse found (a problem at the brace itself, such as a missing comma before it, belongs to the
 * text around the object). Undefined when
 * another problem touches the span.
 */
function movedProblems(problems: readonly SyntaxProblem[], span: Span, delta: number, reparsed: boolean): SyntaxProblem[] | undefined {
  const moved: SyntaxProblem[] = [];
  for (const problem of problems) {
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

/** The last node without children inside `node`: the token a value ends with, unless it ends with a bracket. */
function lastLeaf(node: Node): Node {
  let leaf = node;
  while (leaf.children && leaf.children.length > 0) leaf = leaf.children[leaf.children.length - 1];
  return leaf;
}

/**
 * Whether the value before a gap still ends where the gap starts once `text` (the new text) has changed from
 * there on: a closing bracket does, while a number, a keyword or a string left open would take in what is typed
 * right after it (or what a removal brings next to it), so its one token is scanned again.
 */
function endsAlike(oldText: string, text: string, previous: Node, at: number): boolean {
  if (oldText[at - 1] === '}' || oldText[at - 1] === ']') return true;
  const leaf = lastLeaf(previous);
  if (leaf.offset + leaf.length !== at || leaf.type === 'object' || leaf.type === 'array' || leaf.type === 'property') return false;
  const token = (source: string) => {
    const scanner = createScanner(source, false);
    scanner.setPosition(leaf.offset);
    scanner.scan();
    return { length: scanner.getTokenLength(), error: scanner.getTokenError() };
  };
  const before = token(oldText);
  const after = token(text);
  return before.length === leaf.length && after.length === leaf.length && before.error === after.error;
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
 * The analysis after `change`, when the change can be followed without reading the whole text again:
 * - it falls inside an object that can be rebuilt alone (an entry of a list section, such as a hosting
 *   provider or a user; or `AccessEdgeConfiguration`, `ExchangeUM`) and leaves it an object its own braces still
 *   close, broken inside or not: only that object is parsed again and its model rebuilt;
 * - or it falls between the entries of an object or array (white space, comments), where only commas and
 *   trivia are, leaves as many commas there, and leaves the value before it ending where it did: nothing is
 *   parsed again.
 * The rest of the tree is moved, not re-read. Undefined when the change reaches further, and the text must
 * be analyzed whole. The previous analysis is used up: its tree now belongs to the new one.
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
  const object = objectAround(model, change.span);
  if (object) {
    const start = object.node.offset;
    const oldEnd = end(object.node);
    // An object that reaches the end of the text was left open there (the parser ends an object only at its
    // brace or at the end): its last character is no brace of its own, and what follows it is read otherwise.
    if (oldEnd >= model.text.length || overlapped(object.node, { start, end: oldEnd })) return undefined;
    const replacement = parseObject(text.slice(start, oldEnd + delta), containersAround(object.node));
    const problems = replacement && movedProblems(parsed.problems, { start, end: oldEnd }, delta, true);
    if (!replacement || !problems) return undefined;
    const inside = replacement.problems.map((p) => ({ ...p, span: { start: p.span.start + start, end: p.span.end + start } }));
    problems.splice(firstIndex(problems.length, (i) => problems[i].span.start >= start), 0, ...inside);
    const node = object.node as SyntaxNode;
    adopt(node, replacement.root!);
    moveAfter(node.parent!, oldEnd, delta);
    const rebuilt = rebuildObject(object);
    return checkModel({ root, problems, flattened: false }, replaceObject(model, text, object, rebuilt, defaultVersion), settings, {
      dirty: { start, end: oldEnd + delta },
      delta,
      lines: LineIndex.edited(previous.lines, change.span, change.newText, text),
      previous: previous.checked,
    });
  }
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
    lines: LineIndex.edited(previous.lines, change.span, change.newText, text),
    previous: previous.checked,
  });
}
