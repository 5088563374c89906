import type { Node } from 'jsonc-parser';
import { entryName, nameProperty, spanOf, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
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

/** The objects the catalog describes, by their node: what a property's value or an array item is modelled as. */
type ObjectsByNode = ReadonlyMap<Node, ObjectModel>;

const NO_OBJECTS: ObjectsByNode = new Map();

/** An entry of a list section, by its name, with the setting its section shows beside it. */
function entryItem(entry: ObjectModel, text: string): Item {
  const name = nameProperty(entry);
  const detailKey = entry.spec.section?.outlineDetail;
  const detail = detailKey === undefined ? undefined : entry.byName.get(detailKey)?.valueNode;
  const symbol: Growing = {
    name: entryName(entry) || entry.path,
    detail: detail?.type === 'string' ? (detail.value as string) : valueText(detail, text),
    kind: 'entry',
    span: spanOf(entry.node),
    selectionSpan: name?.valueNode ? spanOf(name.valueNode) : { start: entry.node.offset, end: entry.node.offset + 1 },
    children: [],
  };
  // An entry's settings are shown as they are written: objects within an entry are not expanded.
  return { symbol, below: () => propertyItems(entry.properties, NO_OBJECTS, text) };
}

function* entryItems(entries: readonly ObjectModel[], text: string): Iterable<Item> {
  for (const entry of entries) yield entryItem(entry, text);
}

function* valueItems(items: readonly Node[], text: string): Iterable<Item> {
  for (const [index, item] of items.entries()) {
    yield { symbol: { name: valueText(item, text) ?? `[${index}]`, kind: 'value', span: spanOf(item), selectionSpan: spanOf(item), children: [] }, below: none };
  }
}

function propertyItem(property: PropertyModel, objects: ObjectsByNode, text: string): Item {
  const value = property.valueNode;
  const object = value?.type === 'object' ? objects.get(value) : undefined;
  const items = value?.type === 'array' ? (value.children ?? []) : [];
  const entries = items.some((item) => objects.has(item)) ? items.flatMap((item) => objects.get(item) ?? []) : [];
  const below = object
    ? () => propertyItems(object.properties, objects, text)
    : entries.length > 0
      ? () => entryItems(entries, text)
      : () => valueItems(items, text);
  const symbol: Growing = {
    name: property.key,
    detail: valueText(value, text),
    kind: object || items.length > 0 ? 'section' : 'setting',
    span: spanOf(property.node),
    selectionSpan: spanOf(property.keyNode),
    children: [],
  };
  return { symbol, below };
}

function* propertyItems(properties: readonly PropertyModel[], objects: ObjectsByNode, text: string): Iterable<Item> {
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
  const objects = new Map<Node, ObjectModel>();
  for (const object of model.objects) objects.set(object.node, object);
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const queue: { readonly into: OutlineSymbol[]; readonly items: Iterable<Item> }[] = [{ into: top, items: propertyItems(model.root.properties, objects, model.text) }];
  let count = 0;
  for (let next = 0; next < queue.length; next++) {
    const { into, items } = queue[next];
    for (const item of items) {
      if (count >= max) {
        limit.onResultLimitExceeded?.();
        return top;
      }
      count++;
      into.push(item.symbol);
      queue.push({ into: item.symbol.children, items: item.below() });
    }
  }
  return top;
}
