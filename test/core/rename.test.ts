import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, renameProvider } from '../../server/src/core';
import { hostedUm, UM_PROVIDER } from '../helpers';

const text = hostedUm(UM_PROVIDER).replace('    { ', '    { "Identity": "Other UM", "Enabled": true, "ProxyFqdn": "other.fabrikam.com" },\n    { ');
const at = (search: string, n = 0) => text.split(search, n + 1).join(search).length + 1;

describe('renaming a hosting provider', () => {
  it('renames its Identity and every reference to it', () => {
    const result = renameProvider(analyze(text), at('"Hosted UM"'), 'Fabrikam UM');
    assert.ok(result && 'edits' in result);
    const renamed = applyEdits(text, result.edits);
    assert.equal(renamed.split('"Fabrikam UM"').length - 1, 2);
    assert.ok(!renamed.includes('Hosted UM'));
    assert.deepEqual(analyze(renamed).diagnostics, []);
    const sameName = renameProvider(analyze(text), at('"Hosted UM"', 1), 'hosted um');
    assert.ok(sameName && 'edits' in sameName, 'a provider may take its own name in another letter case');
  });

  for (const [newName, code, reason] of [
    ['', 'LT104', /cannot be renamed to "": .*not empty/],
    ['  ', 'LT104', /not empty/],
    ['Hosted\nUM', 'LT105', /line break/],
    ['other um', 'LT501', /already has the Identity/],
    ['OTHER UM', 'LT501', /already has the Identity/],
    ['<Provider>', 'LT106', /placeholder/],
  ] as const) {
    it(`refuses ${JSON.stringify(newName)}, which would be ${code}`, () => {
      const result = renameProvider(analyze(text), at('"Hosted UM"', 1), newName);
      assert.ok(result && 'refused' in result, JSON.stringify(result));
      assert.match(result.refused, /^Hosted UM cannot be renamed to /);
      assert.match(result.refused, reason);
    });
  }

  it('refuses by the same settings as the file is checked with', () => {
    assert.ok('edits' in renameProvider(analyze(text, { severity: { LT106: 'off' } }), at('"Hosted UM"'), '<Provider>', { severity: { LT106: 'off' } })!);
  });

  it('has nothing to rename where no provider name is', () => {
    assert.equal(renameProvider(analyze(text), at('"contoso.com"'), 'x'), undefined);
    assert.equal(renameProvider(analyze(text), 0, 'x'), undefined);
  });
});

describe('renaming a provider whose name is left open', () => {
  it('refuses, at an Identity and at a reference, rather than take in the rest of the line', () => {
    const providers = '  "HostingProviders": [ { "Identity": "Hosted UM" } ] }\n';
    for (const [open, search] of [
      ['{ "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted UM"] },\n  "HostingProviders": [ { "Identity": "Hosted UM } ] }\n', '"Hosted UM }'],
      [`{ "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted UM ] },\n${providers}`, '"Hosted UM ]'],
    ]) {
      const result = renameProvider(analyze(open), open.indexOf(search) + 2, 'Fabrikam UM');
      assert.ok(result && 'refused' in result, `${search}: ${JSON.stringify(result)}`);
      assert.match(result.refused, /closing quote/);
    }
  });
});
