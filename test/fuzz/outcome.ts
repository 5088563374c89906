import { generate, type Analysis } from '../../server/src/core';
import type { ObjectModel } from '../../server/src/core/model';
import { treeShape } from './treeShape';

/**
 * Everything an analysis gives the features: findings with their fixes, the script, the syntax problems, the tree,
 * and the model's indexes, each object named by its path and marked when it is not one of the model's objects.
 */
export function outcome(analysis: Analysis): unknown {
  const { model } = analysis;
  const current = new Set(model.objects);
  const named = (object: ObjectModel) => (current.has(object) ? object.path : `stale ${object.path}`);
  const index = <T>(map: ReadonlyMap<string, ReadonlyMap<string, readonly T[]>>, name: (item: T) => string) =>
    // An empty list is as good as none: an incremental update leaves emptied ones in place.
    [...map]
      .map(([outer, inner]) => [outer, [...inner].filter(([, items]) => items.length > 0).map(([key, items]) => [key, items.map(name)]).sort()] as const)
      .filter(([, inner]) => inner.length > 0)
      .sort();
  return {
    entries: model.entries.map(named),
    providers: model.providers.map(named),
    sections: [...model.sections].map(([key, objects]) => [key, objects.map(named)]),
    exchangeUM: model.exchangeUM && named(model.exchangeUM),
    accessEdge: model.accessEdge && named(model.accessEdge),
    entriesByName: index(model.entriesByName, named),
    uniqueValues: index(model.uniqueValues, (value) => `${named(value.entry)} ${value.value} ${value.property.valueNode?.offset}`),
    repeatedValues: [...model.repeatedValues].map((values) => values.map((value) => `${named(value.entry)} ${value.value}`).join(', ')).sort(),
    mode: model.mode,
    serverVersion: model.serverVersion,
    diagnostics: analysis.diagnostics,
    blocking: analysis.blocking,
    script: generate(analysis).script,
    problems: analysis.parsed.problems,
    tree: treeShape(analysis.parsed.root),
    references: model.references.map((r) => [r.node.offset, r.value, named(r.object), r.targets.map(named)]),
    providerReferences: model.providerReferences.map((r) => r.node.offset),
  };
}

