import { keySpan } from '../model';
import { CONTACTS, relyingOnDeployment } from '../facts/voiceMail';
import type { Rule } from './rule';

export const contactNeedsPolicy: Rule = {
  code: 'LT804',
  name: 'contact-policy-assumed',
  severity: 'warning',
  check({ model, report }) {
    const contacts = relyingOnDeployment(model, CONTACTS);
    if (contacts.length === 0) return;
    const which = contacts.length === 1 ? `The contact \`${contacts[0].path}\` is` : `${contacts.length} contacts are`;
    report(
      keySpan(model.root!.byName.get(CONTACTS)!),
      `${which} granted no hosted voice mail policy, and this file has no \`global\` policy: the deployment's global hosted voice mail policy (or the policy of the contact's site) must already have a \`Destination\`, or calls to the number do not reach hosted Exchange UM.`,
    );
  },
};
