import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, generate, plan, planScript, SECTIONS, type AnalysisSettings } from '../../server/src/core';

const policies = (...entries: string[]) => `{\n  "HostedVoicemailPolicies": [\n${entries.map((e) => `    ${e}`).join(',\n')}\n  ]\n}\n`;
const GLOBAL_EMPTY = '{ "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": [] }';
const NEW_EMPTY = '{ "Identity": "ExRedmond", "Destination": "exap.um.outlook.com", "Organization": [] }';
const OFF: AnalysisSettings = { severity: { LT108: 'off', LT703: 'off' } };

const lt108 = (text: string) => analyze(text).diagnostics.filter((d) => d.code === 'LT108');

describe('an empty list the cmdlet takes as one string (LT108)', () => {
  it('is an error on the global policy, naming the setting, with a fix that removes only the key', () => {
    const text = policies('{ "Identity": "global",\n      // the tenants stay as they are\n      "Destination": "exap.um.outlook.com", "Organization": [] }');
    const [finding] = lt108(text);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^`HostedVoicemailPolicies\[0\]\.Organization` \(hosted voice mail policy "global"\) is an empty list/);
    assert.match(finding.message, /Set-CsHostedVoicemailPolicy/);
    assert.equal(text.slice(finding.span.start, finding.span.end), '[]');
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(fixed, policies('{ "Identity": "global",\n      // the tenants stay as they are\n      "Destination": "exap.um.outlook.com" }'));
    assert.deepEqual(analyze(fixed).diagnostics.filter((d) => d.code === 'LT108'), []);
    assert.doesNotMatch(generate(analyze(fixed)).script!, /-Organization/, 'the deployment keeps its tenants');
  });

  it('is an error on a policy the file creates, without a fix: leaving the key out creates it without tenants all the same', () => {
    const [finding] = lt108(policies(NEW_EMPTY));
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /New-CsHostedVoicemailPolicy would be passed an empty string/);
    assert.deepEqual(finding.fixes, []);
  });

  it('blocks the script and the plan while it is an error', () => {
    const analysis = analyze(policies(GLOBAL_EMPTY));
    assert.equal(generate(analysis).script, undefined);
    assert.equal(plan(analyze(policies()), analysis).steps, undefined);
  });

  it('once turned off, is passed as the empty string the file means, by the script and by the plan alike', () => {
    const desired = analyze(policies(GLOBAL_EMPTY, NEW_EMPTY), OFF);
    assert.deepEqual(desired.blocking, []);
    const script = generate(desired).script!;
    assert.match(script, /^Set-CsHostedVoicemailPolicy -Identity 'global' -Destination 'exap\.um\.outlook\.com' -Organization ''$/m);
    assert.match(script, /^New-CsHostedVoicemailPolicy -Identity 'ExRedmond' -Destination 'exap\.um\.outlook\.com' -Organization ''$/m);
    const deployed = analyze(policies('{ "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] }'));
    const planned = plan(deployed, desired);
    // The steps as data give what the command line passes: the one (empty) string the list is joined into.
    assert.deepEqual(
      planned.steps!.map((s) => s.parameters.Organization),
      ['', ''],
    );
    assert.match(planScript(planned, 'desired')!, /^Set-CsHostedVoicemailPolicy -Identity 'global' -Organization ''$/m);
  });

  it('is not reported for a list with values, a key left out, or an empty list that is not joined', () => {
    const clean = [
      policies('{ "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] }'),
      policies('{ "Identity": "global", "Destination": "exap.um.outlook.com" }'),
      '{ "SipDomains": [], "ExchangeUM": { "Mode": "OnPremises", "HostingProviders": [] } }',
      policies('{ "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": "" }'),
    ];
    for (const text of clean) assert.deepEqual(lt108(text), [], text);
  });

  it('covers every list of every section that the catalog joins into one string', () => {
    const joined = SECTIONS.flatMap((spec) => spec.properties.filter((p) => p.joinedWith !== undefined).map((p) => ({ spec, p })));
    assert.ok(joined.length > 0);
    for (const { spec, p } of joined) {
      const entry: Record<string, unknown> = Object.fromEntries(spec.properties.filter((q) => q.required).map((q) => [q.name, q.insertValue]));
      entry[p.name] = [];
      const body = spec.section.list ? [entry] : entry;
      const findings = lt108(JSON.stringify({ [spec.section.key]: body }));
      assert.equal(findings.length, 1, `${spec.section.key}.${p.name}`);
    }
  });
});
