import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { analyze, importShellOutput, plan, planScript, type Plan } from '../../server/src/core';
import { EXAMPLES, repoFile } from '../helpers';
import { commandArguments, commandLines, readCommand } from '../powershell';
import { shellOutputOf } from '../shellPrinter';

type Json = Record<string, unknown>;

/** Why a plan checks replication after its last change that reaches the Edge Server. */
const CHECK_REASON =
  'check that the Central Management store has replicated the changes above to the Edge Server (UpToDate True); if not, run Invoke-CsManagementStoreReplication, wait a few minutes and check again';

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
const EXO = { Identity: 'Exchange Online', Enabled: true, EnabledSharedAddressSpace: true, HostsOCSUsers: false, ProxyFqdn: 'exap.um.outlook.com', IsLocal: false, VerificationLevel: 'UseSourceVerification' };
const FABRIKAM = { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' };
const GLOBAL = { Identity: 'global', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'] };
const REDMOND = { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com', Organization: ['redmond.contoso.com'] };
const AA = { SipAddress: 'sip:exumaa1@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550101', AutoAttendant: true };
const SA = { SipAddress: 'sip:exumsa1@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550102' };

/** A topology with the Edge and `sections` (each key a section). */
function topology(sections: Json): string {
  return JSON.stringify({ AccessEdgeConfiguration: EDGE, ...sections }, null, 2);
}

function planned(deployed: string, desired: string): Plan {
  const desiredAnalysis = analyze(desired);
  assert.deepEqual(desiredAnalysis.diagnostics.filter((d) => d.severity === 'error'), [], 'the desired file of a test is clean');
  return plan(analyze(deployed), desiredAnalysis);
}

/** The commands of the plan's script that change something, each read back by the independent reader. */
function commands(deployed: string, desired: string): string[] {
  const script = planScript(planned(deployed, desired), 'desired.lync.jsonc')!;
  const lines = commandLines(script).filter((line) => !line.startsWith('Get-'));
  for (const line of lines) readCommand(line);
  return lines;
}

/** The comment above a command in the plan's script. */
function reasonOf(deployed: string, desired: string, command: string): string {
  const lines = planScript(planned(deployed, desired), 'desired.lync.jsonc')!.split('\n');
  return lines[lines.indexOf(command) - 1];
}

describe('plan: one kind of change each', () => {
  it('changes one parameter with Set- and only that parameter', () => {
    const deployed = topology({ HostingProviders: [EXO, { ...FABRIKAM, VerificationLevel: 'AlwaysVerifiable' }] });
    const desired = topology({ HostingProviders: [EXO, { ...FABRIKAM, VerificationLevel: 'AlwaysUnverifiable' }] });
    assert.deepEqual(commands(deployed, desired), ["Set-CsHostingProvider -Identity 'Fabrikam' -VerificationLevel AlwaysUnverifiable"]);
    assert.match(reasonOf(deployed, desired, commands(deployed, desired)[0]), /^# "Fabrikam" differs from the deployment in VerificationLevel\.$/);
  });

  it('says which settings it passes because the deployed file does not state them, apart from those that differ', () => {
    // As imported from Get-CsHostingProvider without Select-Object *: the default view hides the split-domain settings.
    const shown = Object.fromEntries(Object.entries(EXO).filter(([key]) => key !== 'EnabledSharedAddressSpace' && key !== 'HostsOCSUsers'));
    const deployed = JSON.stringify({ AccessEdgeConfiguration: { UseDnsSrvRouting: true }, HostingProviders: [shown, { ...shown, Identity: 'Other', ProxyFqdn: 'um.other.com', Enabled: false }] });
    const desired = topology({ HostingProviders: [EXO, { ...EXO, Identity: 'Other', ProxyFqdn: 'um.other.com' }] });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, [
      "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True -EnablePartnerDiscovery $False",
      "Set-CsHostingProvider -Identity 'Exchange Online' -EnabledSharedAddressSpace $True -HostsOCSUsers $False",
      "Set-CsHostingProvider -Identity 'Other' -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False",
    ]);
    assert.equal(reasonOf(deployed, desired, lines[0]), '# The deployed file does not state AllowFederatedUsers, EnablePartnerDiscovery of the Edge configuration.');
    assert.equal(reasonOf(deployed, desired, lines[1]), '# The deployed file does not state EnabledSharedAddressSpace, HostsOCSUsers of "Exchange Online".');
    assert.equal(reasonOf(deployed, desired, lines[2]), '# "Other" differs from the deployment in Enabled; the deployed file does not state EnabledSharedAddressSpace, HostsOCSUsers.');
  });

  it('writes a UInt64 past 2^53 to the last digit, and tells two such numbers apart', () => {
    const port = (digits: string) => topology({ HostingProviders: [{ ...FABRIKAM, SipClientPort: 0 }] }).replace('"SipClientPort": 0', `"SipClientPort": ${digits}`);
    // Both numbers round to the same double: read as JSON numbers, they would look unchanged.
    assert.deepEqual(commands(port('18446744073709551614'), port('18446744073709551615')), ["Set-CsHostingProvider -Identity 'Fabrikam' -SipClientPort 18446744073709551615"]);
    assert.deepEqual(commands(port('18446744073709551615'), port('18446744073709551615')), []);
  });

  it('changes only the Edge settings that differ', () => {
    const deployed = topology({});
    const desired = JSON.stringify({ AccessEdgeConfiguration: { ...EDGE, AllowOutsideUsers: false } });
    assert.deepEqual(commands(deployed, desired), ['Set-CsAccessEdgeConfiguration -AllowOutsideUsers $False']);
  });

  it('passes a routing switch with the companion it needs, even when the companion is unchanged', () => {
    const deployed = JSON.stringify({ AccessEdgeConfiguration: { EnablePartnerDiscovery: false, AllowFederatedUsers: true } });
    assert.deepEqual(commands(deployed, topology({})), ['Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False']);
  });

  it('creates a new provider with everything the file states', () => {
    const deployed = topology({ HostingProviders: [EXO] });
    const desired = topology({ HostingProviders: [EXO, FABRIKAM] });
    assert.deepEqual(commands(deployed, desired), ["New-CsHostingProvider -Identity 'Fabrikam' -Enabled $True -ProxyFqdn 'sip.fabrikam.com'"]);
  });

  it('removes a provider the present list lacks; an absent section leaves providers alone', () => {
    const deployed = topology({ HostingProviders: [EXO, FABRIKAM] });
    assert.deepEqual(commands(deployed, topology({ HostingProviders: [EXO] })), ["Remove-CsHostingProvider -Identity 'Fabrikam'"]);
    assert.deepEqual(commands(deployed, topology({})), []);
  });

  it('re-creates a provider whose ProxyFqdn changed, saying federation stops in between', () => {
    const deployed = topology({ HostingProviders: [FABRIKAM] });
    const desired = topology({ HostingProviders: [{ ...FABRIKAM, ProxyFqdn: 'sip2.fabrikam.com' }] });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, ["Remove-CsHostingProvider -Identity 'Fabrikam'", "New-CsHostingProvider -Identity 'Fabrikam' -Enabled $True -ProxyFqdn 'sip2.fabrikam.com'"]);
    assert.match(reasonOf(deployed, desired, lines[0]), /ProxyFqdn cannot be changed in place.*federation with it stops in between/);
  });

  it('removes every provider before the Edge switches to a default route', () => {
    const deployed = topology({ HostingProviders: [EXO, FABRIKAM] });
    const desired = JSON.stringify({ AccessEdgeConfiguration: { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true } });
    assert.deepEqual(commands(deployed, desired), [
      "Remove-CsHostingProvider -Identity 'Exchange Online'",
      "Remove-CsHostingProvider -Identity 'Fabrikam'",
      "Set-CsAccessEdgeConfiguration -UseDefaultRouting -DefaultRouteFqdn 'proxy.fabrikam.com'",
    ]);
  });

  it('takes a domain off the blocked list before putting it on the allowed list', () => {
    const deployed = topology({ AllowedDomains: [], BlockedDomains: [{ Identity: 'fabrikam.com' }, { Identity: 'adatum.com' }] });
    const desired = topology({ AllowedDomains: [{ Identity: 'fabrikam.com', Comment: 'partner now' }], BlockedDomains: [{ Identity: 'adatum.com', Comment: 'spam' }] });
    assert.deepEqual(commands(deployed, desired), [
      "Remove-CsBlockedDomain -Identity 'fabrikam.com'",
      "New-CsAllowedDomain -Identity 'fabrikam.com' -Comment 'partner now'",
      "Set-CsBlockedDomain -Identity 'adatum.com' -Comment 'spam'",
    ]);
  });

  it('creates a policy before granting it', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true }] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' }] });
    assert.deepEqual(commands(deployed, desired), [
      "New-CsHostedVoicemailPolicy -Identity 'ExRedmond' -Destination 'exap.um.outlook.com' -Organization 'redmond.contoso.com'",
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:kenmyer@contoso.com' -PolicyName 'ExRedmond'",
    ]);
  });

  it('enables a user for hosted voice mail; users the file does not name are left alone', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: false }, { Identity: 'sip:other@contoso.com', HostedVoiceMail: true }] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: 'sip:KenMyer@contoso.com', HostedVoiceMail: true }] });
    assert.deepEqual(commands(deployed, desired), ["Set-CsUser -Identity 'sip:KenMyer@contoso.com' -HostedVoiceMail $True"]);
  });

  it('matches users by SIP address whatever its letter case, and says why a user named another way is set again', () => {
    const deployed = topology({
      HostedVoicemailPolicies: [GLOBAL, REDMOND],
      Users: [
        { Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true },
        { Identity: 'sip:pilar@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' },
        { Identity: 'sip:davidl@contoso.com', HostedVoiceMail: true },
      ],
    });
    const desired = topology({
      HostedVoicemailPolicies: [GLOBAL, REDMOND],
      Users: [
        { Identity: 'SIP:KenMyer@Contoso.com', HostedVoiceMail: true },
        { Identity: 'pilar@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' },
        { Identity: 'CONTOSO\\davidl', HostedVoiceMail: true },
      ],
    });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, [
      "Grant-CsHostedVoicemailPolicy -Identity 'pilar@contoso.com' -PolicyName 'ExRedmond'",
      "Set-CsUser -Identity 'pilar@contoso.com' -HostedVoiceMail $True",
      "Set-CsUser -Identity 'CONTOSO\\davidl' -HostedVoiceMail $True",
    ]);
    const why = /is not a SIP address, the only name Get-CsUser prints for a user: it cannot be compared with the deployed file's, so this is done again, which changes nothing on a user already set so\.$/;
    assert.match(reasonOf(deployed, desired, lines[0]), /^# Grant the per-user policy "ExRedmond": "pilar@contoso\.com" is not a SIP address/);
    for (const line of lines) assert.match(reasonOf(deployed, desired, line), why);
    assert.match(reasonOf(deployed, desired, lines[2]), /^# "CONTOSO\\davidl" is not a SIP address/);
  });

  it('adds and removes contacts, the removal first', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [SA] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...AA, DisplayNumber: '+14255550102' }] });
    assert.deepEqual(commands(deployed, desired), [
      "Remove-CsExUmContact -Identity 'sip:exumsa1@contoso.com'",
      "New-CsExUmContact -SipAddress 'sip:exumaa1@contoso.com' -RegistrarPool 'pool01.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550102' -AutoAttendant $True",
    ]);
  });

  it('changes a contact in place, and re-creates one moved to another pool', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [AA, SA] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...AA, Description: 'Main number' }, { ...SA, RegistrarPool: 'pool02.contoso.com' }] });
    assert.deepEqual(commands(deployed, desired), [
      "Set-CsExUmContact -Identity 'sip:exumaa1@contoso.com' -Description 'Main number'",
      "Remove-CsExUmContact -Identity 'sip:exumsa1@contoso.com'",
      "New-CsExUmContact -SipAddress 'sip:exumsa1@contoso.com' -RegistrarPool 'pool02.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550102'",
    ]);
  });

  it('leaves a contact in its OU however the file writes it: the unit by its name, or the DN in another case or with spaces', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [AA, SA] });
    for (const OU of ['ExUmContacts', 'ou=exumcontacts, dc=contoso, dc=com', 'OU=ExUmContacts , DC=contoso,DC=com']) {
      assert.deepEqual(commands(deployed, topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...AA, OU }, SA] })), [], OU);
    }
    const moved = commands(deployed, topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...AA, OU: 'Contacts' }, { ...SA, OU: 'OU=ExUmContacts,DC=fabrikam,DC=com' }] }));
    assert.deepEqual(moved.map((line) => line.split(' ')[0]), ['Remove-CsExUmContact', 'New-CsExUmContact', 'Remove-CsExUmContact', 'New-CsExUmContact']);
  });

  it('reads the escapes of a distinguished name as the directory does: a character escaped by its hex code is that character, an escaped space at the end is kept', () => {
    const contacts = (aa: string, sa: string) => topology({ HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...AA, OU: aa }, { ...SA, OU: sa }] });
    const deployed = contacts('OU=Ex\\,Um,DC=contoso,DC=com', 'OU=Caf\u00e9,DC=contoso,DC=com');
    assert.deepEqual(commands(deployed, contacts('OU=Ex\\2CUm,DC=contoso,DC=com', 'OU=Caf\\C3\\A9,DC=contoso,DC=com')), []);
    // "Ex " and "Ex\" are two units: the escaped space stays part of the name, the backslash is its own character.
    const spaced = contacts('OU=Ex\\ ,DC=contoso,DC=com', 'OU=Ex\\ ,DC=contoso,DC=com');
    const moved = commands(spaced, contacts('OU=Ex\\\\,DC=contoso,DC=com', 'OU=Ex\\20,DC=contoso,DC=com'));
    assert.deepEqual(moved.map((line) => line.split(' ')[0]), ['Remove-CsExUmContact', 'New-CsExUmContact']);
  });

  it('ungrants a policy before removing it, and never removes the global policy', () => {
    const deployed = topology({
      HostedVoicemailPolicies: [GLOBAL, REDMOND],
      Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' }],
      ExUmContacts: [{ ...AA, HostedVoicemailPolicy: 'ExRedmond' }],
    });
    const desired = topology({ HostedVoicemailPolicies: [], ExUmContacts: [AA] });
    assert.deepEqual(commands(deployed, desired), [
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:kenmyer@contoso.com' -PolicyName $Null",
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:exumaa1@contoso.com' -PolicyName $Null",
      "Remove-CsHostedVoicemailPolicy -Identity 'ExRedmond'",
    ]);
  });
});

