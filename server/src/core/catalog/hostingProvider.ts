import { COMMON_PARAMETERS } from './commandOnly';
import { SERVICE_FQDNS } from './serviceFqdns';
import { ENTRY_NAME, type ObjectSpec } from './types';
import { VERIFICATION_LEVEL } from './verificationLevel';

export const HOSTING_PROVIDER: ObjectSpec = {
  id: 'hostingProvider',
  title: 'hosting provider',
  cmdlet: 'New-CsHostingProvider',
  commandOnly: ['InMemory', ...COMMON_PARAMETERS],
  allOrNone: [['EnabledSharedAddressSpace', 'HostsOCSUsers']],
  section: {
    key: 'HostingProviders',
    list: true,
    description: 'Hosting providers to create; each key is a parameter of New-CsHostingProvider, spelled as the cmdlet spells it.',
    names: ['Identity'],
    unique: [
      { keys: ['Identity'], scope: 'hosting provider', compare: 'ignoreCase', noun: 'Identity' },
      { keys: ['ProxyFqdn'], scope: 'proxy FQDN', compare: 'ignoreCase', noun: 'ProxyFqdn' },
    ],
    outlineDetail: 'ProxyFqdn',
    steps: [{ order: 50, heading: 'Hosting providers', emits: 'commands' }],
    reachesEdge: true,
  },
  properties: [
    {
      name: 'Identity',
      value: ENTRY_NAME,
      required: true,
      description:
        'A name for the hosting provider, unique among all hosting and public providers, for example `Hosted Exchange UM` or `fabrikam.com`. `ExchangeUM.HostingProviders` refers to providers by this name.',
      insertValue: '<name of the hosting provider>',
    },
    {
      name: 'Enabled',
      value: { kind: 'boolean' },
      required: true,
      default: false,
      description:
        'Whether the connection to the hosting provider is open. No messages flow while it is `false`; a provider that hosts Exchange UM needs `true`.',
      hostedUm: { value: true, level: 'required' },
      insertValue: true,
    },
    {
      name: 'ProxyFqdn',
      value: { kind: 'string', format: 'fqdn' },
      required: true,
      description:
        'FQDN of the SIP proxy the hosting provider uses, as the provider gives it (Exchange Online uses `exap.um.outlook.com`). Unique among providers. It cannot be changed later: the provider has to be removed and created again.',
      insertValue: '<proxy FQDN given by the hosting provider>',
      suggestions: SERVICE_FQDNS,
      serviceFqdns: SERVICE_FQDNS,
    },
    {
      name: 'EnabledSharedAddressSpace',
      value: { kind: 'boolean' },
      default: false,
      description:
        'Whether the provider shares your SIP domain (a split domain, or shared SIP address space). Give it together with `HostsOCSUsers`. A provider that hosts Exchange UM needs `true`.',
      hostedUm: { value: true, level: 'required' },
    },
    {
      name: 'HostsOCSUsers',
      value: { kind: 'boolean' },
      default: false,
      description:
        'Whether the provider hosts Lync or Skype for Business accounts (`true`) or other services such as Exchange (`false`). Give it together with `EnabledSharedAddressSpace`. A provider that hosts Exchange UM needs `false`.',
      hostedUm: { value: false, level: 'required' },
    },
    {
      name: 'IsLocal',
      value: { kind: 'boolean' },
      default: false,
      description:
        "Whether the provider's proxy server is part of your own Lync topology. A provider that hosts Exchange UM needs `false`.",
      hostedUm: { value: false, level: 'required' },
    },
    {
      name: 'VerificationLevel',
      value: VERIFICATION_LEVEL,
      default: 'AlwaysVerifiable',
      description:
        "How messages from the provider are treated for verification. The Lync Server 2013 hosted Exchange UM procedure uses `UseSourceVerification`, which trusts the level carried in each message.",
      hostedUm: { value: 'UseSourceVerification', level: 'advice' },
    },
    {
      name: 'AutodiscoverUrl',
      value: { kind: 'string', format: 'url' },
      since: 'Lync Server 2013',
      versionConflict: { listedSince: 'Lync Server 2010', source: 'the Lync Server 2010 edition of the New-CsHostingProvider reference' },
      description:
        'Autodiscover URL of a provider that hosts Lync or Skype for Business accounts, so that clients can find their home pool.',
    },
    {
      name: 'SipClientPort',
      value: { kind: 'integer', typeName: 'UInt64', min: 0n, max: 18446744073709551615n },
      since: 'Lync Server 2013',
      default: 443,
      description: 'Port the provider uses for SIP client connections.',
    },
  ],
};
