import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, plan, planScript, stepCommand, type Plan } from '../../server/src/core';
import { Deployment } from '../deployment';
import { contacts, DOMAINS, each, EDGE, GLOBAL, holders, numbers, POLICIES, POOLS, PROVIDERS, PROXIES, USERS } from '../planPools';
import { commandLines, readCommand } from '../powershell';

type Json = Record<string, unknown>;

/**
 * Plans replayed on a deployment that refuses what the Management Shell refuses (test/deployment.ts): every
 * step must be accepted, in the order the plan gives, and the deployment reached must plan to nothing. The
 * files draw names and unique values from small pools, so that objects give up, take and exchange values.
 */

const DEFAULT_ROUTE = { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true };
const CONTACTS = contacts(4);
const NUMBERS = numbers(4);

const side = fc.record({
  defaultRoute: fc.boolean(),
  policies: fc.subarray(POLICIES),
  domains: each(fc.constantFrom('AllowedDomains', 'BlockedDomains', undefined), DOMAINS.length),
  comments: each(fc.constantFrom(undefined, 'partner', 'old partner'), DOMAINS.length),
  providers: holders(PROVIDERS, PROXIES, fc.boolean()),
  users: each(fc.record({ on: fc.boolean(), policy: fc.constantFrom(...POLICIES, undefined) }), USERS.length),
  contacts: holders(CONTACTS, NUMBERS, fc.record({ pool: fc.constantFrom(...POOLS), policy: fc.constantFrom(...POLICIES, undefined), description: fc.constantFrom(undefined, 'main') })),
});

type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