describe('plan: a per-user policy taken away ("HostedVoicemailPolicy": null)', () => {
  const KEN = 'sip:kenmyer@contoso.com';
  const user = (policy?: string | null) => ({ Identity: KEN, HostedVoiceMail: true, ...(policy === undefined ? {} : { HostedVoicemailPolicy: policy }) });
  const ungrant = (identity: string) => `Grant-CsHostedVoicemailPolicy -Identity '${identity}' -PolicyName $Null`;

  it('takes away the policy the deployed user has, saying which', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user('ExRedmond')] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user(null), { Identity: 'sip:pilar@contoso.com', HostedVoicemailPolicy: 'ExRedmond' }] });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, [ungrant(KEN), "Grant-CsHostedVoicemailPolicy -Identity 'sip:pilar@contoso.com' -PolicyName 'ExRedmond'"]);
    assert.equal(reasonOf(deployed, desired, lines[0]), '# Take away the per-user policy "ExRedmond", so that the site or global policy applies.');
    const step = planned(deployed, desired).steps![0];
    assert.deepEqual([step.action, step.parameters], ['grant', { Identity: KEN, PolicyName: null }]);
  });

  it('changes nothing for a user the deployed file shows has no per-user policy', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [user(null)] });
    assert.deepEqual(commands(deployed, topology({ HostedVoicemailPolicies: [GLOBAL], Users: [user(null)] })), []);
    // Leaving the key out leaves the grant as it is, whatever the deployed file says.
    const granted = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user('ExRedmond')] });
    assert.deepEqual(commands(granted, topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user()] })), []);
  });

  it('grants a policy to a user the deployed file shows has none, as a grant, not a change', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user(null)] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user('ExRedmond')] });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, [`Grant-CsHostedVoicemailPolicy -Identity '${KEN}' -PolicyName 'ExRedmond'`]);
    assert.equal(reasonOf(deployed, desired, lines[0]), '# Grant the per-user policy "ExRedmond".');
  });

  it('takes it away all the same, saying the plan cannot tell, where the deployed file does not state the key or list the user', () => {
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [user(null)] });
    const unstated = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [user()] });
    assert.deepEqual(commands(unstated, desired), [ungrant(KEN)]);
    assert.equal(
      reasonOf(unstated, desired, ungrant(KEN)),
      `# The deployed file does not state HostedVoicemailPolicy of "${KEN}", so the plan cannot tell whether it has a per-user policy: take away any, which changes nothing if it has none.`,
    );
    for (const unlisted of [topology({ HostedVoicemailPolicies: [GLOBAL], Users: [] }), topology({ HostedVoicemailPolicies: [GLOBAL] })]) {
      assert.deepEqual(commands(unlisted, desired), [ungrant(KEN), `Set-CsUser -Identity '${KEN}' -HostedVoiceMail $True`]);
      assert.match(reasonOf(unlisted, desired, ungrant(KEN)), new RegExp(`^# The deployed file does not list "${KEN}", so the plan cannot tell`));
    }
    const upn = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: 'kenmyer@contoso.com', HostedVoicemailPolicy: null }] });
    assert.match(reasonOf(unstated, upn, ungrant('kenmyer@contoso.com')), /^# Take away any per-user policy: "kenmyer@contoso\.com" is not a SIP address/);
  });

  it('takes it away from a deployed contact that has one, and never from a contact it creates or creates again', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], ExUmContacts: [{ ...AA, HostedVoicemailPolicy: 'ExRedmond' }, { ...SA, HostedVoicemailPolicy: 'ExRedmond' }] });
    const moved = { ...SA, RegistrarPool: 'pool02.contoso.com', HostedVoicemailPolicy: null };
    const added = { SipAddress: 'sip:exumsa2@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550103', HostedVoicemailPolicy: null };
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], ExUmContacts: [{ ...AA, HostedVoicemailPolicy: null }, moved, added] });
    assert.deepEqual(commands(deployed, desired), [
      ungrant(AA.SipAddress),
      "Remove-CsExUmContact -Identity 'sip:exumsa1@contoso.com'",
      "New-CsExUmContact -SipAddress 'sip:exumsa1@contoso.com' -RegistrarPool 'pool02.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550102'",
      "New-CsExUmContact -SipAddress 'sip:exumsa2@contoso.com' -RegistrarPool 'pool01.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550103'",
    ]);
  });

  it('takes a removed policy away once, by the one ungrant path, before removing the policy', () => {
    const deployed = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user('ExRedmond')] });
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL], Users: [user(null)] });
    assert.deepEqual(commands(deployed, desired), [ungrant(KEN), "Remove-CsHostedVoicemailPolicy -Identity 'ExRedmond'"]);
  });

  it('plans nothing against an import of the deployment it describes, users and contacts without a policy included', () => {
    const desired = topology({ HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [user(null), { Identity: 'sip:pilar@contoso.com', HostedVoicemailPolicy: 'ExRedmond' }, { Identity: 'sip:davidl@contoso.com', HostedVoiceMail: false }], ExUmContacts: [AA, { ...SA, HostedVoicemailPolicy: null }] });
    const imported = importShellOutput([{ name: 'shell.txt', text: shellOutputOf(desired) }]);
    assert.deepEqual(imported.problems, []);
    assert.equal((imported.text!.match(/"HostedVoicemailPolicy": null/g) ?? []).length, 4, imported.text);
    assert.deepEqual(planned(imported.text!, desired).steps, []);
    // Against that import, taking the one granted policy away is exact: the others have none.
    const without = desired.replace('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": null');
    assert.deepEqual(commands(imported.text!, without), [ungrant('sip:pilar@contoso.com')]);
  });
});

