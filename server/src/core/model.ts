import type { Node } from 'jsonc-parser';
import {
  DEFAULT_SERVER_VERSION,
  EXCHANGE_UM_MODES,
  SERVER_VERSIONS,
  TOPOLOGY,
  SECTIONS,
  OBJECT_SPECS,
  canonicalValue,
  findPropertyIgnoringCase,
  type ExchangeUmMode,
  type ObjectSpec,
  type PropertySpec,
  type SectionSpec,
  type ServerVersion,
  type UniqueKey,
  type ValueSpec,
} from './catalog';
import type { Diagnostic } from './diagnostics';
import type { Span } from './text';
import { firstIndex } from './tree';

/**
 * One `"key": value` of an object the catalog describes. The key and value are read from the property's node
 * when asked for rather than held: a large file has one of these for each of its values.
 */
export class PropertyModel {
  constructor(
    readonly node: Node,
    /** The catalog entry the key names, matched ignoring letter case; undefined for unknown keys. */
    readonly spec: PropertySpec | undefined,
    /** An earlier key of the same object that names the same thing. */
    readonly duplicateOf: PropertyModel | undefined,
  ) {}

  /** The key's string node. */
  get keyNode(): Node {
    return this.node.children![0];
  }

  /** The key as written. */
  get key(): string {
    return this.node.children![0].value as string;
  }

  get valueNode(): Node | undefined {
    return this.node.children![1];
  }
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
  readonly byName: PropertiesByName;
  /**
   * An entry's findings, kept with it by the analysis that found them (an incremental update rebuilds only the
   * objects it changes).
   */
  kept: KeptFindings | undefined;
}

/**
 * The first occurrence of each catalog property of an object, looked up by canonical name, in file order. An
 * object has a few properties, so they are looked through rather than hashed: a map for each of 20,000 entries
 * would cost more memory than the entries' values.
 */
export class PropertiesByName {
  constructor(private readonly known: readonly PropertyModel[]) {}

  get(name: string): PropertyModel | undefined {
    for (const property of this.known) if (property.spec!.name === name) return property;
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** The properties, in the order the file gives them. */
  values(): readonly PropertyModel[] {
    return this.known;
  }
}

/**
 * An entry's findings, with what they were found under (what the whole file shares, and whether the entry hosts
 * Exchange UM) and where the entry then began.
 */
export interface KeptFindings {
  readonly context: string;
  readonly hosted: boolean;
  readonly offset: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** A string in an array of strings (a SIP domain, a provider reference). */
export interface StringItem {
  readonly node: Node;
  readonly value: string;
}

/** A string that names entries of a section: an item of `ExchangeUM.HostingProviders`, a user's granted policy. */
export interface NameReference extends StringItem {
  /** The key of the section whose entries it names. */
  readonly section: string;
  /** The object and property that hold it. */
  readonly object: ObjectModel;
  readonly property: PropertyModel;
  /** The entries whose name matches, ignoring case as PowerShell does. */
  readonly targets: readonly ObjectModel[];
}

/** An entry's value of a unique key, as it is written. */
export interface UniqueValue {
  readonly entry: ObjectModel;
  readonly key: UniqueKey;
  readonly property: PropertyModel;
  readonly value: string;
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
  /** The objects of each section, by its key: the entries of a list, or the one object. */
  readonly sections: ReadonlyMap<string, readonly ObjectModel[]>;
  /** Every entry of every list section, in file order. */
  readonly entries: readonly ObjectModel[];
  readonly providers: readonly ObjectModel[];
  /** The canonical Mode, when it is one of the three. */
  readonly mode: ExchangeUmMode | undefined;
  readonly serverVersion: ServerVersion;
  readonly sipDomains: readonly StringItem[];
  /** Every string that names entries of a section. */
  readonly references: readonly NameReference[];
  /** The items of `ExchangeUM.HostingProviders`. */
  readonly providerReferences: readonly NameReference[];
  /**
   * Entries of each list section that settings refer to by name (REFERABLE_SECTIONS: hosting providers, hosted voice
   * mail policies), by their name compared as `nameKey` does. The others (20,000 users) are not indexed by name.
   */
  readonly entriesByName: ReadonlyMap<string, ReadonlyMap<string, readonly ObjectModel[]>>;
  /** The values of unique keys, by scope, then by the compared value, in file order. */
  readonly uniqueValues: ReadonlyMap<string, ReadonlyMap<string, readonly UniqueValue[]>>;
  /**
   * The lists of `uniqueValues` that hold more than one value, kept as the lists themselves: a file of 20,000 users
   * has as many lists, and the checks for repeated values look only at these.
   */
  readonly repeatedValues: ReadonlySet<readonly UniqueValue[]>;
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

/** The property that names an entry of a list section: the first of its section's naming keys it gives. */
export function nameProperty(entry: ObjectModel): PropertyModel | undefined {
  for (const key of entry.spec.section?.names ?? []) {
    const property = entry.byName.get(key);
    if (property) return property;
  }
  return undefined;
}

/** The name of an entry of a list section, as written; undefined when it has none that is a string. */
export function entryName(entry: ObjectModel): string | undefined {
  return stringValue(nameProperty(entry));
}

/**
 * How names of a section's entries are compared: without regard to case, and without the optional scope prefix
 * (`tag:ExRedmond` is `ExRedmond`), except where the prefix makes the name another object's than the one that
 * always exists (`tag:global` names a per-user policy, not the `global` one).
 */
export function nameKey(section: SectionSpec, name: string): string {
  const lower = name.toLowerCase();
  const prefix = section.optionalPrefix;
  if (!prefix || !lower.startsWith(prefix)) return lower;
  const bare = lower.slice(prefix.length);
  return section.modifyExisting?.names.includes(bare) ? lower : bare;
}

/** Names a setting in a message: its path, and for an entry of a list its name. */
export function settingName(object: ObjectModel, name: string): string {
  const path = object.path ? `${object.path}.${name}` : name;
  const identity = object.spec.section?.list ? entryName(object) : undefined;
  return identity === undefined ? `\`${path}\`` : `\`${path}\` (${object.spec.title} ${JSON.stringify(identity)})`;
}

/** Names an entry of a list section in a message. */
export function entryLabel(entry: ObjectModel): string {
  const name = entryName(entry);
  return name === undefined ? `\`${entry.path}\`` : `${JSON.stringify(name)} (\`${entry.path}\`)`;
}

export function isObjectWith(object: ObjectModel | undefined, name: string, value: boolean): boolean {
  return booleanValue(object?.byName.get(name)) === value;
}

/** An object of the catalog as built from its node. Its path is put together when asked for, as messages need it. */
class CatalogObject implements ObjectModel {
  kept: KeptFindings | undefined = undefined;

