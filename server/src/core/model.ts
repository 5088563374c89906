import type { Node } from 'jsonc-parser';
import {
  DEFAULT_SERVER_VERSION,
  EXCHANGE_UM_MODES,
  SERVER_VERSIONS,
  TOPOLOGY,
  canonicalValue,
  findPropertyIgnoringCase,
  type ExchangeUmMode,
  type ObjectSpec,
  type PropertySpec,
  type ServerVersion,
  type ValueSpec,
} from './catalog';
import type { Diagnostic } from './diagnostics';
import type { Span } from './text';

/** One `"key": value` of an object the catalog describes. */
export interface PropertyModel {
  readonly node: Node;
  readonly keyNode: Node;
  /** The key as written. */
  readonly key: string;
  readonly valueNode: Node | undefined;
  /** The catalog entry the key names, matched ignoring letter case; undefined for unknown keys. */
  readonly spec: PropertySpec | undefined;
  /** An earlier key of the same object that names the same thing. */
  readonly duplicateOf: PropertyModel | undefined;
}

/** An object the catalog describes: the topology, ExchangeUM, the Access Edge section or a hosting provider. */
export interface ObjectModel {
  readonly spec: ObjectSpec;
  readonly node: Node;
  /** The property holding this object, if it is not an array item. */
  readonly owner: PropertyModel | undefined;
  /** Where the object sits, as messages name it: `AccessEdgeConfiguration`, `HostingProviders[2]`; empty for the top level. */
  readonly path: string;
  readonly properties: readonly PropertyModel[];
  /** First occurrence of each catalog property, by canonical name. */
  readonly byName: ReadonlyMap<string, PropertyModel>;
  /** What is worked out from the object once and kept with it (an incremental update rebuilds only the objects it changes). */
  readonly kept: KeptWithObject;
}

export interface KeptWithObject {
  values?: readonly TypedValue[];
  strings?: readonly StringValue[];
  /** A hosting provider's findings, with what they were found under and where the provider then began. */
  findings?: { readonly context: string; readonly offset: number; readonly diagnostics: readonly Diagnostic[] };
}

/** A string in an array of strings (a SIP domain, a provider reference). */
export interface StringItem {
  readonly node: Node;
  readonly value: string;
}

export interface ProviderReference extends StringItem {
  /** The providers whose Identity matches, ignoring case as PowerShell does. */
  readonly targets: readonly ObjectModel[];
}

/** One value the catalog gives a type to: a property's value, or an item of an array. */
export interface TypedValue {
  readonly node: Node;
  readonly spec: ValueSpec;
  readonly property: PropertyModel;
  readonly propertySpec: PropertySpec;
  readonly object: ObjectModel;
  /** Position in its array, for array items. */
  readonly index?: number;
  /** The string, when the value is a JSON string where the catalog expects a string or an enumeration value. */
  readonly text?: string;
}

export type StringValue = TypedValue & { readonly text: string };

export interface TopologyModel {
  readonly text: string;
  readonly rootNode: Node | undefined;
  readonly root: ObjectModel | undefined;
  /** Every object the catalog describes, outermost first. */
  readonly objects: readonly ObjectModel[];
  readonly exchangeUM: ObjectModel | undefined;
  readonly accessEdge: ObjectModel | undefined;
  readonly providers: readonly ObjectModel[];
  /** The canonical Mode, when it is one of the three. */
  readonly mode: ExchangeUmMode | undefined;
  readonly serverVersion: ServerVersion;
  readonly sipDomains: readonly StringItem[];
  readonly providerReferences: readonly ProviderReference[];
  /** Providers by lower-cased Identity. */
  readonly providersByIdentity: ReadonlyMap<string, readonly ObjectModel[]>;
  /** Providers by lower-cased ProxyFqdn. */
  readonly providersByProxyFqdn: ReadonlyMap<string, readonly ObjectModel[]>;
}

export function keySpan(property: PropertyModel): Span {
  return spanOf(property.keyNode);
}

