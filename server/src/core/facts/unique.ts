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
    // In file order of the first value (and by scope, for a value unique in two), however the model came to them.
    const lists = [...model.repeatedValues].sort((a, b) => valueOffset(a[0]) - valueOffset(b[0]) || a[0].key.scope.localeCompare(b[0].key.scope));
    for (const values of lists) {
      const list = isNaming(values[0]) ? repeats.naming : repeats.other;
      for (let i = 1; i < values.length; i++) list.push({ repeat: values[i], first: values[0] });
    }
    return repeats;
  });
  return naming ? found.naming : found.other;
}

interface Repeat {
  readonly repeat: UniqueValue;
  readonly first: UniqueValue;
}

const valueOffset = (value: UniqueValue) => value.property.node.offset;

function isNaming(value: UniqueValue): boolean {
  return value.entry.spec.section?.names?.includes(value.property.spec!.name) ?? false;
}
