import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, importShellOutput, plan, planScript, stepCommand, type Plan } from '../../server/src/core';
import { StrictDeployment } from '../strictDeployment';

type Json = Record<string, unknown>;

/**
 * The second attempt to break `lync-topology plan` and `import` (issue 14), after the first round of fixes: each
 * test states what the facts say should happen, with the section of reference.md it rests on. Faults still open are
 * marked `todo`, so that the suite stays green and each one shows in the test report.
 */

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
const GLOBAL = { Identity: 'global', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'] };
const REDMOND = { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com' };
const FABRIKAM = { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' };

function contact(x: string, number: string, more: Json = {}): Json {
  return { SipAddress: `sip:exum${x}@contoso.com`, RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: number, ...more };
}

function planned(deployed: Json | string, desired: Json): Plan {
  const wanted = analyze(JSON.stringify(desired, null, 2));
  assert.deepEqual(wanted.blocking, [], 'the desired file of a test is clean');
  return plan(analyze(typeof deployed === 'string' ? deployed : JSON.stringify(deployed, null, 2)), wanted);
}

function script(result: Plan): string {
  return planScript(result, 'desired') ?? `refused: ${result.blocking.map((d) => d.message).join('; ')}`;
}

/** Replays a plan on the stricter deployment; the first refusal, with the script, or undefined when every step is taken. */
function refusal(deployed: Json, result: Plan): string | undefined {
  const deployment = new StrictDeployment(deployed, (identity) => identity.toLowerCase() === 'sip:kenmyer@contoso.com');
  for (const [i, step] of (result.steps ?? []).entries()) {
    const refused = deployment.apply(step);
    if (refused !== undefined) return `step ${i + 1}, ${stepCommand(step)}, is refused: ${refused}\n${script(result)}`;
  }
  return undefined;
}

describe('plan: LT801 made exact against the policy that applies once the plan has run', () => {
  // reference.md §1.11 and USR-01: enabling a user for hosted voice mail fails when the policy that applies has no
  // Destination; per-user comes before site and global (§1.14). The deployed file shows the global policy without
  // one, and the user's per-user grant is taken away by this very plan, before Set-CsUser runs.
  const deployed = {
    AccessEdgeConfiguration: EDGE,
    HostedVoicemailPolicies: [{ Identity: 'global' }, REDMOND],
    Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: false, HostedVoicemailPolicy: 'ExRedmond' }],
  };

  it('refuses to enable a user whose per-user policy the plan removes, leaving a global policy without Destination', () => {
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [], Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true }] });
    assert.equal(refusal(deployed, result), undefined);
  });

  it('refuses to enable a user whose grant the file takes away (null), leaving a global policy without Destination', () => {
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: null }] });
    assert.equal(refusal(deployed, result), undefined);
  });
});

describe('plan: a ring of contacts broken where one held a policy the plan removes', () => {
  it('does not take the policy away from the contact it then removes and creates again without it', () => {
    // Issue 14: the plan prints only what changes. The contact broken out of the ring is removed and created again
    // without the policy (it is being removed), so taking the policy away from it first changes nothing that stays;
    // the same case with a pool move instead of a ring has no such step (test/core/planBreak.test.ts).
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL, REDMOND], ExUmContacts: [contact('a', '+14255550101', { HostedVoicemailPolicy: 'ExRedmond' }), contact('b', '+14255550102')] };
    const desired = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [contact('a', '+14255550102'), contact('b', '+14255550101')] };
    const result = planned(deployed, desired);
    const removed = new Set(result.steps!.filter((s) => s.action === 'remove').map((s) => s.identity));
    const ungrantsOfRemoved = result.steps!.filter((s) => s.action === 'grant' && s.parameters.PolicyName === null && removed.has(s.identity));
    assert.deepEqual(ungrantsOfRemoved.map(stepCommand), [], script(result));
  });
});

describe('plan: a user named by a SIP address the deployed file gives a contact', () => {
  it('refuses to set a user on the SIP address of a contact it removes: no user has that address', () => {
    // reference.md §1.10, SipAddress: an address is used by one user or contact only. The deployed contact holds
    // it, so no user has it; removing the contact does not make a user, and the plan never creates users
    // (Set-CsUser only changes one that exists, §1.11). heldByDeployment refuses this while the contact stays.
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [contact('a', '+14255550101')] };
    const desired = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: [], Users: [{ Identity: 'sip:exuma@contoso.com', HostedVoiceMail: true }] };
    const result = planned(deployed, desired);
    assert.equal(result.steps, undefined, script(result));
  });
});