describe('plan: free text cleared', () => {
  it('passes -Comment \'\' to clear a comment the deployment has, and nothing when it has none', () => {
    const deployed = topology({ AllowedDomains: [{ Identity: 'fabrikam.com', Comment: 'partner' }], BlockedDomains: [{ Identity: 'adatum.com' }] });
    const desired = topology({ AllowedDomains: [{ Identity: 'fabrikam.com', Comment: '' }], BlockedDomains: [{ Identity: 'adatum.com', Comment: '' }] });
    const lines = commands(deployed, desired);
    assert.deepEqual(lines, ["Set-CsAllowedDomain -Identity 'fabrikam.com' -Comment ''", "Set-CsBlockedDomain -Identity 'adatum.com' -Comment ''"]);
    assert.equal(commandArguments(lines[0]).get('Comment'), '');
    assert.equal(reasonOf(deployed, desired, lines[0]), '# "fabrikam.com" differs from the deployment in Comment.');
    assert.equal(reasonOf(deployed, desired, lines[1]), '# The deployed file does not state Comment of "adatum.com".');
    assert.deepEqual(commands(desired, desired), []);
  });

  it('clears a description of a policy and of a contact the same way', () => {
    const deployed = topology({ HostedVoicemailPolicies: [{ ...GLOBAL, Description: 'old' }], ExUmContacts: [{ ...AA, Description: 'Main number' }] });
    const desired = topology({ HostedVoicemailPolicies: [{ ...GLOBAL, Description: '' }], ExUmContacts: [{ ...AA, Description: '' }] });
    assert.deepEqual(commands(deployed, desired), ["Set-CsHostedVoicemailPolicy -Identity 'global' -Description ''", "Set-CsExUmContact -Identity 'sip:exumaa1@contoso.com' -Description ''"]);
  });
});

