import { booleanValue, keySpan } from '../model';
import { fix, type Rule } from './rule';

export const routingCompanion: Rule = {
  code: 'LT303',
  name: 'routing-needs-companion',
  severity: 'warning',
  check({ model, edits, report }) {
    const edge = model.accessEdge;
    if (!edge) return;
    for (const property of edge.byName.values()) {
      const companion = property.spec?.companion;
      if (!companion || booleanValue(property) !== true || edge.byName.has(companion.name)) continue;
      report(
        keySpan(property),
        `\`${property.spec!.name}\` is given without \`${companion.name}\`, which the Set-CsAccessEdgeConfiguration reference pairs with it. Left out, it stays as it is on the Edge Server, which must then already have the value you want: add it to say which.`,
        [fix(`Add '${companion.name}'`, [edits.insertProperty(edge.node, companion.name, companion.proposed)])],
      );
    }
  },
};
