/**
 * How objects that exist are changed and removed: the Set- and Remove- cmdlets of each section, and the
 * parameters their Set- cmdlet lacks, which only removing and creating the object again can change.
 * Sources: reference.md §1.4 (Set-CsHostingProvider has no ProxyFqdn), §1.5 (Remove-CsHostingProvider), §1.9
 * (Remove-CsHostedVoicemailPolicy), §1.10 (Set-/Remove-CsExUmContact), the cmdlet reference pages of
 * Set-/Remove-CsAllowedDomain and Set-/Remove-CsBlockedDomain.
 */
export interface SectionChanges {
  /** Changes an existing object; takes -Identity and the changed parameters. */
  readonly set: string;
  /** Removes an object; undefined when the file never removes this kind (users). */
  readonly remove?: string;
  /** Parameters `set` does not take, and why, as a plan's comment says it. */
  readonly fixed?: { readonly parameters: readonly string[]; readonly why: string };
}

export const SECTION_CHANGES: Readonly<Record<string, SectionChanges>> = {
  AccessEdgeConfiguration: { set: 'Set-CsAccessEdgeConfiguration' },
  AllowedDomains: { set: 'Set-CsAllowedDomain', remove: 'Remove-CsAllowedDomain' },
  BlockedDomains: { set: 'Set-CsBlockedDomain', remove: 'Remove-CsBlockedDomain' },
  HostingProviders: {
    set: 'Set-CsHostingProvider',
    remove: 'Remove-CsHostingProvider',
    fixed: {
      parameters: ['ProxyFqdn'],
      why: 'ProxyFqdn cannot be changed in place (Set-CsHostingProvider has no such parameter): the provider is removed and created again, and federation with it stops in between',
    },
  },
  HostedVoicemailPolicies: { set: 'Set-CsHostedVoicemailPolicy', remove: 'Remove-CsHostedVoicemailPolicy' },
  Users: { set: 'Set-CsUser' },
  ExUmContacts: {
    set: 'Set-CsExUmContact',
    remove: 'Remove-CsExUmContact',
    fixed: {
      parameters: ['RegistrarPool', 'OU'],
      why: 'Set-CsExUmContact cannot move a contact to another pool or organizational unit: the contact is removed and created again, and its number does not answer in between',
    },
  },
};
