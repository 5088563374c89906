import { booleanValue, keySpan } from '../model';
import { CONTACTS } from '../facts/voiceMail';
import type { Rule } from './rule';

export const contactKinds: Rule = {
  code: 'LT805',
  name: 'auto-attendant-and-subscriber-access',
  severity: 'info',
  check({ model, report }) {
    const contacts = model.sections.get(CONTACTS) ?? [];
    if (contacts.length === 0) return;
    const autoAttendants = contacts.filter((c) => booleanValue(c.byName.get('AutoAttendant')) === true).length;
    const missing = autoAttendants === 0 ? 'Auto Attendant (`"AutoAttendant": true`)' : autoAttendants === contacts.length ? 'Subscriber Access (`AutoAttendant` false or left out)' : undefined;
    if (!missing) return;
    report(
      keySpan(model.root!.byName.get(CONTACTS)!),
      `\`${CONTACTS}\` has no ${missing} contact. Hosted Exchange UM usually gets one contact per Auto Attendant number and one per Subscriber Access number.`,
    );
  },
};
