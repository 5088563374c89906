import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, plan, planScript, type Plan } from '../../server/src/core';
import { judge, once, requirePwsh } from './pwsh';

type Json = Record<string, unknown>;

/**
 * Plans that combine what the second round of plan fixes touched (issue 14), run in the real PowerShell with the
 * stubs: a ring of contacts exchanging numbers while one moves pool and another changes the letter case of its SIP
 * address, a policy removed that a contact of the ring holds, grants taken away (`$Null`), the global policy named
 * in another letter case with its Description cleared, providers exchanging ProxyFqdn, a switch to a default route.
 */

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };
const HOSTILE = "O'Brien‘s’ $(Remove-Item C:\\) `n \"x\" --%";
const GLOBAL = { Identity: 'global', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'], Description: 'old' };
const REDMOND = { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com', Description: HOSTILE };

function contact(x: string, number: string, more: Json = {}): Json {
  return { SipAddress: `sip:exum${x}@contoso.com`, RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: number, ...more };
}

const RING = { AccessEdgeConfiguration: EDGE, HostedVoicemailPolicies: [GLOBAL, REDMOND], Users: [{ Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' }] };

const CASES: readonly { readonly name: string; readonly deployed: Json; readonly desired: Json }[] = [
  {
    name: 'a ring of three contacts, one holding a policy removed, one moving pool, grants taken away',
    deployed: {
      ...RING,
      ExUmContacts: [
        contact('a', '+14255550101', { HostedVoicemailPolicy: 'ExRedmond', AutoAttendant: true, Description: HOSTILE }),
        contact('b', '+14255550102', { HostedVoicemailPolicy: 'ExRedmond' }),
        contact('c', '+14255550103'),
        contact('d', '+14255550104', { HostedVoicemailPolicy: 'ExRedmond' }),
      ],
    },
    desired: {
      AccessEdgeConfiguration: EDGE,
      HostedVoicemailPolicies: [{ ...GLOBAL, Identity: 'Global', Description: '' }],
      Users: [{ Identity: 'sip:KenMyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: null }],
      ExUmContacts: [
        contact('a', '+14255550102', { SipAddress: 'sip:ExUmA@contoso.com', AutoAttendant: true }),
        contact('b', '+14255550103', { HostedVoicemailPolicy: null, Description: '' }),
        contact('c', '+14255550101'),
        contact('d', '+14255550104', { RegistrarPool: 'pool02.contoso.com' }),
      ],
    },
  },
  {
    name: 'two contacts exchange numbers and both keep a policy that stays',
    deployed: { ...RING, ExUmContacts: [contact('a', '+14255550101', { HostedVoicemailPolicy: 'ExRedmond' }), contact('b', '+14255550102', { HostedVoicemailPolicy: 'ExRedmond' })] },
    desired: { ...RING, ExUmContacts: [contact('a', '+14255550102', { Description: HOSTILE }), contact('b', '+14255550101')] },
  },
  {
    name: 'providers exchange ProxyFqdn, domains move between the lists',
    deployed: {
      AccessEdgeConfiguration: EDGE,
      AllowedDomains: [{ Identity: 'adatum.com', Comment: HOSTILE }],
      BlockedDomains: [{ Domain: 'Fabrikam.com' }],
      HostingProviders: [
        { Identity: HOSTILE, Enabled: true, ProxyFqdn: 'sip.a.com', EnabledSharedAddressSpace: true, HostsOCSUsers: false, IsLocal: false },
        { Identity: 'B', Enabled: false, ProxyFqdn: 'sip.b.com', SipClientPort: 443 },
      ],
    },
    desired: {
      AccessEdgeConfiguration: EDGE,
      AllowedDomains: [{ Identity: 'fabrikam.com', Comment: '' }],
      BlockedDomains: [{ Identity: 'ADATUM.com', Comment: HOSTILE }],
      HostingProviders: [
        { Identity: HOSTILE, Enabled: true, ProxyFqdn: 'sip.b.com' },
        { Identity: 'B', Enabled: false, ProxyFqdn: 'sip.a.com' },
      ],
    },
  },
  {
    name: 'the Edge switches to a default route while providers exist and the policies are left alone',
    deployed: { ...RING, HostingProviders: [{ Identity: HOSTILE, Enabled: true, ProxyFqdn: 'sip.a.com' }] },
    desired: { AccessEdgeConfiguration: { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true }, HostingProviders: [] },
  },
];

/** How the stubs record a value: Booleans as they are, `$Null` as empty, everything else as the string PowerShell makes of it. */
function asRecorded(value: unknown): string | boolean {
  if (value === null) return '';
  if (typeof value === 'boolean') return value;
  return Array.isArray(value) ? value.join(',') : String(value);
}

const planned = once(() =>
  CASES.map((c): Plan => {
    const desired = analyze(JSON.stringify(c.desired, null, 2));
    assert.deepEqual(desired.blocking, [], c.name);
    return plan(analyze(JSON.stringify(c.deployed, null, 2)), desired);
  }),
);
const verdicts = once(() => judge(planned().map((p) => ({ script: planScript(p, 'desired.lync.jsonc')!, version: 'Lync Server 2013' as const }))));

describe('combined plans in the real PowerShell, with the stubs', () => {
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: every command parses, binds and records the step it is`, (t) => {
      if (!requirePwsh(t)) return;
      const steps = planned()[i].steps!;
      const verdict = verdicts()[i];
      assert.deepEqual([verdict.parseErrors, verdict.newerSyntax, verdict.error], [[], [], undefined]);
      const calls = verdict.calls;
      assert.deepEqual(
        calls.map((call) => [call.Cmdlet, call.Parameters]),
        steps.map((s) => [s.cmdlet, Object.fromEntries(Object.entries(s.parameters).map(([k, v]) => [k, asRecorded(v)]))]),
      );
    });
  }
});
