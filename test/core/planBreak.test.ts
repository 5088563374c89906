import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, plan, planScript, stepCommand, type Plan, type PlanStep } from '../../server/src/core';
import { commandArguments, commandLines, readCommand } from '../powershell';
import { StrictDeployment } from '../strictDeployment';

type Json = Record<string, unknown>;

/**
 * Plans from deployed files that try to break `lync-topology plan` (issue 14): each test states what the facts say
 * should happen, with the section of reference.md it rests on.
 */

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
const GLOBAL = { Identity: 'global', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'] };
const FABRIKAM = { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' };
const CONTACT = { SipAddress: 'sip:exumaa1@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550101' };

function planned(deployed: Json, desired: Json): Plan {
  const wanted = analyze(JSON.stringify(desired, null, 2));
  assert.deepEqual(wanted.blocking, [], 'the desired file of a test is clean');
  return plan(analyze(JSON.stringify(deployed, null, 2)), wanted);
}

/** The commands of a plan that change something. */
function commands(result: Plan): string[] {
  return commandLines(planScript(result, 'desired')!).filter((line) => !line.startsWith('Get-'));
}

/** The comment above `step` in the plan's script. */
function reasonAbove(result: Plan, step: PlanStep): string {
  const lines = planScript(result, 'desired')!.split('\n');
  return lines[lines.indexOf(stepCommand(step)) - 1];
}

/** Replays a plan; the first refusal, with the script, or undefined when every step is taken. */
function refusal(deployed: Json, result: Plan, isUser: (identity: string) => boolean = () => false): string | undefined {
  const deployment = new StrictDeployment(deployed, isUser);
  for (const [i, step] of result.steps!.entries()) {
    const refused = deployment.apply(step);
    if (refused !== undefined) return `step ${i + 1}, ${stepCommand(step)}, is refused: ${refused}\n${planScript(result, 'desired')}`;
  }
  return undefined;
}

describe('plan: values of the deployed file passed to an object created again', () => {
  const desired = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ ...FABRIKAM, ProxyFqdn: 'sip2.fabrikam.com' }] };

  it('never writes a deployed value outside its quotes, whatever its type in the deployed file', () => {
    // A deployed file is not checked like a desired one: this one states SipClientPort as a string.
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ ...FABRIKAM, SipClientPort: "443; Set-CsUser -Identity 'sip:x@contoso.com' -HostedVoiceMail $True" }] };
    const result = planned(deployed, desired);
    if (result.steps === undefined) return; // refusing such a deployed file is as good
    const lines = commands(result);
    for (const line of lines) readCommand(line);
    assert.equal(lines.filter((line) => line.startsWith('Set-CsUser')).length, 0);
  });

  it('never passes the opposite of what the deployed file states', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...CONTACT, AutoAttendant: 'True' }] };
    const result = planned(deployed, { ...deployed, ExUmContacts: [{ ...CONTACT, RegistrarPool: 'pool02.contoso.com' }] });
    if (result.steps === undefined) return;
    const created = commands(result).find((line) => line.startsWith('New-CsExUmContact'))!;
    assert.notEqual(commandArguments(created).get('AutoAttendant'), '$False', created);
  });

  it('says which settings a provider created again loses when the deployed file does not state them', () => {
    // As imported from Get-CsHostingProvider without Select-Object *, which hides those three (reference.md §1.6);
    // New-CsHostingProvider gives them their defaults (§1.3: EnabledSharedAddressSpace False), which breaks hosted UM if
    // the deployed provider had True. docs/format.md: an object created again is to change only in what is stated.
    const shown = { Identity: 'Exchange Online', Enabled: true, ProxyFqdn: 'exap.um.outlook.com', IsLocal: false, VerificationLevel: 'UseSourceVerification' };
    const result = planned({ HostingProviders: [shown] }, { HostingProviders: [{ ...shown, ProxyFqdn: 'exap2.um.outlook.com' }] });
    if (result.steps === undefined) return;
    const created = result.steps.find((s) => s.action === 'new')!;
    const said = [...result.findings.map((d) => d.message), created.reason];
    assert.ok(said.some((text) => text.includes('EnabledSharedAddressSpace')), said.join('\n'));
  });

  it('creates a provider again with both split-domain parameters or neither', () => {
    // reference.md §1.3 (L10/L13 parameter set B, HP-04): EnabledSharedAddressSpace and HostsOCSUsers are mandatory together.
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ ...FABRIKAM, EnabledSharedAddressSpace: true }] };
    const result = planned(deployed, desired);
    if (result.steps === undefined) return;
    assert.equal(refusal(deployed, result), undefined);
  });
});