  constructor(
    readonly spec: ObjectSpec,
    readonly node: Node,
    readonly owner: PropertyModel | undefined,
    /** The object's path; for an array item, the path of its array. */
    readonly place: string,
    /** An array item's position in its array; -1 for any other object. Entries after others put in or taken out move. */
    public index: number,
    readonly properties: readonly PropertyModel[],
    readonly byName: PropertiesByName,
  ) {}

  get path(): string {
    return this.index < 0 ? this.place : `${this.place}[${this.index}]`;
  }
}

function buildObject(node: Node, spec: ObjectSpec, owner: PropertyModel | undefined, place: string, index: number, objects: ObjectModel[]): CatalogObject {
  const children = node.children ?? [];
  // Arrays of their exact size: a list grown by push keeps room for more, and the model of a large file is
  // mostly small entries.
  const properties: PropertyModel[] = new Array<PropertyModel>(children.length);
  let count = 0;
  let knownCount = 0;
  for (const propertyNode of children) {
    const keyNode = propertyNode.children?.[0];
    if (!keyNode || keyNode.type !== 'string') continue;
    const key = keyNode.value as string;
    const propertySpec = findPropertyIgnoringCase(spec, key);
    let duplicateOf: PropertyModel | undefined;
    for (let i = 0; i < count && !duplicateOf; i++) {
      const earlier = properties[i];
      if (earlier.duplicateOf || earlier.spec !== propertySpec) continue;
      if (propertySpec || earlier.key.toLowerCase() === key.toLowerCase()) duplicateOf = earlier;
    }
    properties[count++] = new PropertyModel(propertyNode, propertySpec, duplicateOf);
    if (propertySpec && !duplicateOf) knownCount++;
  }
  properties.length = count;
  const known = knownCount === count ? properties : properties.filter((p) => p.spec && !p.duplicateOf);
  const model = new CatalogObject(spec, node, owner, place, index, properties, new PropertiesByName(known));
  objects.push(model);
  for (const property of known) {
    const value = property.spec!.value;
    const valueNode = property.valueNode;
    const holdsObject = value.kind === 'object' && valueNode?.type === 'object';
    const holdsItems = value.kind === 'array' && value.items.kind === 'object' && valueNode?.type === 'array';
    if (!holdsObject && !holdsItems) continue;
    const name = property.spec!.name;
    const childPath = model.path ? `${model.path}.${name}` : name;
    if (value.kind === 'object') buildObject(valueNode!, value.spec, property, childPath, -1, objects);
    if (value.kind === 'array' && value.items.kind === 'object') {
      const items = value.items.spec;
      const entries = valueNode!.children ?? [];
      for (let i = 0; i < entries.length; i++) {
        if (entries[i].type === 'object') buildObject(entries[i], items, undefined, childPath, i, objects);
      }
    }
  }
  return model;
}

/**
 * An object's typed values: the first occurrence of each known key, and the items of its arrays. Worked out
 * when the object is checked and not kept: a large file would hold one for every value it has.
 */
export function typedValuesOf(object: ObjectModel): TypedValue[] {
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
    // Items of every array are typed: a non-object among the hosting providers is a finding, never skipped. An
    // object there is of the type expected and is checked as an object of its own; it is left out, or a keystroke
    // in any user would type the 20,000 users of the list again.
    const items = propertySpec.value.kind === 'array' ? propertySpec.value.items : undefined;
    if (!items || node.type !== 'array') continue;
    const children = node.children ?? [];
    for (let index = 0; index < children.length; index++) {
      if (items.kind !== 'object' || children[index].type !== 'object') add(children[index], items, property, index);
    }
  }
  return list;
}

/** The typed values that are strings where strings are expected. */
export function stringValuesOf(values: readonly TypedValue[]): StringValue[] {
  return values.filter((v): v is StringValue => v.text !== undefined);
}

function push<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
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
  if (rootNode?.type === 'object') buildObject(rootNode, TOPOLOGY, undefined, '', -1, objects);
  return deriveModel(text, rootNode, objects, defaultServerVersion);
}

/** An object's model built anew from its node, whose text changed; it holds no objects the catalog describes. */
export function rebuildObject(object: ObjectModel): ObjectModel {
  const { place, index } = object as CatalogObject;
  return buildObject(object.node, object.spec, object.owner, place, index, []);
}

/**
 * The model of an entry of a list section whose items hold no objects the catalog describes: `place` is the
 * path of its array (`Users`), `index` its position there.
 */
export function buildEntry(node: Node, spec: ObjectSpec, place: string, index: number): ObjectModel {
  return buildObject(node, spec, undefined, place, index, []);
}

/**
 * What an object contributes to the model's indexes. Worked out again when asked for rather than kept: an
 * incremental update asks for it of the one object it rebuilds, while a large file would keep one for each entry.
 */
interface ObjectFacts {
  /** For an entry of a list section: its name as compared. */
  readonly nameKey: string | undefined;
  /** Its values of unique keys, with their scope and the value as compared. */
  readonly unique: readonly UniqueFact[];
  /** The strings it holds that name entries of a section, and their compared form. */
  readonly references: readonly ReferenceFact[];
}

/** A value of a unique key, with its scope and the value as compared (one record, not one wrapping another). */
interface UniqueFact extends UniqueValue {
  readonly scope: string;
  readonly compared: string;
}

/**
 * A string that names entries of a section, with its compared form. It is the model's reference itself, its
 * targets looked up again by each model it is part of (a model is used up by the next, see replaceObject).
 */
interface ReferenceFact extends NameReference {
  targets: readonly ObjectModel[];
  readonly compared: string;
}

const SECTION_SPECS: ReadonlyMap<string, SectionSpec> = new Map(SECTIONS.map((spec) => [spec.section.key, spec.section]));

/** The keys of the sections whose entries some setting of the catalog refers to by name. */
export const REFERABLE_SECTIONS: ReadonlySet<string> = new Set(OBJECT_SPECS.flatMap((spec) => spec.properties.flatMap((p) => (p.references === undefined ? [] : [p.references]))));

/** What most objects have of a kind of fact: none, shared rather than one empty array each. */
const NONE: readonly never[] = [];

/** `list` with `item` at its end; a list of one is made to its size, where a list grown by push would keep room for more. */
function added<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  list.push(item);
  return list;
}

