import type { TopologyModel, UniqueValue } from '../model';

/**
 * Each value of a unique key that repeats one given earlier in its scope, with that first one: `naming`
 * picks the keys that name their entry (true) or the other unique keys (false).
 */
export function repeatedValues(model: TopologyModel, naming: boolean): readonly Repeat[] {
  let found = repeatsOf.get(model);
  if (!found) {
    // Both kinds are found in one pass, for the two rules that ask: a large file holds tens of thousands of values.
    found = { naming: [], other: [] };
    for (const scope of model.uniqueValues.values()) {
      for (const values of scope.values()) {
        if (values.length < 2) continue;
        const list = isNaming(values[0]) ? found.naming : found.other;
        for (let i = 1; i < values.length; i++) list.push({ repeat: values[i], first: values[0] });
      }
    }
    repeatsOf.set(model, found);
  }
  return naming ? found.naming : found.other;
}

interface Repeat {
  readonly repeat: UniqueValue;
  readonly first: UniqueValue;
}

/** The repeats of each model, as found for the first rule that asked (a model is never changed once checked). */
const repeatsOf = new WeakMap<TopologyModel, { naming: Repeat[]; other: Repeat[] }>();

function isNaming(value: UniqueValue): boolean {
  return value.entry.spec.section?.names?.includes(value.property.spec!.name) ?? false;
}
