import type { TopologyModel } from '../model';

/** What several rules read of one model, worked out for the first of them (a model is never changed once checked). */
const worked = new WeakMap<TopologyModel, Map<string, unknown>>();

/** `work`'s result for `model`, worked out the first time `name` is asked of it. */
export function once<T>(model: TopologyModel, name: string, work: () => T): T {
  let facts = worked.get(model);
  if (!facts) worked.set(model, (facts = new Map()));
  if (!facts.has(name)) facts.set(name, work());
  return facts.get(name) as T;
}