function factsOf(object: ObjectModel): ObjectFacts {
  const section = object.spec.section;
  const name = section?.list ? entryName(object) : undefined;
  const named = name === undefined ? undefined : nameKey(section!, name);
  let unique: UniqueFact[] | undefined;
  for (const key of section?.list ? (section.unique ?? NONE) : NONE) {
    const keyName = key.keys.find((k) => object.byName.has(k));
    const property = keyName === undefined ? undefined : object.byName.get(keyName);
    const value = stringValue(property);
    if (value === undefined) continue;
    // A name compares as names do (without `tag:`), so "tag:ExRedmond" and "ExRedmond" are one policy.
    const compared =
      key.compare === 'exact' ? value : !section!.names?.includes(keyName!) ? value.toLowerCase() : value === name ? named! : nameKey(section!, value);
    unique = added(unique, { entry: object, key, property: property!, value, scope: key.scope, compared });
  }
  let references: ReferenceFact[] | undefined;
  for (const property of object.byName.values()) {
    const target = property.spec!.references === undefined ? undefined : SECTION_SPECS.get(property.spec!.references);
    if (!target) continue;
    const node = property.valueNode;
    const items = node?.type === 'array' ? (node.children ?? NONE) : node ? [node] : NONE;
    for (const item of items) {
      if (item.type !== 'string') continue;
      const value = item.value as string;
      references = added(references, { node: item, value, section: target.key, object, property, targets: NONE, compared: nameKey(target, value) });
    }
  }
  return { nameKey: named, unique: unique ?? NONE, references: references ?? NONE };
}

