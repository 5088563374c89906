import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, nameLinksAt, renameName, renameProvider } from '../../server/src/core';
import { hostedUm, repoFile, UM_PROVIDER } from '../helpers';

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

describe('renaming a name written with its optional prefix (a per-user policy `tag:ExRedmond`)', () => {
  const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');
  const tagged = EXAMPLE.replace('"Identity": "ExRedmond"', '"Identity": "tag:ExRedmond"');
  const offsetOf = (text: string, search: string, n = 0) => text.split(search, n + 1).join(search).length + search.indexOf('ExRedmond');
  const starts = [
    ['the Identity', '"tag:ExRedmond"', 0],
    ['a user grant', '"HostedVoicemailPolicy": "ExRedmond"', 0],
    ['a contact grant', '"HostedVoicemailPolicy": "ExRedmond"', 1],
  ] as const;

  it('checks clean as written, the grants naming the policy', () => {
    assert.deepEqual(analyze(tagged).diagnostics, []);
  });

  for (const [where, search, n] of starts) {
    for (const newName of ['Seattle', 'tag:Seattle', 'TAG:Seattle']) {
      it(`started from ${where} as ${JSON.stringify(newName)}, keeps tag: in the Identity and writes the grants bare`, () => {
        const analysis = analyze(tagged);
        const links = nameLinksAt(analysis.model, offsetOf(tagged, search, n))!;
        assert.equal(links.bareName, 'ExRedmond');
        assert.equal(tagged.slice(links.bareSpan.start, links.bareSpan.end), 'ExRedmond');
        const result = renameName(analysis, offsetOf(tagged, search, n), newName);
        assert.ok(result && 'edits' in result, JSON.stringify(result));
        const renamed = applyEdits(tagged, result.edits);
        assert.equal(renamed, tagged.replace('"tag:ExRedmond"', '"tag:Seattle"').replaceAll('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": "Seattle"'));
        assert.deepEqual(analyze(renamed).diagnostics, []);
      });
    }
  }

  it('keeps each place as it writes the prefix: none, or Tag: in its own letter case', () => {
    const text = EXAMPLE.replace('"Identity": "ExRedmond"', '"Identity": "Tag:ExRedmond"');
    const result = renameName(analyze(text), offsetOf(text, '"HostedVoicemailPolicy": "ExRedmond"'), 'Seattle');
    assert.ok(result && 'edits' in result);
    assert.deepEqual(result.edits.map((e) => e.newText), ['"Tag:Seattle"', '"Seattle"', '"Seattle"']);
    const bare = renameName(analyze(EXAMPLE), offsetOf(EXAMPLE, '"Identity": "ExRedmond"'), 'tag:Seattle');
    assert.ok(bare && 'edits' in bare);
    assert.deepEqual(bare.edits.map((e) => e.newText), ['"Seattle"', '"Seattle"', '"Seattle"'], 'an Identity written without the prefix stays without it');
  });

  it('refuses a new name that is only the prefix', () => {
    const result = renameName(analyze(tagged), offsetOf(tagged, '"tag:ExRedmond"'), 'tag:');
    assert.ok(result && 'refused' in result, JSON.stringify(result));
  });

  it('gives a provider name, which has no prefix, whole', () => {
    const text = hostedUm(UM_PROVIDER).replace('"Hosted UM"', '"tag:UM"').replace('"Hosted UM"', '"tag:UM"');
    const links = nameLinksAt(analyze(text).model, text.indexOf('"tag:UM"') + 2)!;
    assert.equal(links.bareName, 'tag:UM');
    const result = renameProvider(analyze(text), text.indexOf('"tag:UM"') + 2, 'Fabrikam');
    assert.ok(result && 'edits' in result);
    assert.deepEqual(result.edits.map((e) => e.newText), ['"Fabrikam"', '"Fabrikam"']);
  });
});
