import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from '../../server/src/core';
import { applyFix, check } from '../helpers';
import { commandLines } from '../powershell';

/** `CODE:severity` of every finding, in document order. */
function findings(text: string): string[] {
  return check(text).diagnostics.map((d) => `${d.code}:${d.severity}`);
}

/** The cmdlet lines of the script, or undefined when the file gives none. */
function script(text: string): string[] | undefined {
  const generated = generate(check(text)).script;
  return generated === undefined ? undefined : commandLines(generated);
}

const REPLICATION = 'Get-CsManagementStoreReplicationStatus';
const UM = (edge: string, provider = '"Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "IsLocal": false, "VerificationLevel": "UseSourceVerification"') =>
  `{ "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  ${edge}
  "HostingProviders": [ { "Identity": "Exchange Online", ${provider}, "ProxyFqdn": "exap.um.outlook.com" } ] }`;
const EDGE = (settings: string) => `"AccessEdgeConfiguration": { ${settings} },`;
const FULL_EDGE = '"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "AllowFederatedUsers": true';

/** Microsoft's Exchange Online procedure, as issue 11 writes it. */
const EXCHANGE_ONLINE = `{ "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  "AccessEdgeConfiguration": { "AllowFederatedUsers": true },
  "HostingProviders": [ { "Identity": "Exchange Online", "Enabled": true, "EnabledSharedAddressSpace": true,
      "HostsOCSUsers": false, "ProxyFqdn": "exap.um.outlook.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification" } ] }`;

