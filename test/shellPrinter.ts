/**
 * What the Management Shell would print for the deployment a topology file describes, written for the round
 * trip tests from the shell-output facts (property names and order, list layout), independently of the
 * import's catalog readings. Settings the file does not state print as the documented defaults.
 */
import { parse } from 'jsonc-parser';

type Json = Record<string, unknown>;
export type Props = [string, unknown][];

const CONSOLE_WIDTH = 120;

function printed(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/** How the list format is printed and pasted. */
export interface Layout {
  /** The console width, in columns. */
  readonly width: number;
  /**
   * Whether words are kept whole where they fit, as PowerShell does in English, French, German, Italian,
   * Portuguese and Spanish; otherwise every line is cut at the edge (other languages).
   */
  readonly wordWrap: boolean;
  /**
   * The spaces that end lines: kept as PowerShell writes them (`>`), dropped by a copy from a console window, or
   * padded to the console width by a rectangular selection.
   */
  readonly lineEnds: 'kept' | 'dropped' | 'padded';
}

export const CONSOLE_COPY: Layout = { width: CONSOLE_WIDTH, wordWrap: true, lineEnds: 'dropped' };

/** A printed line as it reaches the paste. */
export function lineEnd(line: string, layout: Layout): string {
  return layout.lineEnds === 'kept' ? line : layout.lineEnds === 'dropped' ? line.trimEnd() : line.padEnd(layout.width);
}

/**
 * A value's lines as PowerShell's list format breaks it into `room` columns (ListWriter through
 * StringManipulationHelper.GenerateLines, read from PowerShell's source): with word wrap, each word keeps the
 * space after it, a word that does not fit in what is left of the line starts the next one, and a word wider
 * than the whole room is cut wherever the line ends.
 */
export function wrapValue(value: string, room: number, wordWrap: boolean): string[] {
  if (value.length <= room) return [value];
  const lines: string[] = [];
  if (!wordWrap) {
    for (let i = 0; i < value.length; i += room) lines.push(value.slice(i, i + room));
    return lines;
  }
  let line = '';
  for (const word of value.match(/[^ ]* ?/g)!.filter((w) => w !== '')) {
    if (word.length > room) {
      for (const c of word) {
        if (line.length === room) {
          lines.push(line);
          line = '';
        }
        line += c;
      }
    } else if (line.length + word.length > room) {
      lines.push(line);
      line = word;
    } else line += word;
  }
  lines.push(line);
  return lines;
}

/** One object in list format: names padded to the longest, values wrapped as PowerShell wraps them (`wrapValue`). */
export function listObject(props: Props, layout: Layout = CONSOLE_COPY): string {
  const width = Math.max(...props.map(([name]) => name.length));
  const lines: string[] = [];
  for (const [name, value] of props) {
    const prefix = `${name.padEnd(width)} : `;
    wrapValue(printed(value), layout.width - prefix.length, layout.wordWrap).forEach((part, index) => {
      const line = (index === 0 ? prefix : ' '.repeat(prefix.length)) + part;
      lines.push(lineEnd(line, layout));
    });
  }
  return lines.join('\n');
}

function routing(edge: Json): string {
  return edge.UseDefaultRouting === true ? 'UseDefaultRouting' : 'UseDnsSrvRouting';
}

function edgeObject(edge: Json, version: string): Props {
  const value = (name: string, fallback: unknown) => (name in edge ? edge[name] : fallback);
  const skype = version.startsWith('Skype');
  const byRoute: Props =
    routing(edge) === 'UseDefaultRouting'
      ? [
          ['DefaultRouteFqdn', value('DefaultRouteFqdn', '')],
          ['IsPublicProvider', value('IsPublicProvider', false)],
          ['VerificationLevel', value('VerificationLevel', 'AlwaysVerifiable')],
        ]
      : [
          ['BeClearingHouse', value('BeClearingHouse', false)],
          ['EnablePartnerDiscovery', value('EnablePartnerDiscovery', false)],
        ];
  return [
    ['Identity', 'Global'],
    ['AllowAnonymousUsers', value('AllowAnonymousUsers', false)],
    ['AllowFederatedUsers', value('AllowFederatedUsers', false)],
    ['AllowOutsideUsers', value('AllowOutsideUsers', true)],
    ...byRoute,
    ['EnableArchivingDisclaimer', value('EnableArchivingDisclaimer', false)],
    ['EnableUserReplicator', value('EnableUserReplicator', false)],
    ['KeepCrlsUpToDateForPeers', value('KeepCrlsUpToDateForPeers', true)],
    ['MarkSourceVerifiableOnOutgoingMessages', value('MarkSourceVerifiableOnOutgoingMessages', true)],
    ['OutgoingTlsCountForFederatedPartners', value('OutgoingTlsCountForFederatedPartners', 4)],
    ['DiscoveredPartnerStandardRate', value('DiscoveredPartnerStandardRate', 20)],
    ['EnableDiscoveredPartnerContactsLimit', value('EnableDiscoveredPartnerContactsLimit', true)],
    ['MaxContactsPerDiscoveredPartner', value('MaxContactsPerDiscoveredPartner', 1000)],
    ['DiscoveredPartnerReportPeriodMinutes', value('DiscoveredPartnerReportPeriodMinutes', 60)],
    ['MaxAcceptedCertificatesStored', value('MaxAcceptedCertificatesStored', 1000)],
    ['MaxRejectedCertificatesStored', value('MaxRejectedCertificatesStored', 500)],
    ['CertificatesDeletedPercentage', value('CertificatesDeletedPercentage', 20)],
    ...((skype
      ? [
          ['DiscoveredPartnerVerificationLevel', value('DiscoveredPartnerVerificationLevel', 'UseSourceVerification')],
          ['DnsSrvCacheRecordCount', value('DnsSrvCacheRecordCount', 1000)],
          ['SkypeSearchUrl', value('SkypeSearchUrl', '')],
          ['EnablePartnerMonitoringCosmosOutput', false],
          ['EnablePartnerMonitoringIfxLog', false],
        ]
      : []) as Props),
    ['RoutingMethod', routing(edge)],
  ];
}

function provider(p: Json): Props {
  return [
    ['Identity', p.Identity],
    ['Name', p.Identity],
    ['ProxyFqdn', p.ProxyFqdn],
    ['VerificationLevel', p.VerificationLevel ?? 'AlwaysVerifiable'],
    ['Enabled', p.Enabled ?? false],
    ['EnabledSharedAddressSpace', p.EnabledSharedAddressSpace ?? false],
    ['HostsOCSUsers', p.HostsOCSUsers ?? false],
    ['IsLocal', p.IsLocal ?? false],
    ['AutodiscoverUrl', p.AutodiscoverUrl],
    ['SipClientPort', p.SipClientPort ?? 443],
  ];
}

function allowed(d: Json): Props {
  const name = d.Identity ?? d.Domain;
  return [
    ['Identity', name],
    ['Domain', name],
    ['ProxyFqdn', d.ProxyFqdn],
    ['Comment', d.Comment],
    ['MarkForMonitoring', d.MarkForMonitoring ?? false],
  ];
}

function blocked(d: Json): Props {
  const name = d.Identity ?? d.Domain;
  return [
    ['Identity', name],
    ['Domain', name],
    ['Comment', d.Comment],
  ];
}

/** A policy's Identity as the store keeps it (reference.md §1.14). */
function storedPolicy(identity: string): string {
  if (identity.toLowerCase() === 'global') return 'Global';
  const site = /^site:(.*)$/i.exec(identity);
  if (site) return `Site:${site[1]}`;
  return `Tag:${identity.replace(/^tag:/i, '')}`;
}

function policy(p: Json): Props {
  return [
    ['Identity', storedPolicy(String(p.Identity))],
    ['Description', p.Description],
    ['Destination', p.Destination],
    ['Organization', Array.isArray(p.Organization) ? p.Organization.join(',') : undefined],
  ];
}

/** A user as Get-CsUser prints it: the examples name their users by SIP address, the one name it shows. */
function user(u: Json): Props {
  return [
    ['SipAddress', u.Identity],
    ['HostedVoiceMail', u.HostedVoiceMail],
    ['HostedVoicemailPolicy', u.HostedVoicemailPolicy],
  ];
}

function contact(c: Json, index: number): Props {
  const guid = `{${index.toString(16).padStart(8, '0')}-4e5f-4a6b-8c7d-9e0f1a2b3c4d}`;
  return [
    ['Identity', `CN=${guid},${c.OU}`],
    ['RegistrarPool', c.RegistrarPool],
    ['HomeServer', `CN=Lc Services,CN=Microsoft,CN=1:1,CN=Pools,CN=RTC Service,CN=Services,CN=Configuration,DC=contoso,DC=com`],
    ['AutoAttendant', c.AutoAttendant ?? false],
    ['Description', c.Description],
    ['SipAddress', c.SipAddress],
    ['DisplayNumber', c.DisplayNumber],
    ['LineURI', `tel:${c.DisplayNumber}`],
    ['HostedVoicemailPolicy', c.HostedVoicemailPolicy],
    ['SecondaryLanguages', '{}'],
    ['Enabled', true],
  ];
}

/** Each Get-Cs* command's output for the file's deployment, in list format, as pasted one after another. */
export function shellOutputOf(topologyText: string): string {
  const file = parse(topologyText) as Json;
  const version = String(file.ServerVersion ?? 'Lync Server 2013');
  const objects: Props[] = [];
  const list = (key: string) => (Array.isArray(file[key]) ? (file[key] as Json[]) : []);
  if (file.AccessEdgeConfiguration) objects.push(edgeObject(file.AccessEdgeConfiguration as Json, version));
  objects.push(...list('AllowedDomains').map(allowed));
  objects.push(...list('BlockedDomains').map(blocked));
  objects.push(...list('HostingProviders').map(provider));
  objects.push(...list('HostedVoicemailPolicies').map(policy));
  objects.push(...list('Users').map(user));
  objects.push(...list('ExUmContacts').map(contact));
  return `\n${objects.map((object) => listObject(object)).join('\n\n')}\n\n`;
}
