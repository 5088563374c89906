import { COMMON_PARAMETERS } from './commandOnly';
import { ENTRY_NAME, type ObjectSpec, type PropertySpec, type UniqueKey } from './types';

/** Users and Exchange UM contacts live in one directory: a SIP address names one of them only. */
export const USER_OR_CONTACT_SCOPE = 'user or contact';

/** The per-user hosted voice mail policy granted to a user or a contact, by Grant-CsHostedVoicemailPolicy. */
export const GRANTED_POLICY: PropertySpec = {
  name: 'HostedVoicemailPolicy',
  value: ENTRY_NAME,
  references: 'HostedVoicemailPolicies',
  grant: { cmdlet: 'Grant-CsHostedVoicemailPolicy', parameter: 'PolicyName' },
  description:
    'The per-user hosted voice mail policy to grant, by its name (`tag:` may be left out, as the procedure does); granted with Grant-CsHostedVoicemailPolicy. Left out, the user or contact keeps the per-user policy it has, if any (a contact the file creates has none, so the site or global policy applies to it); `null` takes it away.',
  nullMeans: {
    summary: 'no per-user policy',
    description:
      'Takes the per-user policy away, so that the site or global policy applies: `Grant-CsHostedVoicemailPolicy -PolicyName $Null`. Microsoft documents a null PolicyName as the way to remove a per-user grant for the Grant-Cs cmdlets in general; its pages on this cmdlet do not say so of it.',
  },
};

const IDENTITY: UniqueKey = { keys: ['Identity'], scope: USER_OR_CONTACT_SCOPE, compare: 'ignoreCase', noun: 'identity' };

export const USER: ObjectSpec = {
  id: 'user',
  title: 'user',
  cmdlet: 'Set-CsUser',
  commandOnly: ['DomainController', 'PassThru', ...COMMON_PARAMETERS],
  section: {
    key: 'Users',
    list: true,
    description: 'Users whose voice mail is on the hosted Exchange UM service: Set-CsUser -HostedVoiceMail, and the per-user policy each is granted.',
    names: ['Identity'],
    unique: [IDENTITY],
    outlineDetail: 'HostedVoicemailPolicy',
    steps: [
      { order: 70, heading: 'Per-user hosted voice mail policies granted to users, or taken away', emits: 'grants' },
      { order: 80, heading: 'Users enabled for hosted voice mail', emits: 'commands' },
    ],
    modifies: true,
    hostedVoiceMail: true,
  },
  properties: [
    {
      name: 'Identity',
      value: ENTRY_NAME,
      required: true,
      description:
        'The user: SIP address (`sip:kenmyer@contoso.com`), user principal name, `DOMAIN\\logon`, display name or distinguished name. A display name may hold `*`, which names every user it matches (`* Smith`). Not the SAM account name, which is not unique in the forest.',
      insertValue: '<sip:user@contoso.com>',
    },
    {
      name: 'HostedVoiceMail',
      value: { kind: 'boolean' },
      description:
        "Whether the user's voice mail goes to hosted Exchange UM. Setting it to `true` fails unless a hosted voice mail policy with a Destination applies to the user.",
      insertValue: true,
    },
    GRANTED_POLICY,
  ],
};
