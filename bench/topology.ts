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
