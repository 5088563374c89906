import { entryName, nameProperty, spanOf } from '../model';
import { isPerUserName, POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

export const unusedPolicy: Rule = {
  code: 'LT703',
  name: 'policy-never-granted',
  severity: 'warning',
  check({ model, report }) {
    const perUser = new Set(
      (model.sections.get(POLICIES) ?? []).filter((policy) => {
        const name = entryName(policy);
        return name !== undefined && isPerUserName(name);
      }),
    );
    // Thousands of users may be granted the same few policies: the grants are read until each policy is found.
    for (let i = 0; i < model.references.length && perUser.size > 0; i++) {
      const reference = model.references[i];
      if (reference.section === POLICIES) for (const target of reference.targets) perUser.delete(target);
    }
    for (const policy of perUser) {
      const name = entryName(policy)!;
      report(
        spanOf(nameProperty(policy)!.valueNode!),
        `The per-user hosted voice mail policy ${JSON.stringify(name)} (\`${policy.path}\`) is granted to no user or contact of this file, and a per-user policy does nothing until it is granted. Grant it with \`HostedVoicemailPolicy\` in \`Users\` or \`ExUmContacts\`, or make it the \`global\` policy.`,
      );
    }
  },
};
