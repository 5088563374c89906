import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, complete, documentSymbols, hover, nameLinksAt, renameName, type Analysis } from '../../server/src/core';
import { applyFix, check, repoFile } from '../helpers';

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

function at(analysis: Analysis, search: string, delta = 0): number {
  const offset = analysis.model.text.indexOf(search);
  assert.ok(offset >= 0, search);
  return offset + delta;
}

describe('the new sections in completion, hover, outline, references and fixes', () => {
  it('offers the keys a user does not have yet, documented from the catalog', () => {
    const analysis = check('{ "Users": [ { "Identity": "sip:a@contoso.com", "" } ] }');
    const entries = complete(analysis, at(analysis, '""', 1));
    assert.deepEqual(entries.map((e) => e.label), ['HostedVoiceMail', 'HostedVoicemailPolicy']);
    assert.match(entries[1].documentation, /Grant-CsHostedVoicemailPolicy/);
  });

  it('offers per-user policy names, without tag:, for a grant; neither global nor site policies', () => {
    const analysis = check(`{ "HostedVoicemailPolicies": [ { "Identity": "global" }, { "Identity": "site:Redmond" }, { "Identity": "tag:ExRedmond" }, { "Identity": "ExSales" } ],
      "ExUmContacts": [ { "HostedVoicemailPolicy": "" } ] }`);
    const entries = complete(analysis, at(analysis, '"HostedVoicemailPolicy": ""', 25));
    assert.deepEqual(entries.map((e) => e.label), ['ExRedmond', 'ExSales']);
    assert.match(entries[0].documentation, /Hosted voice mail policy.*tag:ExRedmond/);
  });

  it('offers a new entry of every list section, with its required keys as placeholders', () => {
    for (const [section, keys] of [
      ['AllowedDomains', ['Identity']],
      ['BlockedDomains', ['Identity']],
      ['HostedVoicemailPolicies', ['Identity', 'Destination']],
      ['Users', ['Identity', 'HostedVoiceMail']],
      ['ExUmContacts', ['SipAddress', 'RegistrarPool', 'OU', 'DisplayNumber']],
    ] as const) {
      const analysis = check(`{ "${section}": [  ] }`);
      const [entry] = complete(analysis, at(analysis, '[ ', 2));
      assert.equal(entry.kind, 'snippet', section);
      assert.deepEqual(Object.keys(JSON.parse(entry.insertText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\\([\\$}])/g, '$1'))), [...keys], section);
    }
  });

  it('shows the policy a grant names, and the catalog for a key', () => {
    const analysis = check(EXAMPLE);
    const grant = hover(analysis, at(analysis, '"HostedVoicemailPolicy": "ExRedmond"', 27))!;
    assert.match(grant.markdown, /^\*\*Hosted voice mail policy\*\* "ExRedmond"[^]*Destination: `"exap\.um\.outlook\.com"`/);
    const key = hover(analysis, at(analysis, '"DisplayNumber"', 2))!;
    assert.match(key.markdown, /New-CsExUmContact[^]*phone number/);
  });

  it('names each entry by its name in the outline, with its section\'s detail', () => {
    const symbols = documentSymbols(check(EXAMPLE).model);
    const children = (key: string) => symbols.find((s) => s.name === key)!.children.map((c) => [c.name, c.detail, c.kind]);
    assert.deepEqual(children('AllowedDomains'), [['fabrikam.com', 'sip.fabrikam.com', 'entry'], ['litwareinc.com', undefined, 'entry']]);
    assert.deepEqual(children('ExUmContacts').map((c) => c[1]), ['+14255550102', '+14255550101']);
    assert.deepEqual(children('Users')[0], ['sip:kenmyer@contoso.com', 'ExRedmond', 'entry']);
  });

  it('links a policy name with every grant of it, whatever its letter case', () => {
    const analysis = check(EXAMPLE.replace('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": "exredmond"'));
    const links = nameLinksAt(analysis.model, at(analysis, '"Identity": "ExRedmond"', 14))!;
    assert.equal(links.section, 'HostedVoicemailPolicies');
    assert.equal(links.references.length, 2);
    assert.equal(links.definitions.length, 1);
    assert.equal(nameLinksAt(analysis.model, at(analysis, '"Identity": "sip:pilar@', 14)), undefined, 'a user is named by nothing');
  });

  it('renames a policy with its grants, and refuses a name another policy has', () => {
    const analysis = check(EXAMPLE);
    const offset = at(analysis, '"HostedVoicemailPolicy": "ExRedmond" }', 27);
    const renamed = renameName(analysis, offset, 'Redmond UM')!;
    assert.ok('edits' in renamed);
    const text = applyEdits(EXAMPLE, renamed.edits);
    assert.equal(text.split('"Redmond UM"').length - 1, 3);
    assert.deepEqual(check(text).diagnostics, []);
    const refused = renameName(analysis, offset, 'GLOBAL')!;
    assert.ok('refused' in refused && /LT501|already has the Identity "global"/.test(refused.refused), JSON.stringify(refused));
  });

  it('fixes a comma-separated Organization into the array, and a domain named twice', () => {
    const organization = check('{ "HostedVoicemailPolicies": [ { "Identity": "global", "Organization": "a.contoso.com,b.contoso.com" } ] }');
    const fixed = applyFix(organization.model.text, organization.diagnostics.find((d) => d.code === 'LT101')!);
    assert.match(fixed, /"Organization": \["a\.contoso\.com", "b\.contoso\.com"\]/);
    assert.deepEqual(check(fixed).diagnostics, []);
    const twice = check('{ "AllowedDomains": [ { "Identity": "fabrikam.com", "Domain": "fabrikam.com" } ] }');
    assert.deepEqual(check(applyFix(twice.model.text, twice.diagnostics.find((d) => d.code === 'LT205')!)).diagnostics, []);
  });
});
