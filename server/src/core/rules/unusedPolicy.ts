import { entryName, nameProperty, spanOf } from '../model';
import { isPerUserName, POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

export const unusedPolicy: Rule = {
  code: 'LT703',
  name: 'policy-never-granted',
  severity: 'warning',
  check({ model, report }) {
    const granted = new Set(model.references.filter((r) => r.section === POLICIES).flatMap((r) => r.targets));
    for (const policy of model.sections.get(POLICIES) ?? []) {
      const name = entryName(policy);
      if (name === undefined || !isPerUserName(name) || granted.has(policy)) continue;
      report(
        spanOf(nameProperty(policy)!.valueNode!),
        `The per-user hosted voice mail policy ${JSON.stringify(name)} (\`${policy.path}\`) is granted to no user or contact of this file, and a per-user policy does nothing until it is granted. Grant it with \`HostedVoicemailPolicy\` in \`Users\` or \`ExUmContacts\`, or make it the \`global\` policy.`,
      );
    }
  },
};