export function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** The span of a property's value, or of its key when the value is missing. */
export function valueSpan(property: PropertyModel): Span {
  return spanOf(property.valueNode ?? property.keyNode);
}

/** Where to report something missing from an object: its key, or its opening brace for an array item. */
export function anchorSpan(object: ObjectModel): Span {
  if (object.owner) return keySpan(object.owner);
  return { start: object.node.offset, end: object.node.offset + 1 };
}

export function booleanValue(property: PropertyModel | undefined): boolean | undefined {
  return property?.valueNode?.type === 'boolean' ? (property.valueNode.value as boolean) : undefined;
}

export function stringValue(property: PropertyModel | undefined): string | undefined {
  return property?.valueNode?.type === 'string' ? (property.valueNode.value as string) : undefined;
}

/** The canonical enum value a string names, ignoring letter case. */
export function enumValue<T extends string>(values: readonly T[], property: PropertyModel | undefined): T | undefined {
  const text = stringValue(property);
  return text === undefined ? undefined : (canonicalValue(values, text) as T | undefined);
}

/** Names a setting in a message: its path, and for a hosting provider its Identity. */
export function settingName(object: ObjectModel, name: string): string {
  const path = object.path ? `${object.path}.${name}` : name;
  if (object.spec.id !== 'hostingProvider') return `\`${path}\``;
  const identity = stringValue(object.byName.get('Identity'));
  return identity === undefined ? `\`${path}\`` : `\`${path}\` (provider ${JSON.stringify(identity)})`;
}

/** Names a hosting provider in a message. */
export function providerName(provider: ObjectModel): string {
  const identity = stringValue(provider.byName.get('Identity'));
  return identity === undefined ? `\`${provider.path}\`` : `${JSON.stringify(identity)} (\`${provider.path}\`)`;
}

export function isObjectWith(object: ObjectModel | undefined, name: string, value: boolean): boolean {
  return booleanValue(object?.byName.get(name)) === value;
}

function buildObject(
  node: Node,
  spec: ObjectSpec,
  owner: PropertyModel | undefined,
  path: string,
  objects: ObjectModel[],
): ObjectModel {
  const properties: PropertyModel[] = [];
  const byName = new Map<string, PropertyModel>();
  const model: ObjectModel = { spec, node, owner, path, properties, byName, kept: {} };
  objects.push(model);
  for (const propertyNode of node.children ?? []) {
    const keyNode = propertyNode.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    const key = keyNode.value as string;
    const propertySpec = findPropertyIgnoringCase(spec, key);
    const duplicateOf = propertySpec
      ? byName.get(propertySpec.name)
      : properties.find((p) => !p.spec && !p.duplicateOf && p.key.toLowerCase() === key.toLowerCase());
    const property: PropertyModel = { node: propertyNode, keyNode, key, valueNode: propertyNode.children?.[1], spec: propertySpec, duplicateOf };
    properties.push(property);
    if (propertySpec && !duplicateOf) byName.set(propertySpec.name, property);
  }
  for (const property of byName.values()) {
    const value = property.spec?.value;
    const valueNode = property.valueNode;
    if (!value || !valueNode) continue;
    const name = property.spec?.name ?? property.key;
    const childPath = path ? `${path}.${name}` : name;
    if (value.kind === 'object' && valueNode.type === 'object') buildObject(valueNode, value.spec, property, childPath, objects);
    if (value.kind === 'array' && value.items.kind === 'object' && valueNode.type === 'array') {
      const items = value.items.spec;
      (valueNode.children ?? []).forEach((item, index) => {
        if (item.type === 'object') buildObject(item, items, undefined, `${childPath}[${index}]`, objects);
      });
    }
  }
  return model;
}

/**
 * An object's typed values: the first occurrence of each known key, and the items of its arrays.
 * Kept with the object, which an incremental update rebuilds only where it changes.
 */
