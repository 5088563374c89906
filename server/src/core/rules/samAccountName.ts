import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

/** A bare logon name: no `@`, no `\`, no `=` (a distinguished name), no `sip:`, no space (a display name). */
const BARE_WORD = /^[A-Za-z0-9._$-]+$/;

export const samAccountName: Rule = {
  code: 'LT802',
  name: 'sam-account-name',
  severity: 'warning',
  checkObject({ object, strings, report }) {
    if (object.spec.id !== 'user') return;
    const identity = strings.find((v) => v.propertySpec.name === 'Identity');
    if (!identity || !BARE_WORD.test(identity.text)) return;
    report(
      spanOf(identity.node),
      `${settingName(object, 'Identity')} ${JSON.stringify(identity.text)} looks like a SAM account name, which Set-CsUser and Grant-CsHostedVoicemailPolicy do not accept: it need not be unique in the forest. Write the SIP address, the user principal name or \`DOMAIN\\${identity.text}\`.`,
    );
  },
};
