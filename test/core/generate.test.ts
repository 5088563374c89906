import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generate } from '../../server/src/core';
import { check, hostedUm, UM_PROVIDER } from '../helpers';
import { commandArguments, commandLines } from '../powershell';

function script(text: string): string {
  const generation = generate(check(text));
  assert.ok(generation.script, `expected a script, got ${JSON.stringify(generation.blocking)}`);
  return generation.script;
}

function command(text: string, cmdlet: string): Map<string, string | true> {
  const lines = commandLines(script(text)).filter((line) => line.startsWith(`${cmdlet} `));
  assert.equal(lines.length, 1, `one ${cmdlet} line`);
  return commandArguments(lines[0]);
}

const PROVIDER = (body: string) => `{ "HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com"${body} } ] }`;

describe('generate', () => {
  it('writes booleans as $True and $False', () => {
    const args = command('{ "AccessEdgeConfiguration": { "AllowFederatedUsers": true, "AllowAnonymousUsers": false } }', 'Set-CsAccessEdgeConfiguration');
    assert.equal(args.get('AllowFederatedUsers'), '$True');
    assert.equal(args.get('AllowAnonymousUsers'), '$False');
  });

  it('passes a true switch bare and leaves a false one out', () => {
    const line = commandLines(script('{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "UseDefaultRouting": false } }'))[0];
    assert.equal(line, 'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False');
  });

  it('writes numbers as their digits, UInt64 beyond double precision included', () => {
    assert.equal(command('{ "AccessEdgeConfiguration": { "MaxContactsPerDiscoveredPartner": 4294967295 } }', 'Set-CsAccessEdgeConfiguration').get('MaxContactsPerDiscoveredPartner'), '4294967295');
    const big = PROVIDER(', "SipClientPort": 18446744073709551615');
    assert.equal(command(big, 'New-CsHostingProvider').get('SipClientPort'), '18446744073709551615');
  });

  it('writes enum values bare in their canonical spelling', () => {
    assert.equal(command(PROVIDER(', "VerificationLevel": "usesourceVERIFICATION"'), 'New-CsHostingProvider').get('VerificationLevel'), 'UseSourceVerification');
  });

  it('single-quotes strings and puts the provider Identity first', () => {
    const line = commandLines(script(PROVIDER('').replace('"Identity": "P", "Enabled": true', '"Enabled": true, "Identity": "P"')))[1];
    assert.match(line, /^New-CsHostingProvider -Identity 'P' -Enabled \$True -ProxyFqdn 'p\.fabrikam\.com'$/);
  });

  it('never passes the Edge Identity, which would rule out the routing parameters', () => {
    const args = command('{ "AccessEdgeConfiguration": { "Identity": "global", "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false } }', 'Set-CsAccessEdgeConfiguration');
    assert.deepEqual([...args.keys()], ['UseDnsSrvRouting', 'EnablePartnerDiscovery']);
  });

  it('follows the procedure: Edge, replication check, hosting providers', () => {
    const lines = commandLines(script(hostedUm(UM_PROVIDER)));
    assert.deepEqual(
      lines.map((line) => line.split(' ')[0]),
      ['Set-CsAccessEdgeConfiguration', 'Get-CsManagementStoreReplicationStatus', 'New-CsHostingProvider'],
    );
    assert.match(script(hostedUm(UM_PROVIDER)), /^# Invoke-CsManagementStoreReplication$/m);
  });

  it('adds nothing the file does not say', () => {
    const args = command(PROVIDER(''), 'New-CsHostingProvider');
    assert.deepEqual([...args.keys()], ['Identity', 'Enabled', 'ProxyFqdn']);
    assert.deepEqual(commandLines(script('{ "SipDomains": ["contoso.com"] }')), []);
  });

  it('gives no script, only the errors, when the file has errors', () => {
    const generation = generate(check(PROVIDER(', "Enabled": "yes"')));
    assert.equal(generation.script, undefined);
    assert.ok(generation.blocking.some((d) => d.code === 'LT002'));
    assert.equal(generate(check(hostedUm(UM_PROVIDER.replace('"IsLocal": false', '"IsLocal": true')))).script, undefined);
  });

  it('lets an error set to off through, unless it blocks the script', () => {
    const umLocal = hostedUm(UM_PROVIDER.replace('"IsLocal": false', '"IsLocal": true'));
    assert.ok(generate(check(umLocal, { severity: { LT402: 'off' } })).script);
    const typed = generate(check('{ "AccessEdgeConfiguration": { "AllowFederatedUsers": "True" } }', { severity: { LT101: 'off' } }));
    assert.equal(typed.script, undefined);
    assert.deepEqual(typed.blocking.map((d) => d.code), ['LT101']);
  });

  it('reads every hostile Identity back exactly from the script', () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom("'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201D', '$(Get-Date)', '`', '#', ';', '|', ' -Force'), fc.string({ unit: 'grapheme' })), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(hostile, (identity) => {
        const analysis = check(JSON.stringify({ HostingProviders: [{ Identity: identity, Enabled: true, ProxyFqdn: 'p.fabrikam.com' }] }));
        const generation = generate(analysis);
        if (generation.script === undefined) {
          assert.ok(generation.blocking.every((d) => ['LT104', 'LT105', 'LT106'].includes(d.code)), JSON.stringify(generation.blocking));
          return;
        }
        const lines = commandLines(generation.script);
        assert.equal(lines.length, 2);
        assert.equal(commandArguments(lines[1]).get('Identity'), identity);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('refuses values with line breaks or control characters instead of writing them', () => {
    for (const identity of ['UM\nRemove-CsHostingProvider', 'UM\r', 'UM\u0000', 'UM\u2028x', 'UM\ud800']) {
      const generation = generate(check(JSON.stringify({ HostingProviders: [{ Identity: identity, Enabled: true, ProxyFqdn: 'p.fabrikam.com' }] })));
      assert.equal(generation.script, undefined, JSON.stringify(identity));
      assert.deepEqual(generation.blocking.map((d) => d.code), ['LT105']);
    }
  });
});
