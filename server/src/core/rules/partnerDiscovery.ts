import { booleanValue, spanOf } from '../model';
import { isHostedMode } from '../facts/hostedUm';
import { fix, type Rule } from './rule';

export const partnerDiscovery: Rule = {
  code: 'LT305',
  name: 'open-partner-discovery',
  severity: 'warning',
  check({ model, edits, report }) {
    const property = model.accessEdge?.byName.get('EnablePartnerDiscovery');
    if (!property?.valueNode || booleanValue(property) !== true) return;
    report(
      spanOf(property.valueNode),
      '`AccessEdgeConfiguration.EnablePartnerDiscovery` is true, which opens federation to any domain found through DNS. ' +
        (isHostedMode(model)
          ? 'The hosted Exchange UM procedure, like most deployments, keeps it false so that only allowed domains federate.'
          : 'Most deployments keep it false so that only allowed domains federate.'),
      [fix('Change to false', [edits.replace(property.valueNode, false)])],
    );
  },
};
