import { entryName, nameProperty, spanOf } from '../model';
import { isPerUserName, POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

export const severalPolicies: Rule = {
  code: 'LT706',
  name: 'several-policies-not-per-user',
  severity: 'info',
  check({ model, report }) {
    // One global policy beside per-user ones is the common set-up; several that apply without a grant are not.
    const scoped = (model.sections.get(POLICIES) ?? []).filter((p) => {
      const name = entryName(p);
      return name !== undefined && !isPerUserName(name);
    });
    if (scoped.length < 2) return;
    for (const policy of scoped.slice(1)) {
      const name = entryName(policy)!;
      report(
        spanOf(nameProperty(policy)!.valueNode!),
        `\`${policy.path}\` is the ${name.toLowerCase().startsWith('site:') ? 'site' : 'global'} policy ${JSON.stringify(name)} beside another policy that applies without a grant. The planning guidance is that where several hosted voice mail policies are deployed, they are per-user policies, granted to the users and contacts they serve.`,
      );
    }
  },
};
