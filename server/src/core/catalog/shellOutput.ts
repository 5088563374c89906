import type { StringFormat } from './types';

/**
 * How a property that a Get-Cs* cmdlet prints is read back into the topology file. A property whose name is a
 * parameter of the section's cmdlet (spelled the same) is read as that parameter, typed by the catalog; the
 * others are listed here.
 */
export type PropertyReading =
  /** Printed, but no parameter takes it: left out, with `why` in the comment. */
  | { readonly kind: 'leftOut'; readonly why: string }
  /**
   * Left out: the value is normally the same as the property `property` (a provider's Name, a domain's Domain, as
   * shell-output.md says); the comment says whether it is, and what a different value means for the file.
   */
  | { readonly kind: 'copyOf'; readonly property: string }
  /** The value is the name of a switch parameter that the object was set with (the Edge's RoutingMethod). */
  | { readonly kind: 'switchNamed' }
  /** The value is the parameter `parameter`. */
  | { readonly kind: 'renamed'; readonly parameter: string }
  /**
   * A policy Identity as stored: `Global`, `Site:<name>`, or `Tag:<name>` for a per-user policy, which the file
   * names without its prefix (reference.md §1.14).
   */
  | { readonly kind: 'policyIdentity' }
  /** A distinguished name whose parent (everything after the first RDN) is the parameter `parameter`. */
  | { readonly kind: 'parentOf'; readonly parameter: string };

/** What one Get-Cs* cmdlet prints for one kind of object, and how it maps to a section of the file. */
export interface ShellObjectType {
  /** The section key the objects go to. */
  readonly section: string;
  /** The cmdlet that prints them, as a comment names it. */
  readonly command: string;
  /** Properties every object of this type prints; the type with most of them present is the object's type. */
  readonly marks: readonly string[];
  readonly readings: Readonly<Record<string, PropertyReading>>;
  /** Properties the default view leaves out: absent, they are unknown, not empty. */
  readonly hiddenByDefault?: { readonly properties: readonly string[]; readonly showWith: string };
  /**
   * The one form of name the command prints for these objects, where the file may name them in other forms
   * too: an entry the file names otherwise cannot be matched with an imported one.
   */
  readonly printedNames?: { readonly format: StringFormat; readonly noun: string };
}

const COPY_OF_IDENTITY: PropertyReading = { kind: 'copyOf', property: 'Identity' };

/**
 * The objects `lync-topology import` reads. Property names from shell-output samples where they exist
 * (Get-CsAccessEdgeConfiguration, Get-CsAllowedDomain, Get-CsBlockedDomain), otherwise from the documented
 * property and parameter names (reference.md §1, shell-output.md "Per object").
 */
export const SHELL_OBJECT_TYPES: readonly ShellObjectType[] = [
  {
    section: 'AccessEdgeConfiguration',
    command: 'Get-CsAccessEdgeConfiguration',
    marks: ['AllowFederatedUsers', 'AllowOutsideUsers', 'MarkSourceVerifiableOnOutgoingMessages'],
    readings: {
      Identity: { kind: 'leftOut', why: 'there is only the global collection' },
      RoutingMethod: { kind: 'switchNamed' },
      EnablePartnerMonitoringCosmosOutput: { kind: 'leftOut', why: 'internal monitoring, no parameter' },
      EnablePartnerMonitoringIfxLog: { kind: 'leftOut', why: 'internal monitoring, no parameter' },
    },
  },
  {
    section: 'AllowedDomains',
    command: 'Get-CsAllowedDomain',
    marks: ['Domain', 'MarkForMonitoring'],
    readings: { Domain: COPY_OF_IDENTITY },
  },
  {
    section: 'BlockedDomains',
    command: 'Get-CsBlockedDomain',
    marks: ['Domain'],
    readings: { Domain: COPY_OF_IDENTITY },
  },
  {
    section: 'HostingProviders',
    command: 'Get-CsHostingProvider',
    marks: ['ProxyFqdn', 'IsLocal'],
    readings: { Name: COPY_OF_IDENTITY },
    hiddenByDefault: { properties: ['EnabledSharedAddressSpace', 'HostsOCSUsers', 'SipClientPort'], showWith: 'Get-CsHostingProvider | Select-Object *' },
  },
  {
    section: 'HostedVoicemailPolicies',
    command: 'Get-CsHostedVoicemailPolicy',
    marks: ['Destination', 'Organization'],
    readings: { Identity: { kind: 'policyIdentity' } },
  },
  {
    section: 'ExUmContacts',
    command: 'Get-CsExUmContact',
    marks: ['SipAddress', 'DisplayNumber', 'RegistrarPool', 'AutoAttendant'],
    readings: {
      Identity: { kind: 'parentOf', parameter: 'OU' },
      HomeServer: { kind: 'leftOut', why: 'follows from RegistrarPool' },
      LineURI: { kind: 'leftOut', why: 'follows from DisplayNumber' },
      DisplayName: { kind: 'leftOut', why: 'set by the server' },
    },
  },
  {
    section: 'Users',
    command: 'Get-CsUser | Select-Object SipAddress, HostedVoiceMail, HostedVoicemailPolicy',
    marks: ['SipAddress', 'HostedVoiceMail'],
    readings: {
      SipAddress: { kind: 'renamed', parameter: 'Identity' },
      Identity: { kind: 'leftOut', why: 'the user is named by SipAddress' },
    },
    // Set-CsUser also takes a user principal name, DOMAIN\logon, a display name or a distinguished name (reference.md §1.11).
    printedNames: { format: 'sipAddress', noun: 'SIP address' },
  },
];
