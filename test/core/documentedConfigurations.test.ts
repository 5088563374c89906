import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, generate, plan, planScript } from '../../server/src/core';
import { check } from '../helpers';
import { commandArguments, commandLines } from '../powershell';

/**
 * Set-ups as Microsoft's Lync Server 2013 topics write them, each as an administrator would put it in a topology
 * file, with the commands the topics give. The commands are in the topics' own form (double quotes, bare words,
 * `1`/`0` for Booleans), read here into parameter names and values.
 */
interface Configuration {
  readonly title: string;
  readonly file: string;
  /** The documented commands, in the order of the procedure. */
  readonly commands: readonly string[];
  /** The only warnings the file may get, by code (each documents why). */
  readonly warnings?: readonly string[];
}

/** A command as the documentation writes it: its cmdlet, and each parameter (in lower case) with its value. */
function documented(command: string): { cmdlet: string; parameters: [string, string | true][] } {
  const words = command.match(/"[^"]*"|\S+/g)!;
  const parameters: [string, string | true][] = [];
  for (let i = 1; i < words.length; i++) {
    const name = words[i].slice(1).toLowerCase();
    const next = words[i + 1];
    if (next === undefined || next.startsWith('-')) {
      parameters.push([name, true]);
      continue;
    }
    i++;
    const value = next.startsWith('"') ? next.slice(1, -1) : next;
    parameters.push([name, value === '1' ? '$True' : value === '0' ? '$False' : value]);
  }
  return { cmdlet: words[0], parameters };
}

function generated(line: string): { cmdlet: string; parameters: [string, string | true][] } {
  return { cmdlet: line.split(' ')[0], parameters: [...commandArguments(line)].map(([name, value]) => [name.toLowerCase(), value]) };
}

/** The Edge of the documented procedure, as a file states it and as the Edge topic's command sets it. */
const EDGE = '"AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false }';
const EDGE_COMMAND = 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -AllowFederatedUsers $True -EnablePartnerDiscovery $False';

/** A hosting provider of hosted Exchange UM with every value the procedure states, and the command the topics give for it. */
const provider = (identity: string, proxy: string) =>
  `{ "Identity": "${identity}", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "ProxyFqdn": "${proxy}", "IsLocal": false, "VerificationLevel": "UseSourceVerification" }`;
const providerCommand = (identity: string, proxy: string) =>
  `New-CsHostingProvider -Identity "${identity}" -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn "${proxy}" -IsLocal $False -VerificationLevel UseSourceVerification`;

const HOSTED_EXCHANGE_UM = `{
  "ServerVersion": "Lync Server 2013",
  "SipDomains": ["litwareinc.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Fabrikam.com"] },
  "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false },
  "HostingProviders": [
    { "Identity": "Fabrikam.com", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false,
      "ProxyFQDN": "proxyserver.fabrikam.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification" }
  ],
  "HostedVoicemailPolicies": [
    { "Identity": "global", "Destination": "ExUM.fabrikam.com", "Organization": ["corp1.litwareinc.com"] },
    { "Identity": "site:Redmond", "Destination": "ExUM.fabrikam.com", "Description": "Hosted voice mail policy for the Redmond site.",
      "Organization": ["corp1.litwareinc.com", "corp2.litwareinc.com"] },
    { "Identity": "ExRedmond", "Destination": "ExUM.fabrikam.com", "Organization": ["corp1.litwareinc.com", "corp2.litwareinc.com"] }
  ],
  "Users": [
    { "Identity": "Ken Myer", "HostedVoiceMail": true, "HostedVoicemailPolicy": "ExRedmond" },
    { "Identity": "* Smith", "HostedVoicemailPolicy": "ExRedmond" }
  ],
  "ExUmContacts": [
    { "SipAddress": "sip:exumaa1@fabrikam.com", "RegistrarPool": "RedmondPool.litwareinc.com", "OU": "HostedExUM Integration",
      "DisplayNumber": "+14255550101", "AutoAttendant": true },
    { "SipAddress": "sip:exumsa1@fabrikam.com", "RegistrarPool": "RedmondPool.litwareinc.com", "OU": "HostedExUM Integration",
      "DisplayNumber": "+14255550102" }
  ]
}`;

