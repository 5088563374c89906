/**
 * Generated topology files for the benchmark: `providers` hosting providers, every tenth with a
 * typical mistake (a quoted boolean, a misspelt enum value, a missing ProxyFqdn, a wrong letter case,
 * a command-only parameter), and every fiftieth named as hosting Exchange UM.
 */
export function generateTopology(providers: number): string {
  const lines: string[] = [];
  const hosted: string[] = [];
  for (let i = 0; i < providers; i++) {
    const identity = `Provider ${i}`;
    const um = i % 50 === 0;
    if (um) hosted.push(identity);
    const mistake = i % 10 === 5 ? Math.floor(i / 10) % 5 : -1;
    const entries = [
      `"Identity": ${JSON.stringify(identity)}`,
      `"Enabled": ${mistake === 0 ? '"True"' : 'true'}`,
      ...(mistake === 2 ? [] : [`"ProxyFqdn": "sip${i}.partner${i % 97}.example.com"`]),
      `"EnabledSharedAddressSpace": ${um}`,
      `"${mistake === 3 ? 'hostsocsusers' : 'HostsOCSUsers'}": false`,
      `"IsLocal": false`,
      `"VerificationLevel": "${mistake === 1 ? 'UseSourceVerfication' : um ? 'UseSourceVerification' : 'AlwaysVerifiable'}"`,
      ...(mistake === 4 ? ['"WhatIf": true'] : []),
    ];
    lines.push(`    {\n      ${entries.join(',\n      ')}\n    }`);
  }
  return `// Generated for the benchmark: ${providers} hosting providers.
{
  "ServerVersion": "Lync Server 2013",
  "SipDomains": ["contoso.com", "contoso.net"],
  "ExchangeUM": { "Mode": "Mixed", "HostingProviders": ${JSON.stringify(hosted)} },
  "AccessEdgeConfiguration": {
    "UseDnsSrvRouting": true,
    "AllowFederatedUsers": true,
    "EnablePartnerDiscovery": false
  },
  "HostingProviders": [
${lines.join(',\n')}
  ]
}
`;
}

/**
 * A generated file with the whole procedure at scale: `allowedDomains` allowed domains, one global policy
 * and one per-user policy, `users` users enabled for hosted voice mail (every tenth granted the per-user
 * policy) and `contacts` Exchange UM contacts, every other one an Auto Attendant.
 */
export function generateProcedureTopology(users: number, contacts: number, allowedDomains: number): string {
  const domains = Array.from({ length: allowedDomains }, (_, i) => `    { "Identity": "partner${i}.example.com", "Comment": "Partner ${i}" }`);
  const userLines = Array.from(
    { length: users },
    (_, i) => `    { "Identity": "sip:user${i}@contoso.com", "HostedVoiceMail": true${i % 10 === 0 ? ', "HostedVoicemailPolicy": "ExRedmond"' : ''} }`,
  );
  const contactLines = Array.from(
    { length: contacts },
    (_, i) =>
      `    { "SipAddress": "sip:exum${i}@contoso.com", "RegistrarPool": "pool01.contoso.com", "OU": "OU=ExUmContacts,DC=contoso,DC=com", "DisplayNumber": "+1425555${String(i).padStart(4, '0')}", "AutoAttendant": ${i % 2 === 0} }`,
  );
  return `// Generated for the benchmark: ${users} users, ${contacts} contacts, ${allowedDomains} allowed domains.
{
  "ServerVersion": "Lync Server 2013",
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false },
  "AllowedDomains": [
${domains.join(',\n')}
  ],
  "HostingProviders": [
    { "Identity": "Exchange Online", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false,
      "ProxyFqdn": "exap.um.outlook.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification" }
  ],
  "HostedVoicemailPolicies": [
    { "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] },
    { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] }
  ],
  "Users": [
${userLines.join(',\n')}
  ],
  "ExUmContacts": [
${contactLines.join(',\n')}
  ]
}
`;
}
