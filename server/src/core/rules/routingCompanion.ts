import { booleanValue, keySpan } from '../model';
import { fix, type Rule } from './rule';

export const routingCompanion: Rule = {
  code: 'LT303',
  name: 'routing-needs-companion',
  severity: 'error',
  check({ model, edits, report }) {
    const edge = model.accessEdge;
    if (!edge) return;
    for (const property of edge.byName.values()) {
      const companion = property.spec?.companion;
      if (!companion || booleanValue(property) !== true || edge.byName.has(companion.name)) continue;
      report(
        keySpan(property),
        `\`${property.spec!.name}\` needs \`${companion.name}\` beside it in \`AccessEdgeConfiguration\`: add it.`,
        [fix(`Add '${companion.name}'`, [edits.insertProperty(edge.node, companion.name, companion.proposed)])],
      );
    }
  },
};
