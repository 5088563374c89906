import { COMMON_PARAMETERS } from './commandOnly';
import { domainNames, FEDERATION_DOMAIN_SCOPE } from './federationDomain';
import type { ObjectSpec } from './types';
import { VERIFICATION_LEVEL } from './verificationLevel';

export const ALLOWED_DOMAIN: ObjectSpec = {
  id: 'allowedDomain',
  title: 'allowed domain',
  cmdlet: 'New-CsAllowedDomain',
  commandOnly: ['InMemory', ...COMMON_PARAMETERS],
  exactlyOne: [['Identity', 'Domain']],
  section: {
    key: 'AllowedDomains',
    list: true,
    description: 'Domains the Edge Server federates with; one New-CsAllowedDomain each, keys spelled as the cmdlet spells its parameters.',
    names: ['Identity', 'Domain'],
    unique: [FEDERATION_DOMAIN_SCOPE],
    outlineDetail: 'ProxyFqdn',
    steps: [{ order: 20, heading: 'Domains allowed to federate', emits: 'commands' }],
    reachesEdge: true,
    needsFederation: true,
  },
  properties: [
    ...domainNames('allowed'),
    {
      name: 'ProxyFqdn',
      value: { kind: 'string', format: 'fqdn' },
      description: "FQDN of the partner's SIP proxy (its Access Edge). Without it, the Edge Server finds the partner through DNS SRV records.",
    },
    {
      name: 'Comment',
      value: { kind: 'string', format: 'text' },
      description: 'A note about the domain, for administrators.',
    },
    {
      name: 'MarkForMonitoring',
      value: { kind: 'boolean' },
      default: false,
      description: 'Whether a Monitoring Server watches traffic with the domain. Has no effect without one.',
    },
    {
      name: 'VerificationLevel',
      value: VERIFICATION_LEVEL,
      default: 'UseSourceVerification',
      since: 'Skype for Business Server 2015',
      description: 'How messages from the domain are treated for verification.',
    },
  ],
};
