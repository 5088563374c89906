import { PER_USER_PREFIX } from '../catalog';
import { settingName, spanOf } from '../model';
import { judgedGrants, untaggedName } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const grantedPolicyPrefix: Rule = {
  code: 'LT708',
  name: 'granted-policy-prefix',
  severity: 'info',
  check({ model, edits, report }) {
    for (const reference of judgedGrants(model).filter((r) => r.value.toLowerCase().startsWith(PER_USER_PREFIX))) {
      const spec = reference.property.spec!;
      // Without the prefix, some names would name another policy, or none: those keep it.
      const bare = untaggedName(reference.value);
      report(
        spanOf(reference.node),
        `${settingName(reference.object, spec.name)} is ${JSON.stringify(reference.value)}: ${spec.grant!.cmdlet} takes the per-user policy's name with or without \`${PER_USER_PREFIX}\`, and the Lync Server 2013 procedure writes it without.`,
        bare === undefined ? [] : [fix(`Change to '${bare}'`, [edits.replace(reference.node, bare)])],
      );
    }
  },
};
