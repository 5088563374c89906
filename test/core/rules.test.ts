import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core';
import { applyFix, check, hostedUm, marked, repoFile, UM_PROVIDER } from '../helpers';

interface Case {
  readonly code: string;
  readonly title: string;
  /** The document, with ⟪ ⟫ around the span the diagnostic must cover. */
  readonly source: string;
  /** The preferred fix must make this diagnostic go away without a syntax error. */
  readonly fixable?: boolean;
  /** The finding is about the file as a whole, not one setting. */
  readonly wholeFile?: boolean;
}

const EDGE_DNS = '"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false';
const GLOBAL = '{ "Identity": "global", "Destination": "exap.um.outlook.com" }';
const CONTACT = (extra = '') => `{ "SipAddress": "sip:exumsa1@contoso.com", "RegistrarPool": "pool01.contoso.com", "OU": "OU=ExUmContacts,DC=contoso,DC=com", "DisplayNumber": "+14255550102"${extra} }`;
const WITH_VOICE_MAIL = (sections: string) => hostedUm(UM_PROVIDER).replace(/\n}$/, `,\n  ${sections}\n}`);

const CASES: readonly Case[] = [
  { code: 'LT001', title: 'missing comma', source: '{ "SipDomains": ["contoso.com"] ⟪"ExchangeUM"⟫: {} }', wholeFile: true },
  { code: 'LT001', title: 'empty file', source: '⟪⟫', wholeFile: true },
  { code: 'LT001', title: 'text after the object', source: '{ }\n⟪x⟫', wholeFile: true },
  { code: 'LT002', title: 'key given twice, in other letter case', source: '{ "SipDomains": ["a.com"], ⟪"sipdomains"⟫: ["b.com"] }' },
  { code: 'LT003', title: 'misspelt parameter', source: '{ "AccessEdgeConfiguration": { ⟪"AllowFederatedUser"⟫: true } }', fixable: true },
  { code: 'LT003', title: 'unknown top-level key', source: '{ ⟪"Policies"⟫: [] }' },
  { code: 'LT004', title: 'key in the wrong letter case', source: '{ "AccessEdgeConfiguration": { ⟪"allowFederatedUsers"⟫: true } }', fixable: true },
  { code: 'LT004', title: 'enum in the wrong letter case', source: '{ "ExchangeUM": { "Mode": ⟪"onpremises"⟫ } }', fixable: true },
  { code: 'LT005', title: 'WhatIf in the Edge section', source: '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": true, ⟪"WhatIf"⟫: true } }', fixable: true },
  { code: 'LT005', title: 'ErrorAction by its alias ea', source: '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": true, ⟪"ea"⟫: "Stop" } }', fixable: true },
  { code: 'LT005', title: 'InMemory in a provider', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", ⟪"InMemory"⟫: true } ] }', fixable: true },
  { code: 'LT101', title: 'boolean written as a string', source: '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": ⟪"True"⟫ } }', fixable: true },
  { code: 'LT101', title: 'boolean written as 1', source: '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": ⟪1⟫ } }', fixable: true },
  { code: 'LT101', title: 'number written as a string', source: '{ "AccessEdgeConfiguration": { "MaxContactsPerDiscoveredPartner": ⟪"500"⟫ } }', fixable: true },
  { code: 'LT101', title: 'fraction for a UInt32', source: '{ "AccessEdgeConfiguration": { "MaxContactsPerDiscoveredPartner": ⟪2.5⟫ } }' },
  { code: 'LT101', title: 'one SIP domain not in an array', source: '{ "SipDomains": ⟪"contoso.com"⟫ }', fixable: true },
  { code: 'LT101', title: 'top-level array', source: '⟪[ { "SipDomains": [] } ]⟫', wholeFile: true },
  { code: 'LT101', title: 'a hosting provider written as a string', source: '{ "HostingProviders": [ ⟪"fabrikam.com"⟫, { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }' },
  { code: 'LT101', title: 'Identity as a number', source: '{ "HostingProviders": [ { "Identity": ⟪42⟫, "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }', fixable: true },
  { code: 'LT102', title: 'misspelt VerificationLevel', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "VerificationLevel": ⟪"UseSourceVerfication"⟫ } ] }', fixable: true },
  { code: 'LT102', title: 'Edge Identity other than global', source: '{ "AccessEdgeConfiguration": { "Identity": ⟪"site:Redmond"⟫ } }' },
  { code: 'LT102', title: 'unknown ServerVersion', source: '{ "ServerVersion": ⟪"Lync Server 2016"⟫ }' },
  { code: 'LT103', title: 'TLS count above 4', source: '{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": ⟪5⟫ } }' },
  { code: 'LT103', title: 'TLS count of 0', source: '{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": ⟪0⟫ } }' },
  { code: 'LT103', title: 'negative UInt32', source: '{ "AccessEdgeConfiguration": { "MaxRejectedCertificatesStored": ⟪-1⟫ } }' },
  { code: 'LT103', title: 'UInt32 overflow', source: '{ "AccessEdgeConfiguration": { "MaxRejectedCertificatesStored": ⟪4294967296⟫ } }' },
  { code: 'LT104', title: 'ProxyFqdn with a space', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": ⟪"proxy server"⟫ } ] }' },
  { code: 'LT104', title: 'ProxyFqdn as an IP address', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": ⟪"10.0.0.1"⟫ } ] }' },
  { code: 'LT104', title: 'single-label SIP domain', source: '{ "SipDomains": [⟪"contoso"⟫] }' },
  { code: 'LT104', title: 'URL without http', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "AutodiscoverUrl": ⟪"ftp://fabrikam.com"⟫ } ] }' },
  { code: 'LT104', title: 'empty provider Identity', source: '{ "HostingProviders": [ { "Identity": ⟪" "⟫, "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }' },
  { code: 'LT105', title: 'line break in an Identity', source: '{ "HostingProviders": [ { "Identity": ⟪"Hosted\\nUM"⟫, "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }' },
  { code: 'LT105', title: 'unpaired surrogate in an Identity', source: '{ "HostingProviders": [ { "Identity": ⟪"UM \\ud800"⟫, "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }' },
  { code: 'LT106', title: 'placeholder left in ProxyFqdn', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": ⟪"<proxy FQDN>"⟫ } ] }' },
  { code: 'LT107', title: 'Exchange Online ProxyFqdn misspelt', source: '{ "HostingProviders": [ { "Identity": "Exchange Online", "Enabled": true, "ProxyFqdn": ⟪"exap.um.outlok.com"⟫ } ] }', fixable: true },
  { code: 'LT107', title: 'Skype for Business Online FQDN misspelt as the default route', source: '{ "AccessEdgeConfiguration": { "UseDefaultRouting": true, "DefaultRouteFqdn": ⟪"sipfed.online.lync.co"⟫ } }', fixable: true },
  { code: 'LT108', title: 'empty Organization of the global policy', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ⟪[]⟫ } ] }', fixable: true },
  { code: 'LT108', title: 'empty Organization of a policy the file creates', source: '{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com", "Organization": ⟪[ /* none */ ]⟫ } ] }' },
  { code: 'LT201', title: 'provider without ProxyFqdn', source: '{ "HostingProviders": [ ⟪{⟫ "Identity": "P", "Enabled": true } ] }', fixable: true },
  { code: 'LT201', title: 'ExchangeUM without Mode', source: '{ ⟪"ExchangeUM"⟫: { } }', fixable: true },
  { code: 'LT202', title: 'EnabledSharedAddressSpace without HostsOCSUsers', source: '{ "HostingProviders": [ ⟪{⟫ "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "EnabledSharedAddressSpace": true } ] }', fixable: true },
  { code: 'LT203', title: 'Lync 2013 parameter on Lync 2010', source: '{ "ServerVersion": "Lync Server 2010", "AccessEdgeConfiguration": { ⟪"MaxContactsPerDiscoveredPartner"⟫: 10 } }' },
  { code: 'LT203', title: 'Skype for Business parameter on Lync 2013 (the default)', source: '{ "AccessEdgeConfiguration": { ⟪"DnsSrvCacheRecordCount"⟫: 10 } }' },
  { code: 'LT204', title: 'AutodiscoverUrl on Lync Server 2010, where the documents disagree', source: '{ "ServerVersion": "Lync Server 2010", "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", ⟪"AutodiscoverUrl"⟫: "https://p.fabrikam.com/autodiscover" } ] }' },
  { code: 'LT301', title: 'both routing switches', source: '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, ⟪"UseDefaultRouting"⟫: true, "DefaultRouteFqdn": "edge.contoso.com" } }' },
  { code: 'LT302', title: 'default-route parameter with DNS SRV routing', source: `{ "AccessEdgeConfiguration": { ${EDGE_DNS}, ⟪"VerificationLevel"⟫: "AlwaysVerifiable" } }` },
  { code: 'LT302', title: 'DNS SRV parameter with default routing', source: '{ "AccessEdgeConfiguration": { "UseDefaultRouting": true, "DefaultRouteFqdn": "edge.contoso.com", ⟪"BeClearingHouse"⟫: false } }' },
  { code: 'LT303', title: 'default routing without DefaultRouteFqdn', source: '{ "AccessEdgeConfiguration": { ⟪"UseDefaultRouting"⟫: true } }', fixable: true },
  { code: 'LT303', title: 'DNS SRV routing without EnablePartnerDiscovery', source: '{ "AccessEdgeConfiguration": { ⟪"UseDnsSrvRouting"⟫: true, "AllowFederatedUsers": true } }', fixable: true },
  { code: 'LT304', title: 'default routing with a hosting provider', source: '{ "AccessEdgeConfiguration": { ⟪"UseDefaultRouting"⟫: true, "DefaultRouteFqdn": "edge.contoso.com" }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }' },
  { code: 'LT305', title: 'partner discovery on', source: '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": ⟪true⟫ } }', fixable: true },
  { code: 'LT306', title: 'clearing house on', source: `{ "AccessEdgeConfiguration": { ${EDGE_DNS}, "BeClearingHouse": ⟪true⟫ } }` },
  { code: 'LT306', title: 'TLS count changed', source: '{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": ⟪2⟫ } }' },
  { code: 'LT307', title: 'hosted UM, routing method not stated', source: hostedUm(UM_PROVIDER, '"AllowFederatedUsers": true').replace('"AccessEdgeConfiguration"', '⟪"AccessEdgeConfiguration"⟫') },
  { code: 'LT307', title: 'split-domain provider, AllowFederatedUsers not stated', source: `{ ⟪"AccessEdgeConfiguration"⟫: { ${EDGE_DNS} }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "EnabledSharedAddressSpace": true, "HostsOCSUsers": true } ] }` },
  { code: 'LT401', title: 'reference to a provider that does not exist', source: hostedUm(UM_PROVIDER).replace('["Hosted UM"]', '["Hosted UM", ⟪"Exchange Online"⟫]'), fixable: true },
  { code: 'LT401', title: 'misspelt reference', source: hostedUm(UM_PROVIDER).replace('["Hosted UM"]', '[⟪"Hosted U"⟫]'), fixable: true },
  { code: 'LT402', title: 'hosted UM provider disabled', source: hostedUm(UM_PROVIDER.replace('"Enabled": true', '"Enabled": ⟪false⟫')), fixable: true },
  { code: 'LT402', title: 'hosted UM provider hosting Lync users', source: hostedUm(UM_PROVIDER.replace('"HostsOCSUsers": false', '"HostsOCSUsers": ⟪true⟫')), fixable: true },
  { code: 'LT402', title: 'hosted UM provider inside the topology', source: hostedUm(UM_PROVIDER.replace('"IsLocal": false', '"IsLocal": ⟪true⟫')), fixable: true },
  { code: 'LT402', title: 'hosted UM provider without the shared address space', source: hostedUm(UM_PROVIDER.replace('"EnabledSharedAddressSpace": true, "HostsOCSUsers": false, ', '')).replace('{ "Identity"', '⟪{⟫ "Identity"'), fixable: true },
  { code: 'LT403', title: 'hosted UM provider relying on the IsLocal default', source: hostedUm(UM_PROVIDER.replace(', "IsLocal": false', '')).replace('{ "Identity"', '⟪{⟫ "Identity"'), fixable: true },
  { code: 'LT404', title: 'hosted UM with default routing selected', source: hostedUm(UM_PROVIDER, '⟪"UseDefaultRouting"⟫: true, "DefaultRouteFqdn": "edge.contoso.com", "AllowFederatedUsers": true') },
  { code: 'LT404', title: 'hosted UM with default routing implied by DefaultRouteFqdn', source: hostedUm(UM_PROVIDER, '⟪"DefaultRouteFqdn"⟫: "edge.contoso.com", "AllowFederatedUsers": true') },
  { code: 'LT405', title: 'shared address space without federation', source: hostedUm(UM_PROVIDER, `${EDGE_DNS}, "AllowFederatedUsers": ⟪false⟫`), fixable: true },
  { code: 'LT405', title: 'split-domain provider outside hosted UM, federation off', source: `{ "AccessEdgeConfiguration": { ${EDGE_DNS}, "AllowFederatedUsers": ⟪false⟫ }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "EnabledSharedAddressSpace": true, "HostsOCSUsers": true } ] }`, fixable: true },
  { code: 'LT406', title: 'hosted UM without a SIP domain', source: hostedUm(UM_PROVIDER).replace('"SipDomains": ["contoso.com"],', '').replace('"CrossPremises"', '⟪"CrossPremises"⟫') },
  { code: 'LT406', title: 'hosted UM with an empty SIP domain list', source: hostedUm(UM_PROVIDER).replace('"SipDomains": ["contoso.com"]', '⟪"SipDomains"⟫: []') },
  { code: 'LT407', title: 'hosted UM naming no provider', source: hostedUm(UM_PROVIDER).replace('"ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted UM"] }', '⟪"ExchangeUM"⟫: { "Mode": "Mixed" }') },
  { code: 'LT408', title: 'on-premises UM naming hosting providers', source: hostedUm(UM_PROVIDER).replace('"Mode": "CrossPremises", "HostingProviders"', '"Mode": "OnPremises", ⟪"HostingProviders"⟫') },
  { code: 'LT409', title: 'hosted UM provider with AlwaysVerifiable', source: hostedUm(UM_PROVIDER.replace('"UseSourceVerification"', '⟪"AlwaysVerifiable"⟫')), fixable: true },
  { code: 'LT409', title: 'hosted UM provider without VerificationLevel', source: hostedUm(UM_PROVIDER.replace(', "VerificationLevel": "UseSourceVerification"', '')).replace('{ "Identity"', '⟪{⟫ "Identity"'), fixable: true },
  { code: 'LT501', title: 'two providers with one Identity', source: '{ "HostingProviders": [ { "Identity": "Fabrikam", "Enabled": true, "ProxyFqdn": "a.fabrikam.com" }, { "Identity": ⟪"FABRIKAM"⟫, "Enabled": true, "ProxyFqdn": "b.fabrikam.com" } ] }' },
  { code: 'LT502', title: 'two providers with one ProxyFqdn', source: '{ "HostingProviders": [ { "Identity": "A", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com" }, { "Identity": "B", "Enabled": true, "ProxyFqdn": ⟪"SIP.fabrikam.com"⟫ } ] }' },
  { code: 'LT503', title: 'SIP domain listed twice', source: '{ "SipDomains": ["contoso.com", ⟪"Contoso.com"⟫] }', fixable: true },
  { code: 'LT205', title: 'allowed domain named twice, by Identity and Domain', source: '{ "AllowedDomains": [ { "Identity": "fabrikam.com", ⟪"Domain"⟫: "fabrikam.com" } ] }', fixable: true },
  { code: 'LT205', title: 'blocked domain without a name', source: '{ "BlockedDomains": [ ⟪{⟫ "Comment": "spam" } ] }', fixable: true },
  { code: 'LT206', title: 'Tenant in an on-premises policy', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com", ⟪"Tenant"⟫: "11111111-2222-3333-4444-555555555555" } ] }', fixable: true },
  { code: 'LT101', title: 'Organization as one comma-separated string', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ⟪"a.contoso.com, b.contoso.com"⟫ } ] }', fixable: true },
  { code: 'LT104', title: 'policy Identity with a space at its end', source: '{ "HostedVoicemailPolicies": [ { "Identity": ⟪"global "⟫, "Destination": "exap.um.outlook.com" } ] }', fixable: true },
  { code: 'LT104', title: 'user Identity with a space at its start', source: '{ "Users": [ { "Identity": ⟪" sip:a@contoso.com"⟫ } ] }', fixable: true },
  { code: 'LT104', title: 'provider Identity with spaces around it', source: '{ "HostingProviders": [ { "Identity": ⟪" Fabrikam "⟫, "Enabled": true, "ProxyFqdn": "a.fabrikam.com" } ] }', fixable: true },
  { code: 'LT104', title: 'granted policy with spaces around it', source: `{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": ⟪" ExRedmond "⟫ } ] }`, fixable: true },
  { code: 'LT104', title: 'hosted UM provider named with a space at its end', source: '{ "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": [⟪"P "⟫] }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "a.fabrikam.com" } ] }', fixable: true },
  { code: 'LT104', title: 'Destination with a space', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": ⟪"exap um"⟫ } ] }' },
  { code: 'LT104', title: 'contact SipAddress without sip:', source: `{ "ExUmContacts": [ ${CONTACT().replace('"sip:exumsa1@contoso.com"', '⟪"exumsa1@contoso.com"⟫')} ] }` },
  { code: 'LT104', title: 'DisplayNumber starting with 0', source: `{ "ExUmContacts": [ ${CONTACT().replace('"+14255550102"', '⟪"04255550102"⟫')} ] }` },
  { code: 'LT104', title: 'OU written as a distinguished name gone wrong', source: `{ "ExUmContacts": [ ${CONTACT().replace('"OU=ExUmContacts,DC=contoso,DC=com"', '⟪"OU=ExUmContacts,contoso.com"⟫')} ] }` },
  { code: 'LT109', title: "OU by the unit's name, as the Lync Server 2013 deployment topic writes it", source: `{ "ExUmContacts": [ ${CONTACT().replace('"OU=ExUmContacts,DC=contoso,DC=com"', '⟪"HostedExUM Integration"⟫')} ] }` },
  { code: 'LT501', title: 'a per-user policy written once with its tag: prefix and once without', source: '{ "HostedVoicemailPolicies": [ { "Identity": "tag:ExRedmond", "Destination": "exap.um.outlook.com" }, { "Identity": ⟪"exredmond"⟫, "Destination": "exap.um.outlook.com" } ] }' },
  { code: 'LT501', title: 'a domain on both lists', source: '{ "AllowedDomains": [ { "Identity": "fabrikam.com" } ], "BlockedDomains": [ { "Domain": ⟪"Fabrikam.com"⟫ } ] }' },
  { code: 'LT501', title: 'a contact with the SIP address of a user', source: `{ "Users": [ { "Identity": "sip:exumsa1@contoso.com" } ], "ExUmContacts": [ ${CONTACT().replace('"sip:exumsa1@contoso.com"', '⟪"SIP:exumsa1@contoso.com"⟫')} ] }` },
  { code: 'LT502', title: 'two contacts with one DisplayNumber', source: `{ "ExUmContacts": [ ${CONTACT()}, ${CONTACT().replace('exumsa1', 'exumaa1').replace('"+14255550102"', '⟪"+14255550102"⟫')} ] }` },
  { code: 'LT601', title: 'own SIP domain on the allowed list', source: '{ "SipDomains": ["contoso.com"], "AllowedDomains": [ { "Identity": ⟪"Contoso.com"⟫ } ] }' },
  { code: 'LT602', title: 'allowed list while federation is off', source: '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": false }, ⟪"AllowedDomains"⟫: [ { "Identity": "fabrikam.com" } ] }' },
  { code: 'LT701', title: 'policy with a service scope', source: '{ "HostedVoicemailPolicies": [ { "Identity": ⟪"service:UM"⟫, "Destination": "exap.um.outlook.com" } ] }' },
  { code: 'LT702', title: 'granted policy created without Destination', source: '{ "HostedVoicemailPolicies": [ ⟪{⟫ "Identity": "ExRedmond" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "ExRedmond" } ] }', fixable: true },
  { code: 'LT707', title: 'applied global policy that leaves Destination to the deployment', source: '{ "HostedVoicemailPolicies": [ ⟪{⟫ "Identity": "global", "Organization": ["contoso.onmicrosoft.com"] } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true } ] }' },
  { code: 'LT703', title: 'per-user policy granted to nobody', source: '{ "HostedVoicemailPolicies": [ { "Identity": ⟪"ExRedmond"⟫, "Destination": "exap.um.outlook.com" } ] }' },
  { code: 'LT708', title: 'grant with the tag: prefix', source: '{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": ⟪"tag:ExRedmond"⟫ } ] }', fixable: true },
  { code: 'LT704', title: 'grant of the global policy', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": ⟪"global"⟫ } ] }` },
  { code: 'LT705', title: 'grant of a misspelt policy', source: '{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "ExRedmond" }, { "Identity": "sip:b@contoso.com", "HostedVoicemailPolicy": ⟪"ExRedmon"⟫ } ] }', fixable: true },
  { code: 'LT706', title: 'a global and a site policy', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL}, { "Identity": ⟪"site:Redmond"⟫, "Destination": "exap.um.outlook.com" } ] }` },
  { code: 'LT801', title: 'users relying on a global policy the file does not state', source: '{ ⟪"Users"⟫: [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true } ] }' },
  { code: 'LT802', title: 'user named by a SAM account name', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": ⟪"kenmyer"⟫, "HostedVoiceMail": true } ] }` },
  { code: 'LT803', title: 'user named by a wildcard', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": ⟪"Ken *"⟫, "HostedVoiceMail": true } ] }` },
  { code: 'LT804', title: 'contact relying on a global policy the file does not state', source: `{ ⟪"ExUmContacts"⟫: [ ${CONTACT()} ] }` },
  { code: 'LT805', title: 'contacts without an Auto Attendant', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], ⟪"ExUmContacts"⟫: [ ${CONTACT()} ] }` },
  { code: 'LT901', title: 'hosted UM with policies, none with a Destination', source: WITH_VOICE_MAIL('"HostedVoicemailPolicies": []').replace('"CrossPremises"', '⟪"CrossPremises"⟫') },
  { code: 'LT902', title: 'hosted voice mail policies in OnPremises mode', source: `{ "ExchangeUM": { "Mode": "OnPremises" }, ⟪"HostedVoicemailPolicies"⟫: [ ${GLOBAL} ] }` },
  { code: 'LT903', title: 'Exchange Online as Destination without its provider', source: WITH_VOICE_MAIL('"HostedVoicemailPolicies": [ { "Identity": "global", "Destination": ⟪"exap.um.outlook.com"⟫ } ]') },
  { code: 'LT903', title: "another Destination while Exchange Online is the only hosted UM provider", source: WITH_VOICE_MAIL('"HostedVoicemailPolicies": [ { "Identity": "global", "Destination": ⟪"ExUM.fabrikam.com"⟫ } ]').replace('proxy.fabrikam.com', 'exap.um.outlook.com') },
  { code: 'LT504', title: 'SipClientPort beyond the TCP range', source: '{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com", "SipClientPort": ⟪70000⟫ } ] }' },
];

describe('rules', () => {
  for (const testCase of CASES) {
    it(`${testCase.code}: ${testCase.title}`, () => {
      const { text, span } = marked(testCase.source);
      const found = check(text).diagnostics.filter((d) => d.code === testCase.code);
      assert.ok(span, 'the case marks its span');
      assert.deepEqual(
        found.map((d) => d.span),
        [span],
        `expected one ${testCase.code} at ${JSON.stringify(span)}, got ${JSON.stringify(found)}`,
      );
      assert.equal(found[0].severity, RULES.find((r) => r.code === testCase.code)!.severity);
      if (!testCase.wholeFile) assert.match(found[0].message, /`[A-Za-z]+[^`]*`/, 'the message names the setting');
      if (testCase.fixable) {
        assert.ok(found[0].fixes.some((f) => f.preferred), 'it offers a preferred fix');
        const fixed = check(applyFix(text, found[0]));
        assert.deepEqual(fixed.diagnostics.filter((d) => d.code === 'LT001'), [], `no syntax error after the fix:\n${fixed.model.text}`);
        assert.ok(
          !fixed.diagnostics.some((d) => d.code === testCase.code && d.span.start === span.start),
          `the fix removes the finding:\n${fixed.model.text}`,
        );
      } else if (testCase.code !== 'LT001') {
        assert.ok(!found[0].fixes.some((f) => f.preferred), 'no preferred fix is claimed where none is obvious');
      }
    });
  }

  it('every rule has a case above and an entry in docs/diagnostics.md', () => {
    const documented = repoFile('docs', 'diagnostics.md');
    for (const rule of RULES) {
      assert.ok(CASES.some((c) => c.code === rule.code), `${rule.code} has a test case`);
      assert.match(documented, new RegExp(`^## ${rule.code} ${rule.name}$`, 'm'), `${rule.code} is documented`);
    }
  });

  it('rule codes are unique', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
  });
});