function topologyOf(s: Side, deployed: boolean): Json {
  const policy = (name: string | undefined) => (name !== undefined && s.policies.includes(name) ? { HostedVoicemailPolicy: name } : {});
  const [providers, proxies, enabled] = s.providers;
  const [contacts, numbers, settings] = s.contacts;
  const domains = (key: string) => DOMAINS.flatMap((d, i) => (s.domains[i] === key ? [{ Identity: d, ...(s.comments[i] ? { Comment: s.comments[i] } : {}) }] : []));
  return {
    AccessEdgeConfiguration: s.defaultRoute ? DEFAULT_ROUTE : EDGE,
    AllowedDomains: domains('AllowedDomains'),
    BlockedDomains: domains('BlockedDomains'),
    ...(s.defaultRoute ? (deployed ? { HostingProviders: [] } : {}) : { HostingProviders: providers.map((p, i) => ({ Identity: p, Enabled: enabled[i], ProxyFqdn: proxies[i] })) }),
    HostedVoicemailPolicies: [GLOBAL, ...s.policies.map((p) => ({ Identity: p, Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'] }))],
    Users: USERS.flatMap((u, i) => (s.users[i].on ? [{ Identity: u, HostedVoiceMail: true, ...policy(s.users[i].policy) }] : [])),
    ExUmContacts: contacts.map((c, i) => ({
      SipAddress: c,
      RegistrarPool: settings[i].pool,
      OU: 'OU=ExUmContacts,DC=contoso,DC=com',
      DisplayNumber: numbers[i],
      ...(settings[i].description ? { Description: settings[i].description } : {}),
      ...policy(settings[i].policy),
    })),
  };
}

function planned(deployed: Json, desired: Json): Plan {
  const desiredAnalysis = analyze(JSON.stringify(desired, null, 2));
  assert.deepEqual(desiredAnalysis.blocking, [], 'the desired file is clean');
  return plan(analyze(JSON.stringify(deployed, null, 2)), desiredAnalysis);
}

/** Replays the plan from `deployed` to `desired`; throws at the first step the deployment refuses. */
function replay(deployed: Json, desired: Json): Plan {
  const result = planned(deployed, desired);
  assert.ok(result.steps, `planned: ${result.blocking.map((d) => d.message).join('; ')}`);
  const deployment = new Deployment(deployed, (identity) => USERS.includes(identity));
  for (const [i, step] of result.steps.entries()) {
    const refused = deployment.apply(step);
    assert.equal(refused, undefined, `step ${i + 1}, ${stepCommand(step)}, is refused: ${refused}\n${planScript(result, 'desired')}`);
  }
  assert.deepEqual(planned(deployment.toFile(), desired).steps, [], 'the deployment reached is what the desired file says');
  return result;
}

const contact = (name: string, number: string, extra: Json = {}) => ({ SipAddress: `sip:exum${name}@contoso.com`, RegistrarPool: POOLS[0], OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: number, ...extra });
const withContacts = (contacts: Json[], extra: Json = {}) => ({ AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL], ExUmContacts: contacts, ...extra });

describe('plan: no step takes a value another object still holds', () => {
  it('moves a contact off a number before a new contact takes it', () => {
    const deployed = withContacts([contact('aa', NUMBERS[0])]);
    const desired = withContacts([contact('aa2', NUMBERS[0]), contact('aa', NUMBERS[3])]);
    const commands = commandLines(planScript(replay(deployed, desired), 'desired')!);
    assert.deepEqual(commands, [
      "Set-CsExUmContact -Identity 'sip:exumaa@contoso.com' -DisplayNumber '+14255550104'",
      "New-CsExUmContact -SipAddress 'sip:exumaa2@contoso.com' -RegistrarPool 'pool01.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550101'",
    ]);
  });

  it('exchanges two numbers by removing one contact, changing the other and creating the first again with what it had', () => {
    const deployed = withContacts([contact('a', NUMBERS[0], { Description: 'main', HostedVoicemailPolicy: 'ExRedmond' }), contact('b', NUMBERS[1])], {
      HostedVoicemailPolicies: [GLOBAL, { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com' }],
    });
    const desired = withContacts([contact('a', NUMBERS[1]), contact('b', NUMBERS[0])], { HostedVoicemailPolicies: [GLOBAL, { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com' }] });
    const result = replay(deployed, desired);
    const script = planScript(result, 'desired')!;
    const commands = commandLines(script);
    for (const line of commands) readCommand(line);
    assert.deepEqual(commands, [
      "Remove-CsExUmContact -Identity 'sip:exuma@contoso.com'",
      "Set-CsExUmContact -Identity 'sip:exumb@contoso.com' -DisplayNumber '+14255550101'",
      "New-CsExUmContact -SipAddress 'sip:exuma@contoso.com' -RegistrarPool 'pool01.contoso.com' -OU 'OU=ExUmContacts,DC=contoso,DC=com' -DisplayNumber '+14255550102' -Description 'main'",
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:exuma@contoso.com' -PolicyName 'ExRedmond'",
    ]);
    const lines = script.split('\n');
    const reason = (command: string) => lines[lines.indexOf(command) - 1];
    assert.match(reason(commands[0]), /takes DisplayNumber "\+14255550102" from "sip:exumb@contoso\.com", and the values go round back to "sip:exuma@contoso\.com"'s own: no Set- of them can run first/);
    assert.match(reason(commands[2]), /created again with DisplayNumber "\+14255550102", now free; Description, HostedVoicemailPolicy as deployed/);
  });

  it('turns a ring of three exchanged numbers into one removal and two changes', () => {
    const deployed = withContacts([contact('a', NUMBERS[0]), contact('b', NUMBERS[1]), contact('c', NUMBERS[2])]);
    const desired = withContacts([contact('a', NUMBERS[1]), contact('b', NUMBERS[2]), contact('c', NUMBERS[0])]);
    const actions = replay(deployed, desired).steps!.map((s) => `${s.action} ${s.identity}`);
    assert.deepEqual(actions, ['remove sip:exuma@contoso.com', 'set sip:exumc@contoso.com', 'set sip:exumb@contoso.com', 'new sip:exuma@contoso.com']);
  });

  it('re-creates a provider on a new ProxyFqdn before another provider, listed first, takes its old one', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ Identity: 'Fabrikam', Enabled: true, ProxyFqdn: PROXIES[0], Comment: 'x' }] };
    const desired = {
      AccessEdgeConfiguration: EDGE,
      HostingProviders: [
        { Identity: 'Adatum', Enabled: true, ProxyFqdn: PROXIES[0] },
        { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: PROXIES[1] },
      ],
    };
    const actions = replay(deployed, desired).steps!.map((s) => `${s.action} ${s.identity}`);
    assert.deepEqual(actions, ['remove Fabrikam', 'new Adatum', 'new Fabrikam', 'check null']);
  });

  it('holds for any two files drawn from small pools of names and values', () => {
    fc.assert(
      fc.property(side, side, (before, after) => {
        replay(topologyOf(before, true), topologyOf(after, false));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe('plan: the reason of a routing switch', () => {
  it('names the route the deployment takes, which the deployed file states by the other switch', () => {
    const deployed = { AccessEdgeConfiguration: DEFAULT_ROUTE };
    const desired = { AccessEdgeConfiguration: EDGE };
    const [step] = replay(deployed, desired).steps!;
    assert.match(step.reason, /^the Edge configuration differs from the deployment in UseDnsSrvRouting \(the deployment uses default routing\)/);
    assert.doesNotMatch(step.reason, /does not state UseDnsSrvRouting/);
  });
});

describe('plan: a deployed file that could not be written back', () => {
  it('refuses a deployed name with a line break, which no command line could carry', () => {
    const deployed = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ Identity: 'Fab\nrikam', Enabled: true, ProxyFqdn: PROXIES[0] }] };
    const result = planned(deployed, { AccessEdgeConfiguration: EDGE, HostingProviders: [] });
    assert.equal(result.steps, undefined);
    assert.deepEqual(
      result.blocking.map((d) => d.code),
      ['LT105'],
    );
  });
});
