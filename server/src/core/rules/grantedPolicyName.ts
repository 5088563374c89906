import { GLOBAL_POLICY, PER_USER_PREFIX } from '../catalog';
import { spanOf } from '../model';
import { isMisspacedReference } from '../facts/entries';
import { POLICIES } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const grantedPolicyName: Rule = {
  code: 'LT704',
  name: 'granted-policy-not-per-user',
  severity: 'error',
  check({ model, edits, report }) {
    for (const reference of model.references) {
      if (reference.section !== POLICIES) continue;
      const lower = reference.value.toLowerCase();
      const isPerUser = !lower.startsWith(PER_USER_PREFIX) && lower !== GLOBAL_POLICY && !/^[a-z]+:/.test(lower);
      if (isPerUser || isMisspacedReference(model, reference)) continue;
      const where = `\`${reference.object.path}.${reference.property.spec!.name}\``;
      if (lower.startsWith(PER_USER_PREFIX)) {
        const bare = reference.value.slice(PER_USER_PREFIX.length);
        report(
          spanOf(reference.node),
          `${where} is ${JSON.stringify(reference.value)}: Grant-CsHostedVoicemailPolicy takes the policy's name without the \`${PER_USER_PREFIX}\` prefix.`,
          [fix(`Change to '${bare}'`, [edits.replace(reference.node, bare)])],
        );
      } else {
        report(
          spanOf(reference.node),
          `${where} is ${JSON.stringify(reference.value)}, which is not a per-user policy: only per-user policies are granted, and the global and site policies apply without a grant. Name a per-user policy, or remove the key.`,
          [fix(`Remove '${reference.property.spec!.name}'`, [edits.remove(reference.property.keyNode)], false)],
        );
      }
    }
  },
};
