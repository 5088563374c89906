import { COMMON_PARAMETERS } from './commandOnly';
import { SERVICE_FQDNS } from './serviceFqdns';
import { ENTRY_NAME, type ObjectSpec } from './types';

/** The documented FQDNs of hosted Exchange UM services: what a policy's Destination usually is. */
const HOSTED_UM_SERVICES = SERVICE_FQDNS.filter((service) => service.description.includes('hosted Exchange UM'));

/** The scope prefix of a per-user policy's Identity; PolicyName of a grant is written without it. */
export const PER_USER_PREFIX = 'tag:';
/** The scope prefix of a site policy's Identity. */
export const SITE_PREFIX = 'site:';
/** The policy that always exists: it is changed, never created. */
export const GLOBAL_POLICY = 'global';

export const HOSTED_VOICEMAIL_POLICY: ObjectSpec = {
  id: 'hostedVoicemailPolicy',
  title: 'hosted voice mail policy',
  cmdlet: 'New-CsHostedVoicemailPolicy',
  commandOnly: ['InMemory', 'Instance', ...COMMON_PARAMETERS],
  onlineOnly: ['Tenant'],
  section: {
    key: 'HostedVoicemailPolicies',
    list: true,
    description:
      'Hosted voice mail policies: where voice mail of users and contacts goes on the hosted Exchange UM service. `global` is changed with Set-CsHostedVoicemailPolicy; every other policy is created with New-CsHostedVoicemailPolicy.',
    names: ['Identity'],
    optionalPrefix: PER_USER_PREFIX,
    unique: [{ keys: ['Identity'], scope: 'hosted voice mail policy', compare: 'ignoreCase', noun: 'Identity' }],
    outlineDetail: 'Destination',
    steps: [{ order: 60, heading: 'Hosted voice mail policies', emits: 'commands' }],
    modifyExisting: { cmdlet: 'Set-CsHostedVoicemailPolicy', names: [GLOBAL_POLICY] },
    hostedVoiceMail: true,
  },
  properties: [
    {
      name: 'Identity',
      value: ENTRY_NAME,
      required: true,
      description:
        'Which policy: `global` (always exists, and applies to everyone no other policy covers), `site:<site name>` (applies to the users homed on that site), or a name of your own for a per-user policy, which applies only to the users and contacts it is granted to.',
      insertValue: '<global, or a per-user policy name>',
      suggestions: [{ value: 'global', description: 'The global policy: it always exists, and this changes it.' }],
    },
    {
      name: 'Destination',
      value: { kind: 'string', format: 'hostName' },
      description:
        'FQDN of the hosted Exchange UM service voice mail is routed to (Exchange Online: `exap.um.outlook.com`); at most 255 characters. Users and contacts the policy applies to cannot be enabled for hosted voice mail without it.',
      insertValue: '<FQDN of the hosted Exchange UM service, such as exap.um.outlook.com>',
      suggestions: HOSTED_UM_SERVICES,
      serviceFqdns: HOSTED_UM_SERVICES,
    },
    {
      name: 'Organization',
      value: { kind: 'array', items: { kind: 'string', format: 'sipDomain' } },
      joinedWith: ',',
      description:
        "The tenant domains on the hosted Exchange service that home the users' mailboxes, as its administrator gives them. The cmdlet takes them as one comma-separated string, and replaces the whole list with it.",
    },
    {
      name: 'Description',
      value: { kind: 'string', format: 'text' },
      description: 'A note about the policy, for administrators.',
    },
  ],
};
