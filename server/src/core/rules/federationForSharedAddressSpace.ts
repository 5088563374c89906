import { booleanValue, spanOf } from '../model';
import { federationNeed } from '../facts/edgeNeeds';
import { fix, type Rule } from './rule';

export const federationForSharedAddressSpace: Rule = {
  code: 'LT405',
  name: 'shared-address-space-needs-federation',
  severity: 'error',
  check({ model, edits, report }) {
    const allow = model.accessEdge?.byName.get('AllowFederatedUsers');
    if (!allow?.valueNode || booleanValue(allow) !== false) return;
    const need = federationNeed(model);
    if (!need) return;
    report(
      spanOf(allow.valueNode),
      `\`AccessEdgeConfiguration.AllowFederatedUsers\` is false, but it must be true: ${need.because}.`,
      [fix('Set AllowFederatedUsers to true', [edits.replace(allow.valueNode, true)])],
    );
  },
};
