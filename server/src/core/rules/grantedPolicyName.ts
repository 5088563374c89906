import { settingName, spanOf } from '../model';
import { isPerUserName, judgedGrants } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const grantedPolicyName: Rule = {
  code: 'LT704',
  name: 'granted-policy-not-per-user',
  severity: 'error',
  check({ model, edits, report }) {
    // A per-user name may carry its optional tag: prefix (LT708 notes it).
    for (const reference of judgedGrants(model).filter((r) => !isPerUserName(r.value))) {
      report(
        spanOf(reference.node),
        `${settingName(reference.object, reference.property.spec!.name)} is ${JSON.stringify(reference.value)}, which is not a per-user policy: ${reference.property.spec!.grant!.cmdlet} grants only per-user policies, and the global and site policies apply without a grant. Name a per-user policy, or remove the key.`,
        [fix(`Remove '${reference.property.spec!.name}'`, [edits.remove(reference.property.keyNode)], false)],
      );
    }
  },
};