describe('plan: empty, refused, as data', () => {
  it('says so when there is nothing to change', () => {
    const file = topology({ HostingProviders: [EXO] });
    const result = planned(file, file);
    assert.deepEqual(result.steps, []);
    assert.match(planScript(result, 'x')!, /# Nothing to change: the deployment already is what the file says\.\n$/);
  });

  it('refuses a desired file with errors, and plans nothing', () => {
    const result = plan(analyze(topology({})), analyze(topology({ HostingProviders: [{ Identity: 'Fabrikam', Enabled: 'yes', ProxyFqdn: 'sip.fabrikam.com' }] })));
    assert.equal(result.steps, undefined);
    assert.ok(result.blocking.some((d) => d.code === 'LT101'));
    assert.equal(planScript(result, 'x'), undefined);
  });

  it('gives each step as {action, cmdlet, identity, parameters, reason}', () => {
    const deployed = topology({ HostingProviders: [FABRIKAM] });
    const desired = JSON.stringify({ AccessEdgeConfiguration: { ...EDGE, AllowAnonymousUsers: true }, HostingProviders: [{ ...FABRIKAM, Enabled: false }] });
    const steps = JSON.parse(JSON.stringify(planned(deployed, desired).steps)) as Json[];
    assert.deepEqual(steps, [
      { action: 'set', cmdlet: 'Set-CsAccessEdgeConfiguration', identity: null, parameters: { AllowAnonymousUsers: true }, reason: 'the deployed file does not state AllowAnonymousUsers of the Edge configuration' },
      { action: 'set', cmdlet: 'Set-CsHostingProvider', identity: 'Fabrikam', parameters: { Identity: 'Fabrikam', Enabled: false }, reason: '"Fabrikam" differs from the deployment in Enabled' },
      { action: 'check', cmdlet: 'Get-CsManagementStoreReplicationStatus', identity: null, parameters: {}, reason: CHECK_REASON },
    ]);
  });

  it('keeps hostile names inside their quotes, as read back by the independent reader', () => {
    const hostile = "O'Brien‘s’ ‚UM‛ $(Remove-Item C:\\) `n";
    const deployed = topology({ HostingProviders: [{ ...FABRIKAM, Identity: hostile }], BlockedDomains: [] });
    const desired = topology({ HostingProviders: [{ ...FABRIKAM, Identity: hostile, ProxyFqdn: 'sip2.fabrikam.com' }, { ...FABRIKAM, Identity: `${hostile}2`, ProxyFqdn: 'x.fabrikam.com' }] });
    const lines = commands(deployed, desired);
    assert.equal(lines.length, 3);
    assert.equal(commandArguments(lines[0]).get('Identity'), hostile);
    assert.equal(commandArguments(lines[1]).get('Identity'), hostile);
    assert.equal(commandArguments(lines[2]).get('Identity'), `${hostile}2`);
  });

  it('joins a value that is the stop-parsing token to its parameter, so that the rest of the line stays parameters', () => {
    const deployed = topology({ BlockedDomains: [{ Identity: 'adatum.com' }] });
    const desired = topology({ BlockedDomains: [{ Identity: 'adatum.com', Comment: '--%' }] });
    const [line] = commands(deployed, desired);
    assert.equal(line, "Set-CsBlockedDomain -Identity 'adatum.com' -Comment:'--%'");
    assert.equal(commandArguments(line).get('Comment'), '--%');
  });
});

describe('plan: what the deployment must already have, made exact', () => {
  /** Hosted Exchange UM that leaves the Edge as the deployment has it: LT307 twice (routing and AllowFederatedUsers). */
  const desired = JSON.stringify({ SipDomains: ['contoso.com'], ExchangeUM: { Mode: 'CrossPremises', HostingProviders: ['Exchange Online'] }, HostingProviders: [EXO] });
  const lt307 = (p: Plan) => p.findings.filter((d) => d.code === 'LT307').map((d) => `${d.severity} ${d.message.includes('UseDnsSrvRouting') ? 'routing' : 'federation'}`);

  it('keeps the warnings when the deployed file does not say', () => {
    const result = plan(analyze('{}'), analyze(desired));
    assert.deepEqual(lt307(result).sort(), ['warning federation', 'warning routing']);
    assert.ok(result.steps);
  });

  it('drops them when the deployed Edge has what the set-up needs', () => {
    const result = plan(analyze(topology({ HostingProviders: [EXO] })), analyze(desired));
    assert.deepEqual(lt307(result), []);
    assert.deepEqual(result.steps, []);
  });

  it('makes them errors that block the plan when the deployed Edge has not', () => {
    const deployed = JSON.stringify({ AccessEdgeConfiguration: { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: false } });
    const result = plan(analyze(deployed), analyze(desired));
    assert.equal(result.steps, undefined);
    assert.deepEqual(lt307(result).sort(), ['error federation', 'error routing']);
    assert.deepEqual(result.blocking.filter((d) => d.code === 'LT307'), result.findings.filter((d) => d.code === 'LT307'));
    assert.ok(result.blocking.some((d) => /The deployed file shows that the Edge Server uses default routing\.$/.test(d.message)));
  });

  it("checks the global policy's Destination and a granted policy the file does not define against the deployed policies", () => {
    const users = { Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' }, { Identity: 'sip:pilar@contoso.com', HostedVoiceMail: true }] };
    const wanted = analyze(JSON.stringify(users));
    const codes = (p: Plan) => p.findings.map((d) => `${d.severity} ${d.code}`).sort();
    assert.deepEqual(codes(plan(analyze('{}'), wanted)), ['warning LT705', 'warning LT801']);
    assert.deepEqual(codes(plan(analyze(JSON.stringify({ HostedVoicemailPolicies: [GLOBAL, REDMOND] })), wanted)), []);
    const lacking = plan(analyze(JSON.stringify({ HostedVoicemailPolicies: [{ Identity: 'global' }] })), wanted);
    assert.deepEqual(codes(lacking), ['error LT705', 'error LT801']);
    assert.ok(lacking.blocking.some((d) => d.message.endsWith('The deployed file shows that it has no per-user policy "ExRedmond".')));
  });
});

describe('plan: round trip through the Management Shell text', () => {
  for (const example of EXAMPLES.filter((e) => !e.includes('mistakes'))) {
    it(`${example}: importing what the shell prints for it and planning against it changes nothing`, () => {
      const text = repoFile(example);
      const imported = importShellOutput([{ name: 'shell.txt', text: shellOutputOf(text) }]);
      assert.deepEqual(imported.problems, []);
      // The printer covers every section and entry the example has, so that the empty plan below covers them too.
      const entries = (file: string) => Object.entries(parse(file) as Json).filter(([key]) => !/^(ServerVersion|SipDomains|ExchangeUM)$/.test(key)).map(([key, value]) => [key, Array.isArray(value) ? value.length : 'one']);
      assert.deepEqual(entries(imported.text!), entries(text));
      const result = planned(imported.text!, text);
      assert.deepEqual(result.steps, []);
      assert.match(planScript(result, example)!, /# Nothing to change: the deployment already is what the file says\.\n$/);
    });
  }
});
