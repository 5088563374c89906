import type { TopologyModel, UniqueValue } from '../model';
import { once } from './perModel';

/**
 * Each value of a unique key that repeats one given earlier in its scope, with that first one: `naming`
 * picks the keys that name their entry (true) or the other unique keys (false).
 */
export function repeatedValues(model: TopologyModel, naming: boolean): readonly Repeat[] {
  const found = once(model, 'repeatedValues', () => {
    // Both kinds are found in one pass, for the two rules that ask: a large file holds tens of thousands of values.
    const repeats = { naming: [] as Repeat[], other: [] as Repeat[] };
    for (const scope of model.uniqueValues.values()) {
      for (const values of scope.values()) {
        if (values.length < 2) continue;
        const list = isNaming(values[0]) ? repeats.naming : repeats.other;
        for (let i = 1; i < values.length; i++) list.push({ repeat: values[i], first: values[0] });
      }
    }
    return repeats;
  });
  return naming ? found.naming : found.other;
}

interface Repeat {
  readonly repeat: UniqueValue;
  readonly first: UniqueValue;
}

function isNaming(value: UniqueValue): boolean {
  return value.entry.spec.section?.names?.includes(value.property.spec!.name) ?? false;
}
