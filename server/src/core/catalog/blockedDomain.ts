import { COMMON_PARAMETERS } from './commandOnly';
import { domainNames, FEDERATION_DOMAIN_SCOPE } from './federationDomain';
import type { ObjectSpec } from './types';

export const BLOCKED_DOMAIN: ObjectSpec = {
  id: 'blockedDomain',
  title: 'blocked domain',
  cmdlet: 'New-CsBlockedDomain',
  commandOnly: ['InMemory', ...COMMON_PARAMETERS],
  exactlyOne: [['Identity', 'Domain']],
  section: {
    key: 'BlockedDomains',
    list: true,
    description: 'Domains the Edge Server never federates with; one New-CsBlockedDomain each.',
    names: ['Identity', 'Domain'],
    unique: [FEDERATION_DOMAIN_SCOPE],
    outlineDetail: 'Comment',
    steps: [{ order: 30, heading: 'Domains blocked from federation', emits: 'commands' }],
    reachesEdge: true,
    needsFederation: true,
  },
  properties: [
    ...domainNames('blocked'),
    {
      name: 'Comment',
      value: { kind: 'string', format: 'text' },
      description: 'A note about the domain, for administrators.',
    },
  ],
};