describe('plan: a default route while hosting providers exist', () => {
  const defaultRoute = (fqdn: string) => ({ UseDefaultRouting: true, DefaultRouteFqdn: fqdn, AllowFederatedUsers: true });

  it('does not read a deployed section of the wrong type as an empty list', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: FABRIKAM };
    const result = planned(deployed, { AccessEdgeConfiguration: defaultRoute('proxy.fabrikam.com') });
    const removed = result.steps?.some((s) => s.cmdlet === 'Remove-CsHostingProvider') ?? true;
    assert.ok(removed, planScript(result, 'desired'));
  });

  it('removes the providers before assigning a new default route, when the Edge already routes by default', () => {
    // reference.md §1.1, DefaultRouteFqdn: every hosting provider must be deleted before a new default route can be assigned.
    const deployed = { AccessEdgeConfiguration: defaultRoute('proxy.fabrikam.com'), HostingProviders: [FABRIKAM] };
    const desired = { AccessEdgeConfiguration: defaultRoute('proxy2.fabrikam.com'), HostingProviders: [] };
    const result = planned(deployed, desired);
    assert.equal(refusal(deployed, result), undefined);
  });

  it('says the deployment must have no hosting provider when the deployed file does not list them', () => {
    // reference.md §1.1 rule 4; what the deployment must already have is a finding (or the step's reason says it).
    const result = planned({ AccessEdgeConfiguration: EDGE }, { AccessEdgeConfiguration: defaultRoute('proxy.fabrikam.com') });
    const [step] = result.steps!;
    const said = [...result.findings.map((d) => d.message), reasonAbove(result, step)];
    assert.ok(said.some((text) => /hosting provider/i.test(text)), said.join('\n'));
  });
});

describe('plan: what the deployed file shows that no order can change', () => {
  it("refuses to create a contact on a deployed user's SIP address", () => {
    // reference.md §1.10, SipAddress: a new address not used by any user or contact; the plan never removes users.
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: 'sip:exumaa1@contoso.com', HostedVoiceMail: true }], ExUmContacts: [] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [CONTACT] });
    assert.equal(result.steps, undefined, result.steps && refusal(deployed, result, (id) => id === 'sip:exumaa1@contoso.com'));
  });

  it("refuses to set a user on a SIP address the deployed file gives a contact that stays", () => {
    // The same fact from the other side: a SIP address names one user or one contact, so no user has this one.
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [CONTACT] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], Users: [{ Identity: CONTACT.SipAddress, HostedVoiceMail: true }] });
    assert.equal(result.steps, undefined, result.steps && refusal(deployed, result));
  });

  it('makes the default a hosted Exchange UM provider relies on exact against the deployed provider', () => {
    // reference.md §4.2 HP-05: a provider for hosted Exchange UM must have IsLocal false. The desired file leaves
    // IsLocal out (LT403: the default happens to match), which is true only of a provider the plan creates.
    const um = { Identity: 'Exchange Online', Enabled: true, ProxyFqdn: 'exap.um.outlook.com', EnabledSharedAddressSpace: true, HostsOCSUsers: false, VerificationLevel: 'UseSourceVerification' };
    const desired = { SipDomains: ['contoso.com'], ExchangeUM: { Mode: 'CrossPremises', HostingProviders: ['Exchange Online'] }, AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], HostingProviders: [um] };
    const result = planned({ AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], HostingProviders: [{ ...um, IsLocal: true }] }, desired);
    const fixes = result.steps?.some((s) => s.parameters.IsLocal === false) ?? false;
    const says = result.findings.some((d) => (d.severity === 'error' || d.severity === 'warning') && d.message.includes('IsLocal'));
    assert.ok(fixes || says, JSON.stringify(result.steps));
  });
});

describe('plan: what a deployed file that leaves the global policy out shows', () => {
  it('does not take a policy list without global for a deployment without a global policy', () => {
    // reference.md §1.14, VM-02: the global policy always exists; a list that leaves it out (such as the output of
    // Get-CsHostedVoicemailPolicy -Filter tag:*) says nothing of its Destination.
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [{ Identity: 'ExRedmond', Destination: 'exap.um.outlook.com' }] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true }] });
    assert.deepEqual(
      result.blocking.map((d) => d.message),
      [],
    );
    assert.deepEqual(
      result.findings.filter((d) => d.code === 'LT801').map((d) => d.severity),
      ['warning'],
    );
  });
});

