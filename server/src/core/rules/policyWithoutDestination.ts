import { findProperty } from '../catalog';
import { anchorSpan, entryLabel, type ObjectModel } from '../model';
import { applicablePolicy, grants, needingPolicy } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const policyWithoutDestination: Rule = {
  code: 'LT702',
  name: 'policy-without-destination',
  severity: 'error',
  check({ model, edits, report }) {
    const granted = grants(model);
    const users = new Map<ObjectModel, number>();
    for (const entry of needingPolicy(model)) {
      const policy = applicablePolicy(model, granted, entry).policy;
      if (policy && !policy.byName.has('Destination')) users.set(policy, (users.get(policy) ?? 0) + 1);
    }
    for (const [policy, count] of users) {
      const destination = findProperty(policy.spec, 'Destination')!;
      report(
        anchorSpan(policy),
        `The hosted voice mail policy ${entryLabel(policy)} has no \`Destination\`, but it applies to ${count === 1 ? 'a user or contact' : `${count} users and contacts`} of this file: enabling them for hosted voice mail fails without one. Add the FQDN of the hosted Exchange UM service.`,
        [fix("Add 'Destination'", [edits.insertProperty(policy.node, 'Destination', destination.insertValue)])],
      );
    }
  },
};
