import { anchorSpan, entryLabel } from '../model';
import { appliedWithoutDestination, appliesTo, isExistingPolicy } from '../facts/voiceMail';
import type { Rule } from './rule';

export const globalPolicyDestination: Rule = {
  code: 'LT707',
  name: 'global-policy-destination-assumed',
  severity: 'warning',
  check({ model, report }) {
    for (const [policy, count] of appliedWithoutDestination(model)) {
      if (!isExistingPolicy(policy)) continue;
      report(
        anchorSpan(policy),
        `The global hosted voice mail policy ${entryLabel(policy)} applies to ${appliesTo(count)} of this file, and the file leaves its \`Destination\` as the deployment has it: that policy must already have the FQDN of the hosted Exchange UM service, or enabling them fails. State it here to be sure.`,
      );
    }
  },
};
