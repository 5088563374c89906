import { COMMON_PARAMETERS } from './commandOnly';
import { SERVICE_FQDNS } from './serviceFqdns';
import type { ObjectSpec, PropertySpec, ValueSpec } from './types';
import { VERIFICATION_LEVEL } from './verificationLevel';

const BOOLEAN: ValueSpec = { kind: 'boolean' };
const UINT32: ValueSpec = { kind: 'integer', typeName: 'UInt32', min: 0n, max: 4294967295n };
const EVERY_SET = ['Identity', 'DefaultRoute', 'DnsSrvRouting'];

function shared(name: string, value: ValueSpec, description: string, extra: Partial<PropertySpec> = {}): PropertySpec {
  return { name, value, description, parameterSets: EVERY_SET, ...extra };
}

const properties: PropertySpec[] = [
  {
    name: 'Identity',
    value: { kind: 'enum', values: ['global'] },
    description:
      'Names the Access Edge settings to change. There is only one collection, so the only value is `global`; it can be left out, and the generated command never passes it (it would rule out the routing parameters).',
    parameterSets: ['Identity'],
    notEmitted: true,
  },
  {
    name: 'UseDnsSrvRouting',
    value: { kind: 'switch' },
    description:
      'Makes the Edge Server find federation partners through DNS SRV records. This is the default routing method, and the one hosting providers and hosted Exchange UM need. Give `EnablePartnerDiscovery` with it.',
    parameterSets: ['DnsSrvRouting'],
    routing: 'DnsSrvRouting',
    selectsRouting: 'DnsSrvRouting',
    companion: { name: 'EnablePartnerDiscovery', proposed: false },
  },
  {
    name: 'EnablePartnerDiscovery',
    value: BOOLEAN,
    default: false,
    description:
      'With DNS SRV routing: `true` lets the Edge Server discover federation partners through DNS even when their domain is not on the allowed list; `false` federates only with allowed domains. Most deployments keep it `false`, since `true` opens federation to every domain.',
    parameterSets: ['DnsSrvRouting'],
    routing: 'DnsSrvRouting',
  },
  {
    name: 'BeClearingHouse',
    value: BOOLEAN,
    default: false,
    description:
      'With DNS SRV routing: whether the Edge Server is directly connected to other organizations as a clearing house. Leave it alone unless Microsoft support asks you to change it.',
    parameterSets: ['DnsSrvRouting'],
    routing: 'DnsSrvRouting',
    supportOnly: true,
  },
  {
    name: 'DiscoveredPartnerVerificationLevel',
    value: VERIFICATION_LEVEL,
    description: 'With DNS SRV routing: how traffic from discovered partners is treated for verification.',
    parameterSets: ['DnsSrvRouting'],
    routing: 'DnsSrvRouting',
    since: 'Lync Server 2013',
  },
  {
    name: 'UseDefaultRouting',
    value: { kind: 'switch' },
    description:
      'Sends every federation request to one default route instead of looking partners up in DNS. Needs `DefaultRouteFqdn`, and cannot be used while any hosting provider exists.',
    parameterSets: ['DefaultRoute'],
    routing: 'DefaultRoute',
    selectsRouting: 'DefaultRoute',
    companion: { name: 'DefaultRouteFqdn', proposed: '<FQDN of the default route server>' },
  },
  {
    name: 'DefaultRouteFqdn',
    value: { kind: 'string', format: 'fqdn' },
    description:
      'With default routing: the FQDN of the server that receives all federation requests. Required whenever default routing is used.',
    parameterSets: ['DefaultRoute'],
    routing: 'DefaultRoute',
    serviceFqdns: SERVICE_FQDNS,
  },
  {
    name: 'IsPublicProvider',
    value: BOOLEAN,
    description: 'With default routing: set it to `true` when the default route requires a public IM connectivity license.',
    parameterSets: ['DefaultRoute'],
    routing: 'DefaultRoute',
  },
  {
    name: 'VerificationLevel',
    value: VERIFICATION_LEVEL,
    description: 'With default routing: how messages arriving on the default route are marked for verification.',
    parameterSets: ['DefaultRoute'],
    routing: 'DefaultRoute',
  },
  shared(
    'AllowFederatedUsers',
    BOOLEAN,
    'Lets internal users communicate with users in federated domains. It also governs a split domain (shared SIP address space), so hosted Exchange UM needs it `true`.',
    { default: false },
  ),
  shared('AllowAnonymousUsers', BOOLEAN, 'Lets unauthenticated (anonymous) users cross the Edge Server to join meetings.', {
    default: false,
  }),
  shared('AllowOutsideUsers', BOOLEAN, 'Lets remote users connect over the Internet without a VPN.', { default: true }),
  shared(
    'EnableArchivingDisclaimer',
    BOOLEAN,
    'Makes the Edge Server tell federated and clearing-house partners that instant messages may be archived.',
    { default: false },
  ),
  shared(
    'KeepCrlsUpToDateForPeers',
    BOOLEAN,
    'Makes the Edge Server check the certificate revocation lists of federated partners periodically.',
    { default: true },
  ),
  shared(
    'MarkSourceVerifiableOnOutgoingMessages',
    BOOLEAN,
    'Marks outgoing messages as verifiable; with `false`, every outgoing message is marked unverifiable.',
    { default: true },
  ),
  shared(
    'OutgoingTlsCountForFederatedPartners',
    { kind: 'integer', typeName: 'UInt32', min: 1n, max: 4n },
    'Number of outgoing TLS connections to each federated partner, from 1 to 4. Leave it alone unless Microsoft support asks you to change it.',
    { default: 4, supportOnly: true },
  ),
  shared('CertificatesDeletedPercentage', UINT32, 'Percentage used when the Edge Server trims its certificate caches.', {
    default: 20,
    since: 'Lync Server 2013',
  }),
  shared(
    'DiscoveredPartnerReportPeriodMinutes',
    UINT32,
    'How often, in minutes, the Edge Server reports on traffic with discovered partners.',
    { default: 60, since: 'Lync Server 2013' },
  ),
  shared('DiscoveredPartnerStandardRate', UINT32, 'Standard message rate allowed for a discovered partner.', {
    default: 20,
    since: 'Lync Server 2013',
  }),
  shared(
    'EnableDiscoveredPartnerContactsLimit',
    BOOLEAN,
    'Limits how many contacts a discovered partner may reach, as protection against user enumeration.',
    { default: true, since: 'Lync Server 2013' },
  ),
  shared('EnableUserReplicator', BOOLEAN, 'Turns the user replicator on the Edge Server on or off.', {
    default: false,
    since: 'Lync Server 2013',
  }),
  shared('MaxAcceptedCertificatesStored', UINT32, 'Size of the cache of accepted federation certificates.', {
    default: 1000,
    since: 'Lync Server 2013',
  }),
  shared('MaxContactsPerDiscoveredPartner', UINT32, 'Most contacts one discovered partner may reach.', {
    default: 1000,
    since: 'Lync Server 2013',
  }),
  shared('MaxRejectedCertificatesStored', UINT32, 'Size of the cache of rejected federation certificates.', {
    default: 500,
    since: 'Lync Server 2013',
  }),
  shared('DnsSrvCacheRecordCount', UINT32, 'Most DNS SRV records the Edge Server keeps in its cache.', {
    since: 'Skype for Business Server 2015',
  }),
  shared('SkypeSearchUrl', { kind: 'string', format: 'url' }, 'URL of the Skype directory search service.', {
    since: 'Skype for Business Server 2015',
  }),
];

export const ACCESS_EDGE_CONFIGURATION: ObjectSpec = {
  id: 'accessEdge',
  title: 'AccessEdgeConfiguration',
  cmdlet: 'Set-CsAccessEdgeConfiguration',
  properties,
  commandOnly: ['Instance', ...COMMON_PARAMETERS],
  section: {
    key: 'AccessEdgeConfiguration',
    list: false,
    description: 'Edge federation settings; each key is a parameter of Set-CsAccessEdgeConfiguration, spelled as the cmdlet spells it.',
    steps: [{ order: 10, heading: 'Edge Server federation settings', emits: 'commands' }],
    reachesEdge: true,
    modifies: true,
  },
};
