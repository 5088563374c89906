import type { TopologyModel, UniqueValue } from '../model';

/**
 * Each value of a unique key that repeats one given earlier in its scope, with that first one: `naming`
 * picks the keys that name their entry (true) or the other unique keys (false).
 */
export function repeatedValues(model: TopologyModel, naming: boolean): { repeat: UniqueValue; first: UniqueValue }[] {
  const found: { repeat: UniqueValue; first: UniqueValue }[] = [];
  for (const scope of model.uniqueValues.values()) {
    for (const values of scope.values()) {
      if (values.length < 2 || isNaming(values[0]) !== naming) continue;
      for (const repeat of values.slice(1)) found.push({ repeat, first: values[0] });
    }
  }
  return found;
}

function isNaming(value: UniqueValue): boolean {
  return value.entry.spec.section?.names?.includes(value.property.spec!.name) ?? false;
}
