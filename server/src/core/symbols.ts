import type { Node } from 'jsonc-parser';
import { spanOf, stringValue, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
import type { Span } from './text';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'section' | 'provider' | 'setting' | 'value';
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

function valueText(node: Node | undefined, text: string): string | undefined {
  if (!node || node.type === 'object' || node.type === 'array') return undefined;
  return text.slice(node.offset, node.offset + node.length);
}

function providerSymbol(provider: ObjectModel, text: string): OutlineSymbol {
  const identity = provider.byName.get('Identity');
  return {
    name: stringValue(identity) || provider.path,
    detail: stringValue(provider.byName.get('ProxyFqdn')),
    kind: 'provider',
    span: spanOf(provider.node),
    selectionSpan: identity?.valueNode ? spanOf(identity.valueNode) : { start: provider.node.offset, end: provider.node.offset + 1 },
    children: provider.properties.map((p) => propertySymbol(p, [], text)),
  };
}

function propertySymbol(property: PropertyModel, objects: readonly ObjectModel[], text: string): OutlineSymbol {
  const value = property.valueNode;
  const object = objects.find((o) => o.owner === property);
  const providers = value?.type === 'array' ? objects.filter((o) => o.node.parent === value) : [];
  const items = value?.type === 'array' && providers.length === 0 ? (value.children ?? []) : [];
  const children = object
    ? object.properties.map((p) => propertySymbol(p, objects, text))
    : providers.length > 0
      ? providers.map((p) => providerSymbol(p, text))
      : items.map((item, index) => ({ name: valueText(item, text) ?? `[${index}]`, kind: 'value' as const, span: spanOf(item), selectionSpan: spanOf(item), children: [] }));
  return {
    name: property.key,
    detail: valueText(value, text),
    kind: object || providers.length > 0 || items.length > 0 ? 'section' : 'setting',
    span: spanOf(property.node),
    selectionSpan: spanOf(property.keyNode),
    children,
  };
}

/** The outline: the sections of the file, each hosting provider by its Identity, and the settings in each. */
export function documentSymbols(model: TopologyModel): OutlineSymbol[] {
  return model.root ? model.root.properties.map((p) => propertySymbol(p, model.objects, model.text)) : [];
}