describe('plan: the policy that applies to a user it enables', () => {
  it('checks the per-user policy the deployed file grants the user, not the global one', () => {
    // reference.md §1.11 and USR-01: enabling fails when the policy that applies has no Destination; per-user comes
    // before site and global (§1.14). The desired file grants nothing, so the deployed grant stays.
    const deployed = {
      AccessEdgeConfiguration: EDGE,
      HostedVoicemailPolicies: [GLOBAL, { Identity: 'ExRedmond' }],
      Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: false, HostedVoicemailPolicy: 'ExRedmond' }],
    };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true }] });
    if (result.steps === undefined) return;
    assert.equal(refusal(deployed, result, () => true), undefined);
  });
});

describe('plan: only what changes', () => {
  it('does not ungrant a policy from a contact it removes and creates again without it', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL, { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com' }], ExUmContacts: [{ ...CONTACT, HostedVoicemailPolicy: 'ExRedmond' }] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [{ ...CONTACT, RegistrarPool: 'pool02.contoso.com' }] });
    assert.deepEqual(
      result.steps!.map((s) => `${s.action} ${s.identity}`),
      ['remove sip:exumaa1@contoso.com', 'new sip:exumaa1@contoso.com', 'remove ExRedmond'],
    );
  });
});

describe('plan: a deployed file with a name twice', () => {
  it('leaves nothing to plan once it has run, or refuses the file', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: [FABRIKAM, { Identity: 'FABRIKAM', Enabled: false, ProxyFqdn: 'sip2.fabrikam.com' }] };
    const desired = { AccessEdgeConfiguration: EDGE, HostingProviders: [] };
    const result = planned(deployed, desired);
    if (result.steps === undefined) return;
    const deployment = new StrictDeployment(deployed, () => false);
    for (const step of result.steps) assert.equal(deployment.apply(step), undefined);
    assert.deepEqual(planned(deployment.toFile(), desired).steps?.map(stepCommand), []);
  });
});

describe('plan: the reason above each step is true', () => {
  it('never says the global policy is not deployed: it always is', () => {
    // reference.md §1.14 and VM-02: the global policy always exists.
    const result = planned({ AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [] }, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL] });
    const [step] = result.steps!;
    assert.equal(step.cmdlet, 'Set-CsHostedVoicemailPolicy');
    assert.doesNotMatch(step.reason, /not deployed/);
  });

  it('does not claim an object is not deployed when the deployed file has no such section', () => {
    const result = planned({ AccessEdgeConfiguration: EDGE }, { AccessEdgeConfiguration: EDGE, HostingProviders: [FABRIKAM] });
    const [step] = result.steps!;
    assert.equal(step.cmdlet, 'New-CsHostingProvider');
    assert.doesNotMatch(step.reason, /is not deployed yet/);
  });

  it('says a domain moves from the other list, rather than that it is not deployed', () => {
    const result = planned(
      { AccessEdgeConfiguration: EDGE, AllowedDomains: [], BlockedDomains: [{ Identity: 'fabrikam.com' }] },
      { AccessEdgeConfiguration: EDGE, AllowedDomains: [{ Identity: 'fabrikam.com' }], BlockedDomains: [] },
    );
    const added = result.steps!.find((s) => s.cmdlet === 'New-CsAllowedDomain')!;
    assert.doesNotMatch(added.reason, /not deployed/);
    assert.match(added.reason, /blocked/i);
  });
});

describe('plan: --format json steps are the script commands', () => {
  it('gives each parameter the value the command line passes', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], HostingProviders: [FABRIKAM] };
    const desired = {
      AccessEdgeConfiguration: EDGE,
      HostedVoicemailPolicies: [{ ...GLOBAL, Organization: ['contoso.onmicrosoft.com', 'fabrikam.com'] }],
      HostingProviders: [{ ...FABRIKAM, VerificationLevel: 'usesourceverification' }],
    };
    const result = planned(deployed, desired);
    for (const step of result.steps!) {
      const passed = Object.fromEntries(commandArguments(stepCommand(step)));
      // A tool that splats the JSON parameters passes strings as they are; PowerShell joins an array with spaces (reference.md §3.6).
      const data = Object.fromEntries(Object.entries(step.parameters).map(([name, value]) => [name, typeof value === 'boolean' ? `$${value ? 'True' : 'False'}` : value]));
      assert.deepEqual(data, passed, step.cmdlet);
    }
  });
});
