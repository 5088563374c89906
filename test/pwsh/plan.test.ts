import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { analyze, CMDLET_SIGNATURES, plan, planScript, SECTION_CHANGES, SECTIONS, type PlanStep, type ParameterValue } from '../../server/src/core';
import { repoFile } from '../helpers';
import { judge, once, requirePwsh, type RecordedCall } from './pwsh';

type Json = Record<string, unknown>;

const EXAMPLE = 'examples/exchange-online.lync.jsonc';
const HOSTILE = "O'Brien‘s’ ‚UM‛ $(Remove-Item C:\\) `n \"x\"";

/** The Exchange Online example with `change` made to its data, as a topology file. */
function variant(change: (file: Json) => void): string {
  const file = parse(repoFile(EXAMPLE)) as Json;
  change(file);
  return JSON.stringify(file, null, 2);
}

/** Plans from the example's deployment that together write every cmdlet a plan writes. */
const CASES: readonly { readonly name: string; readonly deployed: string; readonly desired: string }[] = [
  {
    name: 'every kind of change at once, hostile text in names and comments',
    deployed: repoFile(EXAMPLE),
    desired: variant((f) => {
      (f.AccessEdgeConfiguration as Json).AllowOutsideUsers = false;
      f.AllowedDomains = [{ Identity: 'fabrikam.com', ProxyFqdn: 'sip.fabrikam.com', Comment: HOSTILE }, { Identity: 'adatum.com' }];
      f.BlockedDomains = [];
      const [exo] = f.HostingProviders as Json[];
      f.HostingProviders = [{ ...exo, ProxyFqdn: 'exap2.um.outlook.com' }, { Identity: HOSTILE, Enabled: true, ProxyFqdn: 'sip.hostile.com' }];
      const [global, redmond] = f.HostedVoicemailPolicies as Json[];
      f.HostedVoicemailPolicies = [{ ...global, Organization: ['contoso.onmicrosoft.com', 'fabrikam.com'] }, { ...redmond, Description: HOSTILE }, { Identity: 'ExSeattle', Destination: 'exap.um.outlook.com' }];
      const users = f.Users as Json[];
      f.Users = [{ ...users[0], HostedVoicemailPolicy: 'ExSeattle' }, { ...users[1], HostedVoiceMail: false }];
      const [sa] = f.ExUmContacts as Json[];
      f.ExUmContacts = [
        { ...sa, Description: HOSTILE },
        { SipAddress: 'sip:exumaa2@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550103', AutoAttendant: true, HostedVoicemailPolicy: 'ExSeattle' },
      ];
    }),
  },
  {
    name: 'a policy ungranted, then removed',
    deployed: repoFile(EXAMPLE),
    desired: variant((f) => {
      f.HostedVoicemailPolicies = [(f.HostedVoicemailPolicies as Json[])[0]];
      const [exo] = f.HostingProviders as Json[];
      f.HostingProviders = [{ ...exo, VerificationLevel: 'AlwaysVerifiable' }];
      const [adatum] = f.BlockedDomains as Json[];
      f.BlockedDomains = [{ ...adatum, Comment: HOSTILE }, { Identity: 'spam.example', Comment: '--%' }];
      f.ExUmContacts = (f.ExUmContacts as Json[]).map((contact) => {
        const kept = { ...contact };
        delete kept.HostedVoicemailPolicy;
        return kept;
      });
    }),
  },
  {
    name: 'per-user policies taken away (null) from a user and a contact that have one, and comments cleared',
    deployed: repoFile(EXAMPLE),
    desired: variant((f) => {
      const users = f.Users as Json[];
      f.Users = [{ ...users[0], HostedVoicemailPolicy: null }, { ...users[1], HostedVoicemailPolicy: null }, users[2]];
      f.ExUmContacts = (f.ExUmContacts as Json[]).map((contact) => ({ ...contact, HostedVoicemailPolicy: null, Description: '' }));
      f.AllowedDomains = (f.AllowedDomains as Json[]).map((domain) => ({ ...domain, Comment: '' }));
    }),
  },
  {
    name: 'two contacts exchange their numbers: one removed and created again',
    deployed: repoFile(EXAMPLE),
    desired: variant((f) => {
      const [first, second] = f.ExUmContacts as Json[];
      f.ExUmContacts = [
        { ...first, DisplayNumber: second.DisplayNumber },
        { ...second, DisplayNumber: first.DisplayNumber },
      ];
    }),
  },
  {
    name: 'the providers removed before the Edge takes a default route',
    deployed: repoFile(EXAMPLE),
    desired: JSON.stringify({ AccessEdgeConfiguration: { UseDefaultRouting: true, DefaultRouteFqdn: 'proxy.fabrikam.com', AllowFederatedUsers: true } }),
  },
];

/** How the stubs record a value: Booleans as they are, everything else as the string PowerShell makes of it. */
function recorded(value: ParameterValue): string | boolean {
  if (value === null) return '';
  if (typeof value === 'boolean') return value;
  return Array.isArray(value) ? value.join(',') : String(value);
}

const verdicts = once(() => {
  const planned = CASES.map((c) => {
    const desired = analyze(c.desired);
    assert.deepEqual(desired.diagnostics.filter((d) => d.severity === 'error'), [], c.name);
    return plan(analyze(c.deployed), desired);
  });
  const results = judge(planned.map((p) => ({ script: planScript(p, 'desired.lync.jsonc')!, version: 'Lync Server 2013' })));
  return planned.map((p, i) => ({ steps: p.steps!, verdict: results[i] }));
});

describe('plans in the real PowerShell, with the stubs', () => {
  it('parses and binds every command of every plan, each recording the step it is', (t) => {
    if (!requirePwsh(t)) return;
    for (const [i, { steps, verdict }] of verdicts().entries()) {
      assert.deepEqual([verdict.parseErrors, verdict.newerSyntax, verdict.error], [[], [], undefined], CASES[i].name);
      const calls = verdict.calls.filter((c: RecordedCall) => c.Cmdlet !== 'Get-CsManagementStoreReplicationStatus');
      assert.deepEqual(
        calls.map((c) => [c.Cmdlet, c.Parameters]),
        steps.map((s: PlanStep) => [s.cmdlet, Object.fromEntries(Object.entries(s.parameters).map(([k, v]) => [k, recorded(v)]))]),
        CASES[i].name,
      );
    }
  });

  it('covers every cmdlet a plan can write, and each has a stub', (t) => {
    if (!requirePwsh(t)) return;
    const used = new Set(verdicts().flatMap((v) => v.steps.map((s) => s.cmdlet)));
    const writable = SECTIONS.flatMap((s) => [s.cmdlet!, ...Object.values(SECTION_CHANGES[s.section.key]).filter((c): c is string => typeof c === 'string')]);
    const grants = SECTIONS.flatMap((s) => s.properties.flatMap((p) => (p.grant ? [p.grant.cmdlet] : [])));
    const stubs = new Set(CMDLET_SIGNATURES.map((s) => s.name));
    for (const cmdlet of new Set([...writable, ...grants])) {
      assert.ok(stubs.has(cmdlet), `${cmdlet} has no stub`);
      assert.ok(used.has(cmdlet), `no case writes ${cmdlet}`);
    }
  });
});
