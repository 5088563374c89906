import type { Node } from 'jsonc-parser';
import { entryName, nameProperty, spanOf, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
import type { Span } from './text';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'section' | 'entry' | 'setting' | 'value';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

function valueText(node: Node | undefined, text: string): string | undefined {
  if (!node || node.type === 'object' || node.type === 'array') return undefined;
  return text.slice(node.offset, node.offset + node.length);
}

/** An entry of a list section, by its name, with the setting its section shows beside it. */
function entrySymbol(entry: ObjectModel, text: string): OutlineSymbol {
  const name = nameProperty(entry);
  const detailKey = entry.spec.section?.outlineDetail;
  const detail = detailKey === undefined ? undefined : entry.byName.get(detailKey)?.valueNode;
  return {
    name: entryName(entry) || entry.path,
    detail: detail?.type === 'string' ? (detail.value as string) : valueText(detail, text),
    kind: 'entry',
    span: spanOf(entry.node),
    selectionSpan: name?.valueNode ? spanOf(name.valueNode) : { start: entry.node.offset, end: entry.node.offset + 1 },
    children: entry.properties.map((p) => propertySymbol(p, [], text)),
  };
}

function propertySymbol(property: PropertyModel, objects: readonly ObjectModel[], text: string): OutlineSymbol {
  const value = property.valueNode;
  const object = objects.find((o) => o.owner === property);
  const entries = value?.type === 'array' ? objects.filter((o) => o.node.parent === value) : [];
  const items = value?.type === 'array' && entries.length === 0 ? (value.children ?? []) : [];
  const children = object
    ? object.properties.map((p) => propertySymbol(p, objects, text))
    : entries.length > 0
      ? entries.map((e) => entrySymbol(e, text))
      : items.map((item, index) => ({ name: valueText(item, text) ?? `[${index}]`, kind: 'value' as const, span: spanOf(item), selectionSpan: spanOf(item), children: [] }));
  return {
    name: property.key,
    detail: valueText(value, text),
    kind: object || entries.length > 0 || items.length > 0 ? 'section' : 'setting',
    span: spanOf(property.node),
    selectionSpan: spanOf(property.keyNode),
    children,
  };
}

/** The outline: the sections of the file, each entry of a list by its name, and the settings in each. */
export function documentSymbols(model: TopologyModel): OutlineSymbol[] {
  return model.root ? model.root.properties.map((p) => propertySymbol(p, model.objects, model.text)) : [];
}
