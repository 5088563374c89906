import { keySpan } from '../model';
import { relyingOnDeployment, USERS } from '../facts/voiceMail';
import type { Rule } from './rule';

export const userNeedsPolicy: Rule = {
  code: 'LT801',
  name: 'user-policy-assumed',
  severity: 'warning',
  check({ model, report }) {
    const users = relyingOnDeployment(model, USERS);
    if (users.length === 0) return;
    const which = users.length === 1 ? `The user \`${users[0].path}\` is` : `${users.length} users are`;
    report(
      keySpan(model.root!.byName.get(USERS)!),
      `${which} enabled for hosted voice mail with no policy granted, and this file has no \`global\` policy: the deployment's global hosted voice mail policy (or the policy of the user's site) must already have a \`Destination\`, or \`Set-CsUser -HostedVoiceMail $True\` fails.`,
    );
  },
};