describe('what a file that does not state something means', () => {
  it("Microsoft's Exchange Online procedure: a warning on the routing it leaves to the Edge, and its script", () => {
    const analysis = check(EXCHANGE_ONLINE);
    assert.deepEqual(findings(EXCHANGE_ONLINE), ['LT307:warning']);
    const [warning] = analysis.diagnostics;
    assert.equal(EXCHANGE_ONLINE.slice(warning.span.start, warning.span.end), '"AccessEdgeConfiguration"');
    assert.match(warning.message, /must already use DNS SRV routing/);
    assert.deepEqual(script(EXCHANGE_ONLINE), [
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True',
      REPLICATION,
      "New-CsHostingProvider -Identity 'Exchange Online' -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn 'exap.um.outlook.com' -IsLocal $False -VerificationLevel UseSourceVerification",
    ]);
  });

  it('a shared-address-space provider without any Edge section: warnings on what the Edge must have, at the provider', () => {
    const text = '{ "HostingProviders": [ { "Identity": "Fabrikam", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com", "EnabledSharedAddressSpace": true, "HostsOCSUsers": true } ] }';
    const analysis = check(text);
    assert.deepEqual(findings(text), ['LT307:warning', 'LT307:warning']);
    assert.deepEqual(
      analysis.diagnostics.map((d) => text.slice(d.span.start, d.span.end)),
      ['{', 'true'],
      'routing at the provider, AllowFederatedUsers at its EnabledSharedAddressSpace',
    );
    assert.match(analysis.diagnostics[1].message, /AllowFederatedUsers.*must already have it true/);
    assert.deepEqual(script(text), [
      REPLICATION,
      "New-CsHostingProvider -Identity 'Fabrikam' -Enabled $True -ProxyFqdn 'sip.fabrikam.com' -EnabledSharedAddressSpace $True -HostsOCSUsers $True",
    ]);
  });

  it('the warning offers to state the setting, without changing anything else that is reported', () => {
    const analysis = check(EXCHANGE_ONLINE);
    const fix = analysis.diagnostics[0].fixes[0];
    assert.equal(fix.preferred, false, 'not applied by fix all: the file need not change the Edge');
    const fixed = applyFix(EXCHANGE_ONLINE, analysis.diagnostics[0]);
    assert.deepEqual(findings(fixed), []);
    assert.deepEqual(script(fixed)![0], 'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True -UseDnsSrvRouting -EnablePartnerDiscovery $False');
  });

  interface Case {
    readonly title: string;
    readonly text: string;
    readonly findings: readonly string[];
    /** The Set-CsAccessEdgeConfiguration line, or undefined when the file gives no script. */
    readonly edge?: string;
  }

  const cases: readonly Case[] = [
    // Routing of hosted Exchange UM.
    { title: 'routing stated wrongly: default routing', text: UM(EDGE('"UseDefaultRouting": true, "DefaultRouteFqdn": "edge.contoso.com", "AllowFederatedUsers": true')), findings: ['LT304:error', 'LT404:error'] },
    { title: 'routing stated rightly', text: UM(EDGE(FULL_EDGE)), findings: [], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False -AllowFederatedUsers $True' },
    { title: 'routing not stated: no Edge section', text: UM(''), findings: ['LT307:warning', 'LT307:warning'] },
    { title: 'routing not stated: the switch set to false leaves it out', text: UM(EDGE('"UseDnsSrvRouting": false, "AllowFederatedUsers": true')), findings: ['LT307:warning'], edge: 'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True' },
    { title: 'routing switch unreadable: only the type error', text: UM(EDGE('"UseDnsSrvRouting": "true", "EnablePartnerDiscovery": false, "AllowFederatedUsers": true')), findings: ['LT101:error'] },
    // AllowFederatedUsers.
    { title: 'AllowFederatedUsers stated wrongly', text: UM(EDGE('"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "AllowFederatedUsers": false')), findings: ['LT405:error'] },
    { title: 'AllowFederatedUsers not stated', text: UM(EDGE('"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false')), findings: ['LT307:warning'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False' },
    // EnablePartnerDiscovery: guidance, not a need of the set-up.
    { title: 'EnablePartnerDiscovery stated against guidance', text: UM(EDGE('"UseDnsSrvRouting": true, "EnablePartnerDiscovery": true, "AllowFederatedUsers": true')), findings: ['LT305:warning'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $True -AllowFederatedUsers $True' },
    { title: 'EnablePartnerDiscovery not stated beside UseDnsSrvRouting', text: UM(EDGE('"UseDnsSrvRouting": true, "AllowFederatedUsers": true')), findings: ['LT303:warning'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -AllowFederatedUsers $True' },
    { title: 'EnablePartnerDiscovery not stated, no routing switch either', text: '{ "AccessEdgeConfiguration": { "AllowAnonymousUsers": false } }', findings: [], edge: 'Set-CsAccessEdgeConfiguration -AllowAnonymousUsers $False' },
    // The provider values: New-CsHostingProvider creates it, so a value left out takes the documented default.
    { title: 'EnabledSharedAddressSpace stated wrongly', text: UM(EDGE(FULL_EDGE), '"Enabled": true, "EnabledSharedAddressSpace": false, "HostsOCSUsers": false, "IsLocal": false, "VerificationLevel": "UseSourceVerification"'), findings: ['LT402:error'] },
    { title: 'EnabledSharedAddressSpace and HostsOCSUsers not stated: the default false is wrong', text: UM(EDGE(FULL_EDGE), '"Enabled": true, "IsLocal": false, "VerificationLevel": "UseSourceVerification"'), findings: ['LT402:error', 'LT403:info'] },
    { title: 'IsLocal stated wrongly', text: UM(EDGE(FULL_EDGE), '"Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "IsLocal": true, "VerificationLevel": "UseSourceVerification"'), findings: ['LT402:error'] },
    { title: 'IsLocal not stated: the default false is right', text: UM(EDGE(FULL_EDGE), '"Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "VerificationLevel": "UseSourceVerification"'), findings: ['LT403:info'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False -AllowFederatedUsers $True' },
    { title: 'VerificationLevel not stated: the default is judged like a stated AlwaysVerifiable', text: UM(EDGE(FULL_EDGE), '"Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "IsLocal": false'), findings: ['LT409:info'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False -AllowFederatedUsers $True' },
    // What the file names for itself.
    { title: 'no SIP domain: the deployment must already have it', text: UM(EDGE(FULL_EDGE)).replace('"SipDomains": ["contoso.com"],', ''), findings: ['LT406:warning'], edge: 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False -AllowFederatedUsers $True' },
    // Plain federation with a provider needs DNS SRV routing too.
    { title: 'a plain provider with default routing stated', text: '{ "AccessEdgeConfiguration": { "UseDefaultRouting": true, "DefaultRouteFqdn": "edge.contoso.com" }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }', findings: ['LT304:error'] },
    { title: 'a plain provider, routing not stated', text: '{ "AccessEdgeConfiguration": { "AllowOutsideUsers": true }, "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] }', findings: ['LT307:warning'], edge: 'Set-CsAccessEdgeConfiguration -AllowOutsideUsers $True' },
  ];

  for (const testCase of cases) {
    it(testCase.title, () => {
      assert.deepEqual(findings(testCase.text), testCase.findings);
      const lines = script(testCase.text);
      if (testCase.findings.some((f) => f.endsWith(':error'))) {
        assert.equal(lines, undefined, 'an error keeps the script from being written');
        return;
      }
      assert.ok(lines, 'warnings and information never block the script');
      const edge = lines.find((line) => line.startsWith('Set-CsAccessEdgeConfiguration'));
      assert.equal(edge, testCase.edge);
      const providers = testCase.text.includes('"HostingProviders": [') ? 1 : 0;
      assert.equal(lines.filter((line) => line.startsWith('New-CsHostingProvider ')).length, providers, 'every provider is created');
    });
  }
});
