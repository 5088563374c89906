import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, plan, planScript, type Plan } from '../../server/src/core';
import { judge, once, requirePwsh } from './pwsh';

/**
 * Plans from deployed files that are not checked like desired ones, run in the real PowerShell with the stubs:
 * what the deployed file states of an object created again must reach the cmdlet as one bound value.
 */

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
const FABRIKAM = { Identity: 'Fabrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' };
/** The desired file moves Fabrikam to a new ProxyFqdn: removed, and created again with what the deployed file states. */
const DESIRED = { AccessEdgeConfiguration: EDGE, HostingProviders: [{ ...FABRIKAM, ProxyFqdn: 'sip2.fabrikam.com' }] };

const CASES: readonly { name: string; provider: Record<string, unknown>; version?: 'Lync Server 2010' }[] = [
  { name: 'a UInt64 stated as a string', provider: { ...FABRIKAM, SipClientPort: "443; Set-CsUser -Identity 'sip:injected@contoso.com' -HostedVoiceMail $True" } },
  { name: 'one split-domain parameter without the other', provider: { ...FABRIKAM, EnabledSharedAddressSpace: true } },
  // reference.md §1.3: SipClientPort is a parameter of Lync Server 2013 and later; the desired file plans for 2010.
  { name: 'a setting the server version of the desired file lacks', provider: { ...FABRIKAM, SipClientPort: 443 }, version: 'Lync Server 2010' },
];

const planned = once(() =>
  CASES.map((c) =>
    plan(analyze(JSON.stringify({ AccessEdgeConfiguration: EDGE, HostingProviders: [c.provider] })), analyze(JSON.stringify({ ...(c.version && { ServerVersion: c.version }), ...DESIRED }))),
  ),
);
const verdicts = once(() => {
  const jobs = planned().flatMap((p: Plan, i) => (p.steps ? [{ script: planScript(p, 'desired.lync.jsonc')!, version: CASES[i].version ?? ('Lync Server 2013' as const) }] : []));
  return judge(jobs);
});

describe('plans from hand-written deployed files, in the real PowerShell with the stubs', () => {
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: every step binds and runs as the one command it is, or the plan is refused`, (t) => {
      if (!requirePwsh(t)) return;
      const result = planned()[i];
      if (!result.steps) return;
      const verdict = verdicts()[planned().slice(0, i).filter((p) => p.steps).length];
      assert.deepEqual([verdict.parseErrors, verdict.error], [[], undefined]);
      const calls = verdict.calls.filter((call) => call.Cmdlet !== 'Get-CsManagementStoreReplicationStatus').map((call) => call.Cmdlet);
      assert.deepEqual(calls, result.steps.map((s) => s.cmdlet));
    });
  }
});
