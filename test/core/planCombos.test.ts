import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, plan, planScript, stepCommand, type Plan, type PlanStep } from '../../server/src/core';
import { commandArguments, commandLines, readCommand } from '../powershell';
import { contacts, DESTINATION, EDGE, numbers, POLICIES, POOLS, USERS } from '../planPools';
import { StrictDeployment } from '../strictDeployment';

type Json = Record<string, unknown>;

/**
 * Combinations of what the second round of plan fixes touched (issue 14), drawn together: contacts that exchange
 * DisplayNumbers (a ring of up to three), one of them also moving pool or changing the letter case of its SIP
 * address; per-user policies removed while contacts and users still hold them; grants taken away with
 * `"HostedVoicemailPolicy": null`; the global policy named `global`, `Global` or `GLOBAL` on either side, or left out
 * of the deployed list; Descriptions cleared with the empty string. Each plan is replayed on the stricter deployment
 * of test/strictDeployment.ts, its JSON steps are compared with its script's commands, and its reasons are checked
 * against the two files.
 */

const CONTACTS = contacts(3);
const NUMBERS = numbers(3);
const GLOBAL_NAMES = ['global', 'Global', 'GLOBAL'];

/** A grant as a file states it: a policy, `null` (none), or left out (as deployed). */
const grant = fc.constantFrom<string | null | undefined>(...POLICIES, null, undefined);

const side = fc.record({
  global: fc.constantFrom(...GLOBAL_NAMES, undefined),
  globalDescription: fc.constantFrom(undefined, '', 'main'),
  policies: fc.subarray(POLICIES),
  numbers: fc.shuffledSubarray(NUMBERS, { minLength: 3, maxLength: 3 }),
  contacts: fc.array(fc.record({ present: fc.constantFrom(true, true, true, true, false), pool: fc.constantFrom(POOLS[0], POOLS[0], POOLS[1]), upper: fc.boolean(), grant, description: fc.constantFrom(undefined, '', 'x') }), { minLength: 3, maxLength: 3 }),
  users: fc.array(fc.record({ present: fc.boolean(), on: fc.boolean(), grant }), { minLength: 2, maxLength: 2 }),
});

type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

function topologyOf(s: Side, deployed: boolean): Json {
  // A desired file grants only policies it lists; a deployed one states no null it did not import.
  const granted = (policy: string | null | undefined) => {
    if (policy === undefined || (deployed && policy === null)) return {};
    if (policy !== null && !s.policies.includes(policy)) return {};
    return { HostedVoicemailPolicy: policy };
  };
  const global = s.global === undefined ? [] : [{ Identity: s.global, Destination: DESTINATION, ...(s.globalDescription === undefined ? {} : { Description: s.globalDescription }) }];
  return {
    AccessEdgeConfiguration: EDGE,
    HostedVoicemailPolicies: [...global, ...s.policies.map((p) => ({ Identity: p, Destination: DESTINATION }))],
    Users: USERS.flatMap((u, i) => (s.users[i].present ? [{ Identity: u, HostedVoiceMail: s.users[i].on, ...granted(s.users[i].grant) }] : [])),
    ExUmContacts: CONTACTS.flatMap((c, i) => {
      const x = s.contacts[i];
      if (!x.present) return [];
      return [
        {
          SipAddress: x.upper ? c.replace('exum', 'ExUm') : c,
          RegistrarPool: x.pool,
          OU: 'OU=ExUmContacts,DC=contoso,DC=com',
          DisplayNumber: s.numbers[i],
          AutoAttendant: i === 0,
          ...(x.description === undefined ? {} : { Description: x.description }),
          ...granted(x.grant),
        },
      ];
    }),
  };
}

/**
 * The deployment reached as a topology file, with no per-user policy written as the import writes it (`null`) on
 * entries known to have none: those a grant was taken away from, and contacts created.
 */
function reached(deployment: StrictDeployment, steps: readonly PlanStep[]): Json {
  const file = deployment.toFile();
  for (const step of steps) {
    if (!(step.action === 'grant' && step.parameters.PolicyName === null) && !(step.action === 'new' && step.cmdlet === 'New-CsExUmContact')) continue;
    for (const key of ['Users', 'ExUmContacts']) {
      const entry = (file[key] as Json[]).find((e) => String(e.Identity ?? e.SipAddress).toLowerCase() === String(step.identity).toLowerCase());
      if (entry && entry.HostedVoicemailPolicy === undefined) entry.HostedVoicemailPolicy = null;
    }
  }
  return file;
}

/** What the script passes for each parameter, as `--format json` should give it (reference.md §3.4, §3.6). */
function passed(step: PlanStep): Record<string, unknown> {
  return Object.fromEntries(Object.entries(step.parameters).map(([name, value]) => [name, value === null ? '$Null' : typeof value === 'boolean' ? `$${value ? 'True' : 'False'}` : value]));
}

/** The things a reason claims that can be checked against the two files, as failures. */
function untrueReasons(result: Plan, deployed: Json): string[] {
  const wrong: string[] = [];
  const deployedNames = new Set(
    ['HostedVoicemailPolicies', 'Users', 'ExUmContacts'].flatMap((key) => ((deployed[key] as Json[] | undefined) ?? []).map((e) => String(e.Identity ?? e.SipAddress).toLowerCase())),
  );
  for (const step of result.steps ?? []) {
    if (/\bundefined\b/.test(step.reason)) wrong.push(`${stepCommand(step)}: "${step.reason}"`);
    if (/is not deployed yet/.test(step.reason) && deployedNames.has(String(step.identity).toLowerCase())) wrong.push(`${stepCommand(step)}: "${step.reason}"`);
  }
  return wrong;
}

function check(before: Side, after: Side): void {
  const deployed = topologyOf(before, true);
  const desired = topologyOf(after, false);
  const wanted = analyze(JSON.stringify(desired, null, 2));
  fc.pre(wanted.blocking.length === 0);
  const result = plan(analyze(JSON.stringify(deployed, null, 2)), wanted);
  if (!result.steps) return;
  const script = planScript(result, 'desired')!;
  const lines = commandLines(script).filter((line) => !line.startsWith('Get-'));
  assert.deepEqual(lines, result.steps.map(stepCommand), 'the script runs the JSON steps, in order');
  for (const [i, step] of result.steps.entries()) {
    readCommand(lines[i]);
    assert.deepEqual(Object.fromEntries(commandArguments(lines[i])), passed(step), lines[i]);
  }
  assert.deepEqual(untrueReasons(result, deployed), [], script);
  const deployment = new StrictDeployment(deployed, (identity) => USERS.includes(identity.toLowerCase()));
  for (const [i, step] of result.steps.entries()) {
    const refused = deployment.apply(step);
    assert.equal(refused, undefined, `step ${i + 1}, ${stepCommand(step)}, is refused: ${refused}\n${script}`);
  }
  const again = plan(analyze(JSON.stringify(reached(deployment, result.steps), null, 2)), wanted);
  assert.deepEqual(again.steps?.map(stepCommand), [], script);
}

describe('plan: swaps, pool moves, policy removals and grants taken away, drawn together', () => {
  it('every plan is taken by the stricter deployment, its JSON is its script, and it leaves nothing to plan', () => {
    fc.assert(fc.property(side, side, check), { numRuns: 400, seed: 20261130 });
  });
});
