import { EXCHANGE_UM_MODES } from './modes';
import { SECTIONS } from './sections';
import { DEFAULT_SERVER_VERSION, ENTRY_NAME, SERVER_VERSIONS, type ObjectSpec, type PropertySpec } from './types';


export const EXCHANGE_UM: ObjectSpec = {
  id: 'exchangeUM',
  title: 'ExchangeUM',
  properties: [
    {
      name: 'Mode',
      value: {
        kind: 'enum',
        values: EXCHANGE_UM_MODES,
        meanings: {
          OnPremises: 'Lync Server and Exchange UM both run on your own servers; no hosting provider is involved.',
          CrossPremises: 'Exchange UM is hosted by a provider such as Exchange Online, reached through a shared SIP address space.',
          Mixed: 'Some mailboxes are on your own Exchange servers and some at a hosted Exchange service.',
        },
      },
      required: true,
      description:
        'Where Exchange Unified Messaging runs: `OnPremises` (your own Exchange servers), `CrossPremises` (a hosting provider such as Exchange Online), or `Mixed` (some mailboxes at home, some hosted).',
      insertValue: '<OnPremises, CrossPremises or Mixed>',
    },
    {
      name: 'HostingProviders',
      value: { kind: 'array', items: ENTRY_NAME },
      references: 'HostingProviders',
      description:
        'The Identity of each hosting provider below that hosts Exchange UM. Those providers must be set up for a shared SIP address space.',
    },
  ],
};

export const TOPOLOGY: ObjectSpec = {
  id: 'topology',
  title: 'topology file',
  properties: [
    {
      name: '$schema',
      value: { kind: 'string', format: 'text' },
      description: 'JSON schema for editors that read it. Ignored by the checks and the generator.',
      notEmitted: true,
    },
    {
      name: 'ServerVersion',
      value: { kind: 'enum', values: SERVER_VERSIONS },
      default: DEFAULT_SERVER_VERSION,
      description: 'The server version the cmdlets are for; parameters that version does not have are flagged.',
    },
    {
      name: 'SipDomains',
      value: { kind: 'array', items: { kind: 'string', format: 'sipDomain' } },
      description: 'The SIP domains of the deployment: the SIP address space shared with a hosted Exchange UM provider.',
    },
    {
      name: 'ExchangeUM',
      value: { kind: 'object', spec: EXCHANGE_UM },
      description: 'How Exchange Unified Messaging is deployed, and which hosting providers host it.',
    },
    ...SECTIONS.map(
      (spec): PropertySpec => ({
        name: spec.section.key,
        value: spec.section.list ? { kind: 'array', items: { kind: 'object', spec } } : { kind: 'object', spec },
        description: spec.section.description,
      }),
    ),
  ],
};