/** A reference, with the entries it names looked up in `entriesByName`. */
function resolved(reference: ReferenceFact, entriesByName: TopologyModel['entriesByName']): NameReference {
  reference.targets = entriesByName.get(reference.section)?.get(reference.compared) ?? NONE;
  return reference;
}

function nested<V>(index: Map<string, Map<string, V[]>>, outer: string): Map<string, V[]> {
  let inner = index.get(outer);
  if (!inner) index.set(outer, (inner = new Map()));
  return inner;
}

export function deriveModel(text: string, rootNode: Node | undefined, objects: ObjectModel[], defaultServerVersion: ServerVersion): TopologyModel {
  const root = objects.find((o) => o.spec.id === 'topology');
  const exchangeUM = objects.find((o) => o.spec.id === 'exchangeUM');
  const sections = new Map<string, ObjectModel[]>();
  const entries: ObjectModel[] = [];
  const entriesByName = new Map<string, Map<string, ObjectModel[]>>();
  const uniqueValues = new Map<string, Map<string, UniqueValue[]>>();
  const references: ReferenceFact[] = [];
  // Objects are in file order (each parent before what it holds), so every list below is too.
  for (const object of objects) {
    const section = object.spec.section;
    const facts = factsOf(object);
    for (const reference of facts.references) references.push(reference);
    if (!section) continue;
    push(sections, section.key, object);
    if (!section.list) continue;
    entries.push(object);
    if (facts.nameKey !== undefined && REFERABLE_SECTIONS.has(section.key)) push(nested(entriesByName, section.key), facts.nameKey, object);
    for (const unique of facts.unique) push(nested(uniqueValues, unique.scope), unique.compared, unique);
  }
  // Looked up once every entry is indexed: a reference may name an entry further down.
  for (const reference of references) resolved(reference, entriesByName);
  const repeatedValues = new Set<UniqueValue[]>();
  for (const scope of uniqueValues.values()) for (const values of scope.values()) if (values.length > 1) repeatedValues.add(values);
  return {
    text,
    rootNode,
    root,
    objects,
    exchangeUM,
    accessEdge: sections.get('AccessEdgeConfiguration')?.[0],
    sections,
    entries,
    providers: sections.get('HostingProviders') ?? [],
    mode: enumValue(EXCHANGE_UM_MODES, exchangeUM?.byName.get('Mode')),
    serverVersion: serverVersionOf(root, defaultServerVersion),
    sipDomains: stringItems(root?.byName.get('SipDomains')),
    references,
    providerReferences: references.filter((r) => r.object === exchangeUM),
    entriesByName,
    uniqueValues,
    repeatedValues,
  };
}

/** The version the file states in `ServerVersion`, else the default of the settings it is analyzed under. */
function serverVersionOf(root: ObjectModel | undefined, defaultServerVersion: ServerVersion): ServerVersion {
  return enumValue(SERVER_VERSIONS, root?.byName.get('ServerVersion')) ?? defaultServerVersion;
}

