import type { Node } from 'jsonc-parser';
import { entryName, firstObjectFrom, nameProperty, spanOf, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
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

/** A symbol to show and, made only when the walk reaches them, those below it. */
interface Item {
  readonly symbol: Growing;
  readonly below: () => Iterable<Item>;
}

function valueText(node: Node | undefined, text: string): string | undefined {
  if (!node || node.type === 'object' || node.type === 'array') return undefined;
  return text.slice(node.offset, node.offset + node.length);
}

function* none(): Iterable<Item> {}

/**
 * The objects the catalog describes among those that start within `node`, in file order: `objects` is in file
 * order with each parent before what it holds (see `TopologyModel.objects`), so they are found by a binary
 * search and a scan that goes no further than the caller reads.
 */
function* objectsWithin(objects: readonly ObjectModel[], node: Node): Iterable<ObjectModel> {
  for (let i = firstObjectFrom(objects, node.offset); i < objects.length && objects[i].node.offset < node.offset + node.length; i++) yield objects[i];
}

function* entriesOf(array: Node, objects: readonly ObjectModel[]): Iterable<ObjectModel> {
  for (const object of objectsWithin(objects, array)) if (object.node.parent === array) yield object;
}

function first<T>(items: Iterable<T>): T | undefined {
  for (const item of items) return item;
  return undefined;
}

/** An entry of a list section, by its name, with the setting its section shows beside it. */
function entryItem(entry: ObjectModel, text: string): Item {
  const name = nameProperty(entry);
  const detailKey = entry.spec.section?.outlineDetail;
  const shown = detailKey === undefined ? undefined : entry.byName.get(detailKey);
  const detail = shown?.valueNode;
  const none = detail?.type === 'null' ? shown?.spec?.nullMeans?.summary : undefined;
  const symbol: Growing = {
    name: entryName(entry) || entry.path,
    detail: none ?? (detail?.type === 'string' ? (detail.value as string) : valueText(detail, text)),
    kind: 'entry',
    span: spanOf(entry.node),
    selectionSpan: name?.valueNode ? spanOf(name.valueNode) : { start: entry.node.offset, end: entry.node.offset + 1 },
    children: [],
  };
  // An entry's settings are shown as they are written: objects within an entry are not expanded.
  return { symbol, below: () => propertyItems(entry.properties, [], text) };
}

function* entryItems(entries: Iterable<ObjectModel>, text: string): Iterable<Item> {
  for (const entry of entries) yield entryItem(entry, text);
}

function* valueItems(items: readonly Node[], text: string): Iterable<Item> {
  for (const [index, item] of items.entries()) {
    yield { symbol: { name: valueText(item, text) ?? `[${index}]`, kind: 'value', span: spanOf(item), selectionSpan: spanOf(item), children: [] }, below: none };
  }
}

/** A property; `objects` are those the walk expands below it (none within an entry). */
function propertyItem(property: PropertyModel, objects: readonly ObjectModel[], text: string): Item {
  const value = property.valueNode;
  const object = value?.type === 'object' ? first(objectsWithin(objects, value)) : undefined;
  const owned = object?.node === value ? object : undefined;
  const items = value?.type === 'array' ? (value.children ?? []) : [];
  const below = owned
    ? () => propertyItems(owned.properties, objects, text)
    : value?.type === 'array' && first(entriesOf(value, objects))
      ? () => entryItems(entriesOf(value, objects), text)
      : () => valueItems(items, text);
  const symbol: Growing = {
    name: property.key,
    detail: valueText(value, text),
    kind: owned || items.length > 0 ? 'section' : 'setting',
    span: spanOf(property.node),
    selectionSpan: spanOf(property.keyNode),
    children: [],
  };
  return { symbol, below };
}

function* propertyItems(properties: readonly PropertyModel[], objects: readonly ObjectModel[], text: string): Iterable<Item> {
  for (const property of properties) yield propertyItem(property, objects, text);
}

/**
 * The outline: the sections of the file, each entry of a list by its name, and the settings in each.
 * Walked breadth first, as VS Code's JSON language service walks its outline: with a `resultLimit`, the outer
 * levels are kept whole and in file order, and the walk stops at the first symbol past the limit.
 */
export function documentSymbols(model: TopologyModel, limit: ResultLimit = {}): OutlineSymbol[] {
  const top: OutlineSymbol[] = [];
  if (!model.root) return top;
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  // Each level is made as the walk reaches it, so a limit reached early leaves the rest of the file unread.
  const queue: { readonly into: OutlineSymbol[]; readonly below: () => Iterable<Item> }[] = [
    { into: top, below: () => propertyItems(model.root!.properties, model.objects, model.text) },
  ];
  let count = 0;
  for (let next = 0; next < queue.length; next++) {
    const { into, below } = queue[next];
    for (const item of below()) {
      if (count >= max) {
        limit.onResultLimitExceeded?.();
        return top;
      }
      count++;
      into.push(item.symbol);
      queue.push({ into: item.symbol.children, below: item.below });
    }
  }
  return top;
}