export function typedValuesOf(object: ObjectModel): readonly TypedValue[] {
  if (object.kept.values) return object.kept.values;
  const list: TypedValue[] = [];
  const add = (node: Node, spec: ValueSpec, property: PropertyModel, index?: number) => {
    const isString = node.type === 'string' && (spec.kind === 'string' || spec.kind === 'enum');
    list.push({ node, spec, property, propertySpec: property.spec!, object, index, text: isString ? (node.value as string) : undefined });
  };
  for (const property of object.byName.values()) {
    const propertySpec = property.spec;
    const node = property.valueNode;
    if (!propertySpec || !node) continue;
    add(node, propertySpec.value, property);
    // Items of every array are typed, objects too: a non-object among the hosting providers is a finding, never skipped.
    const items = propertySpec.value.kind === 'array' ? propertySpec.value.items : undefined;
    if (!items || node.type !== 'array') continue;
    const children = node.children ?? [];
    for (let index = 0; index < children.length; index++) add(children[index], items, property, index);
  }
  object.kept.values = list;
  return list;
}

/** The typed values of an object that are strings where strings are expected. */
export function stringValuesOf(object: ObjectModel): readonly StringValue[] {
  object.kept.strings ??= typedValuesOf(object).filter((v): v is StringValue => v.text !== undefined);
  return object.kept.strings;
}

/** Providers by the lower-cased string value of one of their properties. */
function indexProviders(providers: readonly ObjectModel[], name: string): Map<string, ObjectModel[]> {
  const index = new Map<string, ObjectModel[]>();
  for (const provider of providers) {
    const value = stringValue(provider.byName.get(name));
    if (value === undefined) continue;
    const key = value.toLowerCase();
    const list = index.get(key);
    if (list) list.push(provider);
    else index.set(key, [provider]);
  }
  return index;
}

function stringItems(property: PropertyModel | undefined): StringItem[] {
  if (property?.valueNode?.type !== 'array') return [];
  return (property.valueNode.children ?? [])
    .filter((n) => n.type === 'string')
    .map((node) => ({ node, value: node.value as string }));
}

export function buildModel(
  text: string,
  rootNode: Node | undefined,
  defaultServerVersion: ServerVersion = DEFAULT_SERVER_VERSION,
): TopologyModel {
  const objects: ObjectModel[] = [];
  if (rootNode?.type === 'object') buildObject(rootNode, TOPOLOGY, undefined, '', objects);
  return deriveModel(text, rootNode, objects, defaultServerVersion);
}

/** A hosting provider's model built anew from its node, at the same place in the file. */
export function rebuildProvider(provider: ObjectModel, node: Node): ObjectModel {
  return buildObject(node, provider.spec, undefined, provider.path, []);
}

/** The model of a text from its catalog objects, outermost first: what the rules read is worked out from them. */
export function deriveModel(text: string, rootNode: Node | undefined, objects: ObjectModel[], defaultServerVersion: ServerVersion): TopologyModel {
  const root = objects.find((o) => o.spec.id === 'topology');
  const find = (id: ObjectSpec['id']) => objects.find((o) => o.spec.id === id);
  const exchangeUM = find('exchangeUM');
  const providers = objects.filter((o) => o.spec.id === 'hostingProvider');
  const providersByIdentity = indexProviders(providers, 'Identity');
  const providerReferences = stringItems(exchangeUM?.byName.get('HostingProviders')).map((item) => ({
    ...item,
    targets: providersByIdentity.get(item.value.toLowerCase()) ?? [],
  }));
  return {
    text,
    rootNode,
    root,
    objects,
    exchangeUM,
    accessEdge: find('accessEdge'),
    providers,
    mode: enumValue(EXCHANGE_UM_MODES, exchangeUM?.byName.get('Mode')),
    serverVersion: enumValue(SERVER_VERSIONS, root?.byName.get('ServerVersion')) ?? defaultServerVersion,
    sipDomains: stringItems(root?.byName.get('SipDomains')),
    providerReferences,
    providersByIdentity,
    providersByProxyFqdn: indexProviders(providers, 'ProxyFqdn'),
  };
}
