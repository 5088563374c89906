import type { Node } from 'jsonc-parser';
import { OBJECT_SPECS, SECTIONS_BY_KEY } from './catalog';
import { locate } from './location';
import { nameKey, nameProperty, type ObjectModel, type TopologyModel } from './model';

/** The name of a section's entry, with where it is defined and every place that names it. */
export interface NameLinks {
  /** The key of the section the name belongs to. */
  readonly section: string;
  /** The name under the cursor, as written there. */
  readonly name: string;
  /** The entries with this name (more than one is LT501). */
  readonly entries: readonly ObjectModel[];
  /** Their naming values. */
  readonly definitions: readonly Node[];
  /** The strings that refer to it: items of `ExchangeUM.HostingProviders`, granted policies. */
  readonly references: readonly Node[];
  /** The string under the cursor. */
  readonly node: Node;
}

/** Sections whose names some setting of the catalog refers to. */
const REFERABLE = new Set(OBJECT_SPECS.flatMap((spec) => spec.properties.map((p) => p.references)));

/**
 * The name under the cursor: the naming value of an entry that other settings refer to (a provider's
 * Identity, a policy's Identity), or a reference to one. Undefined elsewhere.
 */
export function nameLinksAt(model: TopologyModel, offset: number): NameLinks | undefined {
  const location = locate(model, offset);
  if (location.kind !== 'value' || location.node?.type !== 'string') return undefined;
  const spec = location.property.spec;
  const referenced = spec?.references;
  const isReference = referenced !== undefined && (location.item || spec!.value.kind === 'string');
  const owner = location.object.spec.section;
  const isName = owner?.list === true && REFERABLE.has(owner.key) && nameProperty(location.object) === location.property;
  const section = isReference ? referenced : isName ? owner!.key : undefined;
  const target = section && SECTIONS_BY_KEY.get(section);
  if (!section || !target) return undefined;
  const name = location.node.value as string;
  const key = nameKey(target.section, name);
  const entries = model.entriesByName.get(section)?.get(key) ?? [];
  return {
    section,
    name,
    entries,
    definitions: entries.map((entry) => nameProperty(entry)!.valueNode!),
    references: model.references.filter((r) => r.section === section && nameKey(target.section, r.value) === key).map((r) => r.node),
    node: location.node,
  };
}
