import { parseTree, type Node } from 'jsonc-parser';
import { checkModel, type Analysis, type AnalysisSettings } from './analyze';
import { DEFAULT_SERVER_VERSION } from './catalog';
import { rebuildEntry, replaceEntry, type ObjectModel } from './model';
import { MAX_NESTING, PARSE_OPTIONS, type SyntaxProblem } from './parse';
import type { Span } from './text';

/** Replace `span` of the previous text with `newText`. */
export interface TextChange {
  readonly span: Span;
  readonly newText: string;
}

/** The entry of a list section whose braces enclose the change, found by its offset among the entries (they are in file order). */
function entryAround(entries: readonly ObjectModel[], span: Span): ObjectModel | undefined {
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid].node.offset < span.start) low = mid;
    else high = mid - 1;
  }
  const entry = entries[low];
  return entry && entry.node.offset < span.start && span.end < entry.node.offset + entry.node.length ? entry : undefined;
}

function depth(node: Node): number {
  let deepest = 0;
  const pending: [Node, number][] = [[node, 1]];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    deepest = Math.max(deepest, entry[1]);
    for (const child of entry[0].children ?? []) pending.push([child, entry[1] + 1]);
  }
  return deepest;
}

/** The new text of an entry as one well-formed object, or undefined. */
function parseEntry(text: string): Node | undefined {
  const errors: unknown[] = [];
  let node: Node | undefined;
  try {
    node = parseTree(text, errors as never, PARSE_OPTIONS);
  } catch {
    return undefined;
  }
  const whole = node?.type === 'object' && node.offset === 0 && node.length === text.length;
  return whole && errors.length === 0 && depth(node!) < MAX_NESTING ? node : undefined;
}

type Mutable = { offset: number; length: number; colonOffset?: number };

/** Moves every node from `from` on by `delta`: nodes after it shift, nodes around it grow; `skip` is left alone. */
function shift(root: Node, from: number, delta: number, skip: Node): void {
  const pending = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node === skip || node.offset + node.length < from) continue;
    const mutable = node as Mutable;
    if (node.offset >= from) mutable.offset += delta;
    else mutable.length += delta;
    if (mutable.colonOffset !== undefined && mutable.colonOffset >= from) mutable.colonOffset += delta;
    for (const child of node.children ?? []) pending.push(child);
  }
}

function moveProblem(problem: SyntaxProblem, delta: number): SyntaxProblem {
  return { ...problem, span: { start: problem.span.start + delta, end: problem.span.end + delta } };
}

/**
 * The analysis after `change`, when it falls inside one entry of a list section (a hosting provider, a
 * user, ...) and leaves it one well-formed object: only that entry is parsed again and its model rebuilt; the rest of the tree is moved, not
 * re-read. Undefined when the change reaches further, and the text must be analyzed whole. The previous
 * analysis is used up: its tree now belongs to the new one.
 */
export function reanalyze(previous: Analysis, change: TextChange, settings: AnalysisSettings = {}): Analysis | undefined {
  const { model, parsed } = previous;
  if (!model.rootNode || parsed.flattened) return undefined;
  const text = model.text.slice(0, change.span.start) + change.newText + model.text.slice(change.span.end);
  if (settings.maxLength !== undefined && text.length > settings.maxLength) return undefined;
  const entry = entryAround(model.entries, change.span);
  if (!entry) return undefined;
  const start = entry.node.offset;
  const end = start + entry.node.length;
  const delta = change.newText.length - (change.span.end - change.span.start);
  const replacement = parseEntry(text.slice(start, end + delta));
  if (!replacement) return undefined;
  shift(replacement, 0, start, entry.node);
  shift(model.rootNode, end, delta, entry.node);
  const siblings = entry.node.parent!.children!;
  siblings[siblings.indexOf(entry.node)] = replacement;
  (replacement as { parent?: Node }).parent = entry.node.parent;
  const rebuilt = rebuildEntry(entry, replacement);
  // The previous analysis is used up: its list of objects is taken over, the entry replaced in place.
  const objects = model.objects as ObjectModel[];
  objects[objects.indexOf(entry)] = rebuilt;
  // The new entry parsed cleanly, so problems inside the old one are gone; those after it move.
  const problems = parsed.problems
    .filter((p) => p.span.end <= start || p.span.start >= end)
    .map((p) => (p.span.start >= end ? moveProblem(p, delta) : p));
  const root = model.rootNode;
  return checkModel({ root, problems, flattened: false }, replaceEntry(model, text, entry, rebuilt, settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION), settings);
}
