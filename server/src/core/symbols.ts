import type { Node } from 'jsonc-parser';
import { firstObjectFrom, nameProperty, spanOf, stringValue, type ObjectModel, type TopologyModel } from './model';
import type { ResultLimit } from './limit';
import type { Span } from './text';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'section' | 'entry' | 'setting' | 'value';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

/** A symbol whose children the walk fills in later, if the limit allows. */
type Growing = OutlineSymbol & { readonly children: OutlineSymbol[] };

/**
 * A symbol the walk has made and will list the children of when it reaches them: the properties of an object,
 * or the items of an array (the entries of a list section among `objects`, else its values). `objects` are those
 * the walk expands (none within an entry, whose settings are shown as they are written).
 */
interface Pending {
  readonly into: OutlineSymbol[];
  readonly below: ObjectModel | Node;
  readonly objects: readonly ObjectModel[];
}

/** The objects the walk expands within an entry: none. */
const NONE: readonly ObjectModel[] = [];

function valueText(node: Node | undefined, text: string): string | undefined {
  if (!node || node.type === 'object' || node.type === 'array') return undefined;
  const offset = node.offset;
  return text.slice(offset, offset + node.length);
}

/**
 * The index in `objects` of the first object that starts within `node`, or -1. `objects` is in file order with
 * each parent before what it holds (see `TopologyModel.objects`), so it is found by a binary search.
 */
function firstObjectWithin(objects: readonly ObjectModel[], node: Node): number {
  if (objects.length === 0) return -1;
  const index = firstObjectFrom(objects, node.offset);
  return index < objects.length && objects[index].node.offset < node.offset + node.length ? index : -1;
}

/** An entry of a list section, by its name, with the setting its section shows beside it. */
function entrySymbol(entry: ObjectModel, text: string): Growing {
  const name = nameProperty(entry);
  const detailKey = entry.spec.section?.outlineDetail;
  const shown = detailKey === undefined ? undefined : entry.byName.get(detailKey);
  const detail = shown?.valueNode;
  const none = detail?.type === 'null' ? shown?.spec?.nullMeans?.summary : undefined;
  const nameNode = name?.valueNode;
  const span = spanOf(entry.node);
  return {
    name: stringValue(name) || entry.path,
    detail: none ?? (detail?.type === 'string' ? (detail.value as string) : valueText(detail, text)),
    kind: 'entry',
    span,
    selectionSpan: nameNode ? spanOf(nameNode) : { start: span.start, end: span.start + 1 },
    children: [],
  };
}

/**
 * The outline: the sections of the file, each entry of a list by its name, and the settings in each.
 * Walked breadth first, as VS Code's JSON language service walks its outline: with a `resultLimit`, the outer
 * levels are kept whole and in file order, and the walk stops at the first symbol past the limit. Each level is
 * made as the walk reaches it, so a limit reached early leaves the rest of the file unread.
 */
export function documentSymbols(model: TopologyModel, limit: ResultLimit = {}): OutlineSymbol[] {
  const top: OutlineSymbol[] = [];
  if (!model.root) return top;
  const { text } = model;
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const queue: Pending[] = [{ into: top, below: model.root, objects: model.objects }];
  let count = 0;
  /** Adds a symbol to `into`; false once the limit is reached, after saying so. */
  const add = (into: OutlineSymbol[], symbol: OutlineSymbol): boolean => {
    if (count >= max) {
      limit.onResultLimitExceeded?.();
      return false;
    }
    count++;
    into.push(symbol);
    return true;
  };
  for (let next = 0; next < queue.length; next++) {
    const { into, below, objects } = queue[next];
    if ('spec' in below) {
      for (const property of below.properties) {
        const value = property.valueNode;
        const first = value?.type === 'object' ? firstObjectWithin(objects, value) : -1;
        const owned = first >= 0 && objects[first].node === value ? objects[first] : undefined;
        const items = value?.type === 'array' ? (value.children?.length ?? 0) : 0;
        const keyNode = property.keyNode;
        const symbol: Growing = {
          name: keyNode.value as string,
          detail: valueText(value, text),
          kind: owned || items > 0 ? 'section' : 'setting',
          span: spanOf(property.node),
          selectionSpan: spanOf(keyNode),
          children: [],
        };
        if (!add(into, symbol)) return top;
        if (owned) queue.push({ into: symbol.children, below: owned, objects });
        else if (items > 0) queue.push({ into: symbol.children, below: value!, objects });
      }
      continue;
    }
    // An array: the entries among `objects` that it holds, or else its values.
    let entries = 0;
    const end = below.offset + below.length;
    for (let i = firstObjectWithin(objects, below); i >= 0 && i < objects.length && objects[i].node.offset < end; i++) {
      const entry = objects[i];
      if (entry.node.parent !== below) continue;
      entries++;
      const symbol = entrySymbol(entry, text);
      if (!add(into, symbol)) return top;
      queue.push({ into: symbol.children, below: entry, objects: NONE });
    }
    if (entries > 0) continue;
    const items = below.children ?? [];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const span = spanOf(item);
      if (!add(into, { name: valueText(item, text) ?? `[${index}]`, kind: 'value', span, selectionSpan: span, children: [] })) return top;
    }
  }
  return top;
}