describe('plan: the reason above the Edge step', () => {
  it('does not name an undefined routing method when the deployed file states none', () => {
    // Issue 14: each step has a comment saying why it is there; this one is built from a routing method the
    // deployed file does not state (imported without RoutingMethod, or written by hand).
    const result = planned({ AccessEdgeConfiguration: { AllowFederatedUsers: true } }, { AccessEdgeConfiguration: { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true }, HostingProviders: [] });
    const edge = result.steps!.find((s) => s.cmdlet === 'Set-CsAccessEdgeConfiguration')!;
    assert.doesNotMatch(edge.reason, /undefined/);
  });

  it('does not remove providers "before the Edge changes" when the Edge keeps its default route', () => {
    // reference.md §1.1 rule 4: the providers must go before a *new* default route is assigned. Here the Edge keeps
    // the route it has, so no Edge step runs, and the file has no HostingProviders section, which leaves them alone
    // (docs/format.md, whole lists). A plan may still remove them, but not saying the Edge changes.
    const route = { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true };
    const result = planned({ AccessEdgeConfiguration: route, HostingProviders: [FABRIKAM] }, { AccessEdgeConfiguration: route });
    const edgeChanges = result.steps!.some((s) => s.cmdlet === 'Set-CsAccessEdgeConfiguration');
    const untrue = result.steps!.filter((s) => !edgeChanges && /before the Edge changes/.test(s.reason));
    assert.deepEqual(untrue.map((s) => `${stepCommand(s)}: ${s.reason}`), [], script(result));
  });
});

describe('plan: a parameter of the default-route set that assigns no route', () => {
  it('does not remove the hosting providers when the Edge only changes VerificationLevel', () => {
    // reference.md §1.1 DefaultRouteFqdn and rule 4: the providers must go before a new default route is assigned,
    // which takes -UseDefaultRouting with -DefaultRouteFqdn. VerificationLevel alone assigns none, and the file has no
    // HostingProviders section, which leaves them alone (docs/format.md). The plan removes Exchange Online, saying
    // "removed before the Edge changes" to a default route. (Neither does anything say that VerificationLevel exists
    // only on an Edge that routes by default, while the deployed file shows DNS SRV routing.)
    const exchangeOnline = { Identity: 'Exchange Online', Enabled: true, ProxyFqdn: 'exap.um.outlook.com' };
    const result = planned({ AccessEdgeConfiguration: EDGE, HostingProviders: [exchangeOnline] }, { AccessEdgeConfiguration: { VerificationLevel: 'AlwaysVerifiable' } });
    const removed = (result.steps ?? []).filter((s) => s.cmdlet === 'Remove-CsHostingProvider');
    assert.deepEqual(removed.map((s) => `${stepCommand(s)}: ${s.reason}`), [], script(result));
  });
});

describe('plan: the global policy named with the per-user prefix', () => {
  it('does not change "tag:global" as the global policy while the checks call it a per-user policy', () => {
    // reference.md §1.14: `tag:` is the per-user scope and the global policy is `global`; LT703 on the desired file
    // reads "tag:global" as a per-user policy, while the plan (and LT501) take it for the global one and pass the
    // per-user identity to Set-, which names a policy that does not exist.
    const desired = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [{ ...GLOBAL, Identity: 'tag:global', Description: 'main' }] };
    const wanted = analyze(JSON.stringify(desired, null, 2));
    const perUser = wanted.diagnostics.some((d) => /per-user/.test(d.message) && d.message.includes('"tag:global"'));
    const result = plan(analyze(JSON.stringify({ AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL] })), wanted);
    const setsTagged = result.steps?.some((s) => s.action === 'set' && s.identity?.toLowerCase() === 'tag:global') ?? false;
    assert.ok(!(perUser && setsTagged), script(result));
  });
});

describe('import then plan: what the shell printed empty', () => {
  it('plans nothing for a Comment the file clears that the shell printed empty', { todo: 'fault: the import drops an empty Comment, so the plan sets -Comment \'\' saying the deployed file does not state it' }, () => {
    // shell-output.md: an empty value prints as the name, the separator and nothing (`Comment :` in
    // shell-output/03-*.txt). docs/format.md: `"Comment": ""` leaves the domain without a comment, which the
    // output says it already is, so there is nothing to change, and no reason may say the deployed file is silent.
    const shown = 'Identity          : contoso.com\nDomain            : contoso.com\nProxyFqdn         :\nComment           :\nMarkForMonitoring : False\n';
    const imported = importShellOutput([{ name: 'Get-CsAllowedDomain', text: shown }]);
    assert.deepEqual(imported.problems, []);
    const result = planned(imported.text!, { AllowedDomains: [{ Identity: 'contoso.com', Comment: '', MarkForMonitoring: false }] });
    assert.deepEqual(result.steps?.map(stepCommand), [], script(result));
  });
});

