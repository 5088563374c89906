import { booleanValue, keySpan } from '../model';
import { fix, type Rule } from './rule';
import { ROUTING_NAMES, routingOf } from '../facts/routing';

export const wrongRouting: Rule = {
  code: 'LT302',
  name: 'wrong-routing-parameter',
  severity: 'error',
  check({ model, edits, report }) {
    const edge = model.accessEdge;
    const routing = edge && routingOf(edge);
    if (!edge || !routing) return;
    const because = routing.by ? ` (\`${routing.by.spec!.name}\`)` : ', the default method';
    for (const property of edge.byName.values()) {
      const spec = property.spec;
      if (!spec?.routing || spec.routing === routing.mode) continue;
      if (spec.selectsRouting && booleanValue(property) !== true) continue;
      report(
        keySpan(property),
        `\`${spec.name}\` belongs to ${ROUTING_NAMES[spec.routing]}, but this configuration uses ${ROUTING_NAMES[routing.mode]}${because}; Set-CsAccessEdgeConfiguration cannot take both. Remove it, or switch the routing method.`,
        [fix(`Remove '${spec.name}'`, [edits.remove(property.keyNode)], false)],
      );
    }
  },
};
