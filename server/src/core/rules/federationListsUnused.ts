import { booleanValue, keySpan } from '../model';
import type { Rule } from './rule';

export const federationListsUnused: Rule = {
  code: 'LT602',
  name: 'federation-lists-unused',
  severity: 'warning',
  check({ model, report }) {
    if (booleanValue(model.accessEdge?.byName.get('AllowFederatedUsers')) !== false || !model.root) return;
    for (const property of model.root.byName.values()) {
      const value = property.spec?.value;
      const section = value?.kind === 'array' && value.items.kind === 'object' ? value.items.spec.section : undefined;
      if (!section?.needsFederation || (model.sections.get(section.key) ?? []).length === 0) continue;
      report(
        keySpan(property),
        `\`${section.key}\` has no effect while \`AccessEdgeConfiguration.AllowFederatedUsers\` is false: the Edge Server then federates with no domain at all. Set it to true, or drop the list.`,
      );
    }
  },
};