/**
 * The model after a change that left every object as it was (white space or comments between values, which moved
 * the nodes after it, or a value of the top level that holds no objects, such as `ServerVersion` or `SipDomains`):
 * `previous` with the new text, the version and the SIP domains read again, and the version it falls back on taken
 * from the settings the update runs under, which may not be those `previous` was built under.
 */
export function withText(previous: TopologyModel, text: string, defaultServerVersion: ServerVersion): TopologyModel {
  const root = previous.root;
  return { ...previous, text, serverVersion: serverVersionOf(root, defaultServerVersion), sipDomains: stringItems(root?.byName.get('SipDomains')) };
}

/** Takes `old` out of a list kept in file order, and puts `added` (if any) in at its place by offset. */
function replaceInOrder<T>(list: T[], isOld: (item: T) => boolean, added: T | undefined, offsetOf: (item: T) => number): void {
  const at = list.findIndex(isOld);
  if (at >= 0) list.splice(at, 1);
  if (added === undefined) return;
  let index = list.length;
  while (index > 0 && offsetOf(list[index - 1]) > offsetOf(added)) index--;
  list.splice(index, 0, added);
}

function replaceKeyed<T>(index: Map<string, T[]>, oldKey: string | undefined, newKey: string | undefined, isOld: (item: T) => boolean, added: T | undefined, offsetOf: (item: T) => number): void {
  if (oldKey !== undefined) {
    const list = index.get(oldKey);
    if (list) replaceInOrder(list, isOld, undefined, offsetOf);
  }
  if (newKey !== undefined && added !== undefined) {
    let list = index.get(newKey);
    if (!list) index.set(newKey, (list = []));
    replaceInOrder(list, () => false, added, offsetOf);
  }
}

/**
 * The references after `olds` were replaced by `news` (at `from` and after): their own references are replaced at
 * their place in file order; the others keep theirs, since the lists of entries they point at are kept current in
 * place, except when the names of a list section's entries changed: a name that now has entries may have had
 * none, so the references into that section are resolved again.
 */
function replaceReferences(previous: TopologyModel, olds: readonly ObjectModel[], news: readonly ObjectModel[], from: number, renamed: string | undefined): NameReference[] {
  const replaced = new Set(olds);
  const resolve = (reference: ReferenceFact): NameReference => resolved(reference, previous.entriesByName);
  const added = news.flatMap((object) => factsOf(object).references);
  const references: NameReference[] = [];
  let placed = added.length === 0;
  const place = () => {
    for (const reference of added) references.push(resolve(reference));
    placed = true;
  };
  for (const reference of previous.references) {
    if (replaced.has(reference.object)) continue;
    if (!placed && reference.object.node.offset >= from) place();
    // Every reference of a model is the fact it was made from (see deriveModel), which holds its compared form.
    references.push(renamed !== undefined && reference.section === renamed ? resolve(reference as ReferenceFact) : reference);
  }
  if (!placed) place();
  return references;
}

/** Takes `removed` objects out of `list` (in file order) from the first that starts at or after `from`, and puts `added` there. */
function spliceFrom(list: ObjectModel[], from: number, removed: number, added: readonly ObjectModel[]): number {
  const at = firstIndex(list.length, (i) => list[i].node.offset >= from);
  list.splice(at, removed, ...added);
  return at;
}

/**
 * Gives the entries of `list` from `at` on their positions in their array again, after entries before them were
 * put in or taken out. An entry's kept findings name its position (`Users[3]`), so those of an entry that moved
 * are dropped, for the analysis to find again. All move by as much, so the first that stays says the rest do.
 */
function renumber(list: readonly ObjectModel[], at: number): void {
  const children = list[at]?.node.parent?.children;
  if (!children) return;
  let child = firstIndex(children.length, (i) => children[i].offset >= list[at].node.offset);
  for (let i = at; i < list.length; i++, child++) {
    while (children[child] !== list[i].node) child++;
    const entry = list[i] as CatalogObject;
    if (entry.index === child) return;
    entry.index = child;
    if (entry.kept && entry.kept.diagnostics.length > 0) entry.kept = undefined;
  }
}