const CONFIGURATIONS: readonly Configuration[] = [
  {
    title: "the Lync Server 2013 deployment topics for a third party's hosted Exchange UM",
    file: HOSTED_EXCHANGE_UM,
    commands: [
      'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -AllowFederatedUsers 1 -EnablePartnerDiscovery 0',
      'Get-CsManagementStoreReplicationStatus',
      'New-CsHostingProvider -Identity Fabrikam.com -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFQDN "proxyserver.fabrikam.com" -IsLocal $False -VerificationLevel UseSourceVerification',
      // The topic on the global policy leaves -Identity out, which changes the same policy.
      'Set-CsHostedVoicemailPolicy -Identity global -Destination ExUM.fabrikam.com -Organization "corp1.litwareinc.com"',
      // The topic writes the tenants with a space after the comma; the generator joins them without (reference §3.6).
      'New-CsHostedVoicemailPolicy -Identity site:Redmond -Destination ExUM.fabrikam.com -Description "Hosted voice mail policy for the Redmond site." -Organization "corp1.litwareinc.com,corp2.litwareinc.com"',
      'New-CsHostedVoicemailPolicy -Identity ExRedmond -Destination ExUM.fabrikam.com -Organization "corp1.litwareinc.com,corp2.litwareinc.com"',
      'Grant-CsHostedVoicemailPolicy -Identity "Ken Myer" -PolicyName ExRedmond',
      // The topic on assigning per-user policies: a display name with * names every user it matches.
      'Grant-CsHostedVoicemailPolicy -Identity "* Smith" -PolicyName ExRedmond',
      'Set-CsUser -Identity "Ken Myer" -HostedVoiceMail $True',
      // The topic gives both contacts one number, which no two contacts may share: the second is one up here.
      'New-CsExUmContact -SipAddress "sip:exumaa1@fabrikam.com" -RegistrarPool "RedmondPool.litwareinc.com" -OU "HostedExUM Integration" -DisplayNumber "+14255550101" -AutoAttendant $True',
      'New-CsExUmContact -SipAddress "sip:exumsa1@fabrikam.com" -RegistrarPool "RedmondPool.litwareinc.com" -OU "HostedExUM Integration" -DisplayNumber "+14255550102"',
    ],
    // The OU by its name (the reference shows distinguished names only), and the wildcard, whose users the directory decides.
    warnings: ['LT109', 'LT109', 'LT803'],
  },
  {
    title: 'the Lync Server 2013 topic on integration with Exchange Online',
    file: `{
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  "AccessEdgeConfiguration": { "AllowFederatedUsers": true },
  "HostingProviders": [
    ${provider('Exchange Online', 'exap.um.outlook.com')}
  ],
  "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] } ]
}`,
    commands: [
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True',
      'Get-CsManagementStoreReplicationStatus',
      providerCommand('Exchange Online', 'exap.um.outlook.com'),
      'Set-CsHostedVoicemailPolicy -Identity global -Destination exap.um.outlook.com -Organization "contoso.onmicrosoft.com"',
    ],
    // The topic leaves the routing method to the Edge, which must already use DNS SRV routing.
    warnings: ['LT307'],
  },
  {
    title: 'the same with Office 365 operated by 21Vianet',
    file: `{
  "ServerVersion": "Skype for Business Server 2015",
  "SipDomains": ["contoso.cn"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  ${EDGE},
  "HostingProviders": [
    ${provider('Exchange Online', 'exap.um.partner.outlook.cn')}
  ],
  "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.partner.outlook.cn", "Organization": ["contoso.partner.onmschina.cn"] } ]
}`,
    commands: [
      EDGE_COMMAND,
      'Get-CsManagementStoreReplicationStatus',
      providerCommand('Exchange Online', 'exap.um.partner.outlook.cn'),
      'Set-CsHostedVoicemailPolicy -Identity global -Destination exap.um.partner.outlook.cn -Organization "contoso.partner.onmschina.cn"',
    ],
  },
  {
    title: 'a mixed deployment with Exchange Online and a third party, a per-user policy for each',
    file: `{
  "ServerVersion": "Skype for Business Server 2019",
  "SipDomains": ["litwareinc.com"],
  "ExchangeUM": { "Mode": "Mixed", "HostingProviders": ["Exchange Online", "Fabrikam.com"] },
  ${EDGE},
  "HostingProviders": [
    ${provider('Exchange Online', 'exap.um.outlook.com')},
    ${provider('Fabrikam.com', 'proxyserver.fabrikam.com')}
  ],
  "HostedVoicemailPolicies": [
    { "Identity": "ExOnline", "Destination": "exap.um.outlook.com", "Organization": ["litwareinc.onmicrosoft.com"] },
    { "Identity": "ExRedmond", "Destination": "ExUM.fabrikam.com", "Organization": ["corp1.litwareinc.com"] }
  ],
  "Users": [
    { "Identity": "sip:kenmyer@litwareinc.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "ExOnline" },
    { "Identity": "sip:pilar@litwareinc.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "ExRedmond" }
  ]
}`,
    commands: [
      EDGE_COMMAND,
      'Get-CsManagementStoreReplicationStatus',
      providerCommand('Exchange Online', 'exap.um.outlook.com'),
      providerCommand('Fabrikam.com', 'proxyserver.fabrikam.com'),
      'New-CsHostedVoicemailPolicy -Identity ExOnline -Destination exap.um.outlook.com -Organization "litwareinc.onmicrosoft.com"',
      'New-CsHostedVoicemailPolicy -Identity ExRedmond -Destination ExUM.fabrikam.com -Organization "corp1.litwareinc.com"',
      'Grant-CsHostedVoicemailPolicy -Identity "sip:kenmyer@litwareinc.com" -PolicyName ExOnline',
      'Grant-CsHostedVoicemailPolicy -Identity "sip:pilar@litwareinc.com" -PolicyName ExRedmond',
      'Set-CsUser -Identity "sip:kenmyer@litwareinc.com" -HostedVoiceMail $True',
      'Set-CsUser -Identity "sip:pilar@litwareinc.com" -HostedVoiceMail $True',
    ],
  },
  {
    title: 'the Skype for Business Server topic on Cloud Voicemail, a per-user policy granted with its tag: prefix',
    file: `{
  "ServerVersion": "Skype for Business Server 2019",
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  ${EDGE},
  "HostingProviders": [
    ${provider('Exchange Online', 'exap.um.outlook.com')}
  ],
  "HostedVoicemailPolicies": [
    { "Identity": "Global", "Description": "Global Cloud Voicemail Policy", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] },
    { "Identity": "CloudVoiceMailUsers", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] }
  ],
  "Users": [ { "Identity": "sip:user1@contoso.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": "Tag:CloudVoiceMailUsers" } ]
}`,
    commands: [
      EDGE_COMMAND,
      'Get-CsManagementStoreReplicationStatus',
      providerCommand('Exchange Online', 'exap.um.outlook.com'),
      'Set-CsHostedVoicemailPolicy -Identity Global -Description "Global Cloud Voicemail Policy" -Destination exap.um.outlook.com -Organization contoso.onmicrosoft.com',
      'New-CsHostedVoicemailPolicy -Identity CloudVoiceMailUsers -Destination exap.um.outlook.com -Organization "contoso.onmicrosoft.com"',
      // The topic pipes the user from Get-CsUser; -Identity names the same user.
      'Grant-CsHostedVoicemailPolicy -Identity "sip:user1@contoso.com" -PolicyName "Tag:CloudVoiceMailUsers"',
      'Set-CsUser -Identity "sip:user1@contoso.com" -HostedVoiceMail $True',
    ],
  },
];

describe('documented configurations', () => {
  for (const configuration of CONFIGURATIONS) {
    it(`${configuration.title}: no error, only the warnings the documents explain`, () => {
      const analysis = check(configuration.file);
      assert.deepEqual(
        analysis.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.severity} ${d.code}`).sort(),
        (configuration.warnings ?? []).map((code) => `warning ${code}`).sort(),
        analysis.diagnostics.map((d) => d.message).join('\n'),
      );
    });

    it(`${configuration.title}: gives the documented commands, in the documented order`, () => {
      const script = generate(check(configuration.file)).script;
      assert.ok(script, 'a script is written');
      assert.deepEqual(commandLines(script).map(generated), configuration.commands.map(documented));
    });

    it(`${configuration.title}: planned from a deployment that has none of it, gives the documented commands of what it creates`, () => {
      const desired = analyze(configuration.file);
      const script = planScript(plan(analyze('{ }'), desired), 'desired.lync.jsonc');
      assert.ok(script, 'a plan is written');
      const created = commandLines(script).filter((line) => line.startsWith('New-'));
      const expected = configuration.commands.filter((command) => command.startsWith('New-'));
      assert.deepEqual(created.map(generated), expected.map(documented));
    });
  }
});