describe('import: a value the file cannot state', () => {
  it('does not write, with no problem reported, a file whose own checks refuse it', () => {
    // Export-Csv quotes a value holding a line break (RFC 4180). Issue 14: text the import cannot read is an error
    // with its line number, nothing written; a file written is one `plan --from` can start from, and LT105 in a
    // deployed file refuses every plan (docs/format.md). The value also comes back with CR LF turned to LF.
    const csv = '"Identity","Description","Destination","Organization"\r\n"Tag:ExRedmond","line one\r\nline two","exap.um.outlook.com","contoso.onmicrosoft.com"\r\n';
    const imported = importShellOutput([{ name: 'policies.csv', text: csv }]);
    if (imported.problems.length > 0) return;
    const codes = analyze(imported.text!).blocking.map((d) => d.code);
    assert.deepEqual(codes, [], imported.text);
  });
});

describe('plan: a policy removed when the deployed file does not list who holds it', () => {
  it('says that users and contacts the deployed file does not list must not hold the policy it removes', () => {
    // Issue 14: a policy is ungranted before it is removed. A deployed file imported without Get-CsUser and
    // Get-CsExUmContact cannot show who holds it, so the plan cannot ungrant them; what the deployment must then
    // already have is said, as the plan does of hosting providers before a default route (test/core/planBreak.test.ts).
    const deployed = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL, REDMOND] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL] });
    const removal = result.steps!.find((s) => s.cmdlet === 'Remove-CsHostedVoicemailPolicy')!;
    const said = [...result.findings.map((d) => d.message), removal.reason];
    assert.ok(said.some((text) => /user|contact|grant/i.test(text)), said.join('\n'));
  });
});

describe('plan: the reason above a provider created again, for Lync Server 2010', () => {
  it('does not ask to state a setting that the server version of the file does not have', () => {
    // reference.md §1.3: SipClientPort exists in the Lync Server 2013 edition of New-CsHostingProvider and later;
    // the check refuses it in a 2010 file (LT203), so the 2010 provider created again takes no such default.
    const provider = { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' };
    const file = (proxy: string) => ({ ServerVersion: 'Lync Server 2010', AccessEdgeConfiguration: EDGE, HostingProviders: [{ ...provider, ProxyFqdn: proxy }] });
    const result = planned(file('sip.fabrikam.com'), file('sip2.fabrikam.com'));
    const created = result.steps!.find((s) => s.action === 'new')!;
    assert.doesNotMatch(created.reason, /SipClientPort/);
  });
});

describe('import: every property left out is named', () => {
  it("names a contact's Identity (its distinguished name) among what it leaves out", () => {
    // Issue 14: read-only or unknown properties are kept out of the file with a comment naming them, never silently.
    // Get-CsExUmContact prints Identity as the contact's distinguished name (reference.md §1.10, Set-CsExUmContact
    // -Identity: `CN={guid},OU=...`), which is not the SipAddress the file names the contact by.
    const shown = [
      'Identity              : CN={6c2b0e1a-0d43-4bb4-9a53-0a8f8b7e1c11},OU=ExUmContacts,DC=contoso,DC=com',
      'RegistrarPool         : pool01.contoso.com',
      'SipAddress            : sip:exumaa1@contoso.com',
      'DisplayNumber         : +14255550101',
      'AutoAttendant         : True',
      'HostedVoicemailPolicy :',
      'OU                    : OU=ExUmContacts,DC=contoso,DC=com',
      '',
    ].join('\n');
    const imported = importShellOutput([{ name: 'Get-CsExUmContact', text: shown }]);
    const comments = (imported.text ?? '').split('\n').filter((line) => line.trim().startsWith('//'));
    assert.ok(comments.some((line) => /\bIdentity\b/.test(line)), imported.text);
  });
});

describe('plan: a deployed file that states both routing methods', () => {
  const deployed = { AccessEdgeConfiguration: { UseDnsSrvRouting: true, UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true } };
  for (const [name, edge, chosen] of [
    ['DNS SRV routing', { UseDnsSrvRouting: true, EnablePartnerDiscovery: false, AllowFederatedUsers: true }, 'UseDnsSrvRouting'],
    ['a default route', { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true }, 'UseDefaultRouting'],
  ] as const) {
    it(`refuses it, or selects ${name} as the desired file does, rather than guess which one the Edge uses`, () => {
      // reference.md §1.1: the routing modes are exclusive parameter sets, and Get-CsAccessEdgeConfiguration prints one
      // RoutingMethod; such a file describes no deployment, as LT301 says. The plan leaves out the switch the desired
      // file states, as if the Edge already used it.
      const result = planned(deployed, { AccessEdgeConfiguration: edge, HostingProviders: [] });
      assert.ok(result.steps === undefined || result.steps.some((s) => s.parameters[chosen] === true), script(result));
    });
  }
});
