import { PER_USER_PREFIX } from '../catalog';
import { spanOf } from '../model';
import { judgedGrants } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const grantedPolicyPrefix: Rule = {
  code: 'LT708',
  name: 'granted-policy-prefix',
  severity: 'info',
  check({ model, edits, report }) {
    for (const reference of judgedGrants(model).filter((r) => r.value.toLowerCase().startsWith(PER_USER_PREFIX))) {
      const bare = reference.value.slice(PER_USER_PREFIX.length);
      report(
        spanOf(reference.node),
        `\`${reference.object.path}.${reference.property.spec!.name}\` is ${JSON.stringify(reference.value)}: Grant-CsHostedVoicemailPolicy takes the per-user policy's name with or without \`${PER_USER_PREFIX}\`, and the Lync Server 2013 procedure writes it without.`,
        [fix(`Change to '${bare}'`, [edits.replace(reference.node, bare)])],
      );
    }
  },
};