/**
 * The model after objects of the kind `spec` describes were parsed again: `olds`, which follow one another in file
 * order from `from` on, replaced by `news`, either one object rebuilt (an entry of a list, or a section that is one
 * object) or a run of entries of one list section, put in, taken out or changed (either list may then be empty, and
 * the entries after the run may have moved in their array all the same, when values that are no objects came or
 * went). The objects' nodes are where the new text has them. The indexes of `previous`, which is used up, are
 * updated for those objects instead of built anew. The lists keep the objects themselves, so what refers to them (a
 * reference's targets) stays current; the references are resolved again, since a renamed entry may now be the one
 * a name points to.
 */
export function replaceObjects(
  previous: TopologyModel,
  text: string,
  spec: ObjectSpec,
  olds: readonly ObjectModel[],
  news: readonly ObjectModel[],
  from: number,
  defaultServerVersion: ServerVersion,
): TopologyModel {
  const section = spec.section;
  spliceFrom(previous.objects as ObjectModel[], from, olds.length, news);
  let sections = previous.sections;
  if (section) {
    const kept = sections.get(section.key) as ObjectModel[] | undefined;
    const sectionList = kept ?? [];
    renumber(sectionList, spliceFrom(sectionList, from, olds.length, news) + news.length);
    // A section whose first entry came in, or whose last went, takes its place among the others or leaves it.
    if (!kept || sectionList.length === 0) sections = inFileOrder(sections, section.key, sectionList);
  }
  let renamed: string | undefined;
  if (section?.list) {
    spliceFrom(previous.entries as ObjectModel[], from, olds.length, news);
    const before = olds.map(factsOf);
    const after = news.map(factsOf);
    const names = REFERABLE_SECTIONS.has(section.key) ? nested(previous.entriesByName as Map<string, Map<string, ObjectModel[]>>, section.key) : undefined;
    if (names && (before.length !== after.length || before.some((facts, i) => facts.nameKey !== after[i].nameKey))) renamed = section.key;
    const byOffset = (object: ObjectModel) => object.node.offset;
    const unique = previous.uniqueValues as Map<string, Map<string, UniqueValue[]>>;
    const valueOffset = (value: UniqueValue) => value.entry.node.offset;
    const repeated = previous.repeatedValues as Set<readonly UniqueValue[]>;
    const recount = (value: UniqueFact) => {
      const values = unique.get(value.scope)!.get(value.compared)!;
      if (values.length > 1) repeated.add(values);
      else repeated.delete(values);
    };
    olds.forEach((old, i) => {
      if (names) replaceKeyed(names, before[i].nameKey, undefined, (o) => o === old, undefined, byOffset);
      for (const value of before[i].unique) replaceKeyed(nested(unique, value.scope), value.compared, undefined, (v) => v.entry === old, undefined, valueOffset);
    });
    news.forEach((entry, i) => {
      if (names && after[i].nameKey !== undefined) replaceKeyed(names, undefined, after[i].nameKey, () => false, entry, byOffset);
      for (const value of after[i].unique) replaceKeyed(nested(unique, value.scope), undefined, value.compared, () => false, value, valueOffset);
    });
    for (const facts of [...before, ...after]) for (const value of facts.unique) recount(value);
  }
  const references = replaceReferences(previous, olds, news, from, renamed);
  const swapped = (object: ObjectModel | undefined) => (object !== undefined && object === olds[0] ? news[0] : object);
  const exchangeUM = swapped(previous.exchangeUM);
  return {
    ...withText(previous, text, defaultServerVersion),
    exchangeUM,
    accessEdge: swapped(previous.accessEdge),
    mode: enumValue(EXCHANGE_UM_MODES, exchangeUM?.byName.get('Mode')),
    sections,
    providers: sections.get('HostingProviders') ?? [],
    references,
    providerReferences: references.filter((r) => r.object === exchangeUM),
  };
}

/** The sections with `key`'s list set to `list` (or taken out when empty), in the order their first objects come in the file. */
function inFileOrder(sections: ReadonlyMap<string, readonly ObjectModel[]>, key: string, list: readonly ObjectModel[]): Map<string, readonly ObjectModel[]> {
  const all = [...sections].filter(([k]) => k !== key);
  if (list.length > 0) all.push([key, list]);
  return new Map(all.sort(([, a], [, b]) => a[0].node.offset - b[0].node.offset));
}

/**
 * The index in `objects` (a model's objects: in file order, each parent before what it holds) of the first that
 * starts at or after `offset`, found by a binary search; `objects.length` when none does.
 */
export function firstObjectFrom(objects: readonly ObjectModel[], offset: number): number {
  return firstIndex(objects.length, (i) => objects[i].node.offset >= offset);
}
