import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, plan, planScript, stepCommand, type Plan } from '../../server/src/core';
import { commandLines, readCommand } from '../powershell';
import { contacts, DOMAINS, each, EDGE, GLOBAL, holders, numbers, POLICIES, POOLS, PROVIDERS, PROXIES, USERS } from '../planPools';
import { StrictDeployment } from '../strictDeployment';

type Json = Record<string, unknown>;

/**
 * The replay of test/core/planOrder.test.ts on a wider draw of files and on the stricter deployment of
 * test/strictDeployment.ts: names that differ only in letter case or by the `tag:` prefix between the two files,
 * domains named by `Identity` or `Domain`, providers with their split-domain pair and the settings the default view
 * hides, policies with and without Destination, the global policy absent from the deployed file, contacts that
 * move pool or OU and keep or lose a Description, an Auto Attendant flag, a granted policy.
 */

const ROUTES = ['proxy.fabrikam.com', 'proxy.adatum.com'];
const CONTACTS = contacts(3);
const NUMBERS = numbers(3);
const OUS = ['OU=ExUmContacts,DC=contoso,DC=com', 'OU=Hosted,DC=contoso,DC=com'];

const side = fc.record({
  route: fc.constantFrom(undefined, ...ROUTES),
  policies: fc.subarray(POLICIES).chain((names) => fc.tuple(fc.constant(names), each(fc.record({ tag: fc.boolean(), destination: fc.boolean(), description: fc.constantFrom(undefined, 'x') }), names.length))),
  globalListed: fc.boolean(),
  domains: each(fc.record({ list: fc.constantFrom('AllowedDomains', 'BlockedDomains', undefined), key: fc.constantFrom('Identity', 'Domain'), comment: fc.constantFrom(undefined, 'partner') }), DOMAINS.length),
  domainCase: each(fc.boolean(), DOMAINS.length),
  providers: holders(
    PROVIDERS,
    PROXIES,
    fc.record({ enabled: fc.boolean(), split: fc.constantFrom(undefined, true, false), local: fc.constantFrom(undefined, false), port: fc.constantFrom(undefined, 443, 5061), upper: fc.boolean() }),
  ),
  users: each(fc.record({ on: fc.boolean(), policy: fc.constantFrom(...POLICIES, undefined), upper: fc.boolean() }), USERS.length),
  contacts: holders(
    CONTACTS,
    NUMBERS,
    fc.record({
      pool: fc.constantFrom(...POOLS),
      ou: fc.constantFrom(...OUS),
      policy: fc.constantFrom(...POLICIES, undefined),
      description: fc.constantFrom(undefined, 'main'),
      attendant: fc.constantFrom(undefined, true, false),
      upper: fc.boolean(),
    }),
  ),
});

type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

function topologyOf(s: Side, deployed: boolean): Json {
  const [policyNames, policySettings] = s.policies;
  const hasDestination = (name: string) => !deployed || policySettings[policyNames.indexOf(name)].destination;
  // A desired file grants only policies that exist with a Destination; a deployed one may grant what it likes.
  const grant = (name: string | undefined) => (name !== undefined && policyNames.includes(name) && hasDestination(name) ? { HostedVoicemailPolicy: name } : {});
  const [providers, proxies, settings] = s.providers;
  const [contacts, numbers, details] = s.contacts;
  const domains = (list: string) =>
    DOMAINS.flatMap((d, i) => {
      const domain = s.domains[i];
      if (domain.list !== list) return [];
      return [{ [domain.key]: s.domainCase[i] ? d.toUpperCase() : d, ...(domain.comment ? { Comment: domain.comment } : {}) }];
    });
  const edge = s.route ? { UseDefaultRouting: true, DefaultRouteFqdn: s.route, AllowFederatedUsers: true } : EDGE;
  const global = deployed && !s.globalListed ? [] : [GLOBAL];
  return {
    AccessEdgeConfiguration: edge,
    AllowedDomains: domains('AllowedDomains'),
    BlockedDomains: domains('BlockedDomains'),
    // A default route and a hosting provider do not go together (reference.md §1.1 rule 4), in either file.
    HostingProviders: s.route
      ? []
      : providers.map((p, i) => {
          const x = settings[i];
          return {
            Identity: x.upper ? p.toUpperCase() : p,
            Enabled: x.enabled,
            ProxyFqdn: proxies[i],
            ...(x.split === undefined ? {} : { EnabledSharedAddressSpace: x.split, HostsOCSUsers: false }),
            ...(x.local === undefined ? {} : { IsLocal: x.local }),
            ...(x.port === undefined ? {} : { SipClientPort: x.port }),
          };
        }),
    HostedVoicemailPolicies: [
      ...global,
      ...policyNames.map((p, i) => {
        const x = policySettings[i];
        return {
          Identity: x.tag ? `tag:${p}` : p,
          ...(hasDestination(p) ? { Destination: 'exap.um.outlook.com' } : {}),
          ...(x.description ? { Description: x.description } : {}),
        };
      }),
    ],
    Users: USERS.flatMap((u, i) => (s.users[i].on ? [{ Identity: s.users[i].upper ? u.toUpperCase().replace('SIP:', 'sip:') : u, HostedVoiceMail: true, ...grant(s.users[i].policy) }] : [])),
    ExUmContacts: contacts.map((c, i) => {
      const x = details[i];
      return {
        SipAddress: x.upper ? c.replace('exum', 'ExUm') : c,
        RegistrarPool: x.pool,
        OU: x.ou,
        DisplayNumber: numbers[i],
        ...(x.attendant === undefined ? {} : { AutoAttendant: x.attendant }),
        ...(x.description ? { Description: x.description } : {}),
        ...grant(x.policy),
      };
    }),
  };
}

/** Plans from `deployed` to `desired` and replays it; the first refusal, or the steps left after it ran. */
function replay(deployed: Json, desired: Json): { result: Plan; refused?: string; left?: string[] } {
  const wanted = analyze(JSON.stringify(desired, null, 2));
  assert.deepEqual(wanted.blocking, [], 'the desired file is clean');
  const result = plan(analyze(JSON.stringify(deployed, null, 2)), wanted);
  if (!result.steps) return { result };
  for (const line of commandLines(planScript(result, 'desired')!)) readCommand(line);
  const deployment = new StrictDeployment(deployed, (identity) => USERS.includes(identity.toLowerCase()));
  for (const [i, step] of result.steps.entries()) {
    const refused = deployment.apply(step);
    if (refused !== undefined) return { result, refused: `step ${i + 1}, ${stepCommand(step)}, is refused: ${refused}\n${planScript(result, 'desired')}` };
  }
  const again = plan(analyze(JSON.stringify(deployment.toFile(), null, 2)), wanted);
  return { result, left: again.steps?.map(stepCommand) };
}

describe('plan: replayed on the stricter deployment, for a wider draw of files', () => {
  it('every step is taken, and the deployment reached plans to nothing', () => {
    fc.assert(
      fc.property(side, side, (before, after) => {
        const { result, refused, left } = replay(topologyOf(before, true), topologyOf(after, false));
        // A plan refused for what the deployed file shows the deployment lacks is a right answer, not a failure.
        if (!result.steps) return;
        assert.equal(refused, undefined);
        assert.deepEqual(left, []);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
