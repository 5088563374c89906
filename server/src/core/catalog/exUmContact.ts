import { COMMON_PARAMETERS } from './commandOnly';
import type { ObjectSpec } from './types';
import { GRANTED_POLICY, USER_OR_CONTACT_SCOPE } from './user';

export const EXUM_CONTACT: ObjectSpec = {
  id: 'exUmContact',
  title: 'Exchange UM contact',
  cmdlet: 'New-CsExUmContact',
  commandOnly: ['PassThru', ...COMMON_PARAMETERS],
  section: {
    key: 'ExUmContacts',
    list: true,
    description:
      'Contact objects for the Auto Attendant and Subscriber Access numbers of hosted Exchange UM; one New-CsExUmContact each, and the per-user policy each is granted.',
    names: ['SipAddress'],
    unique: [
      { keys: ['SipAddress'], scope: USER_OR_CONTACT_SCOPE, compare: 'ignoreCase', noun: 'SIP address' },
      { keys: ['DisplayNumber'], scope: 'display number', compare: 'exact', noun: 'DisplayNumber' },
    ],
    outlineDetail: 'DisplayNumber',
    steps: [{ order: 90, heading: 'Exchange UM contacts: Auto Attendant first, then Subscriber Access', emits: 'commandsWithGrants', firstWhen: 'AutoAttendant' }],
    hostedVoiceMail: true,
  },
  properties: [
    {
      name: 'SipAddress',
      value: { kind: 'string', format: 'sipAddress' },
      required: true,
      description: 'The SIP address of the contact, starting with `sip:`; no user or contact may have it already.',
      insertValue: '<sip:exumaa1@contoso.com>',
    },
    {
      name: 'RegistrarPool',
      value: { kind: 'string', format: 'fqdn' },
      required: true,
      description: 'FQDN of the pool whose Registrar homes the contact.',
      insertValue: '<pool FQDN, such as pool01.contoso.com>',
    },
    {
      name: 'OU',
      value: { kind: 'string', format: 'organizationalUnit' },
      required: true,
      description:
        "The Active Directory organizational unit the contact is created in, by its distinguished name, such as `OU=ExUmContacts,DC=contoso,DC=com`. The unit's name alone is what the Lync Server 2013 deployment topic passes, but the cmdlet's reference shows only distinguished names.",
      insertValue: '<OU=ExUmContacts,DC=contoso,DC=com>',
    },
    {
      name: 'DisplayNumber',
      value: { kind: 'string', format: 'phoneNumber' },
      required: true,
      description:
        'The phone number of the Auto Attendant or Subscriber Access: an optional `+`, then digits, the first not 0. No two contacts may share it.',
      insertValue: '<+14255550101>',
    },
    {
      name: 'AutoAttendant',
      value: { kind: 'boolean' },
      default: false,
      description: 'Whether the contact is an Auto Attendant (`true`) or a Subscriber Access number (`false`, the default).',
    },
    {
      name: 'Description',
      value: { kind: 'string', format: 'text' },
      description: 'A note about the contact, for administrators.',
    },
    GRANTED_POLICY,
  ],
};
