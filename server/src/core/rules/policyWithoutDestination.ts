import { findProperty } from '../catalog';
import { anchorSpan, entryLabel } from '../model';
import { appliedWithoutDestination, appliesTo, isExistingPolicy } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const policyWithoutDestination: Rule = {
  code: 'LT702',
  name: 'policy-without-destination',
  severity: 'error',
  check({ model, edits, report }) {
    for (const [policy, count] of appliedWithoutDestination(model)) {
      if (isExistingPolicy(policy)) continue;
      const destination = findProperty(policy.spec, 'Destination')!;
      report(
        anchorSpan(policy),
        `The hosted voice mail policy ${entryLabel(policy)} is created without a \`Destination\`, but it applies to ${appliesTo(count)} of this file: enabling them for hosted voice mail fails without one. Add the FQDN of the hosted Exchange UM service.`,
        [fix("Add 'Destination'", [edits.insertProperty(policy.node, 'Destination', destination.insertValue)])],
      );
    }
  },
};
