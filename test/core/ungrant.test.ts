import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete, documentSymbols, generate, hover, OBJECT_SPECS, topologySchema, type Analysis } from '../../server/src/core';
import { check } from '../helpers';
import { commandArguments, commandLines, readCommand } from '../powershell';

/** A file whose users and contacts state `"HostedVoicemailPolicy": null`, beside a granted per-user policy. */
const FILE = `{
  "HostedVoicemailPolicies": [
    { "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] },
    { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com", "Organization": ["redmond.contoso.com"] }
  ],
  "Users": [
    { "Identity": "sip:kenmyer@contoso.com", "HostedVoiceMail": true, "HostedVoicemailPolicy": null },
    { "Identity": "sip:pilar@contoso.com", "HostedVoicemailPolicy": "ExRedmond" },
    { "Identity": "CONTOSO\\\\davidl", "HostedVoicemailPolicy": null }
  ],
  "ExUmContacts": [
    { "SipAddress": "sip:exumsa1@contoso.com", "RegistrarPool": "pool01.contoso.com", "OU": "OU=ExUmContacts,DC=contoso,DC=com", "DisplayNumber": "+14255550102", "HostedVoicemailPolicy": null },
    { "SipAddress": "sip:exumaa1@contoso.com", "RegistrarPool": "pool01.contoso.com", "OU": "OU=ExUmContacts,DC=contoso,DC=com", "DisplayNumber": "+14255550101", "AutoAttendant": true }
  ]
}`;

function at(analysis: Analysis, search: string, delta = 0, n = 0): number {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = analysis.model.text.indexOf(search, offset + 1);
  assert.ok(offset >= 0, search);
  return offset + delta;
}

describe('"HostedVoicemailPolicy": null takes the per-user policy away', () => {
  it('is no finding of any rule that judges values or grants', () => {
    assert.deepEqual(check(FILE).diagnostics, []);
  });

  it('is LT101 anywhere else, and LT101 for a grant says null is the other value it takes', () => {
    for (const [search, replaced] of [
      ['"Destination": "exap.um.outlook.com", "Organization": ["redmond', '"Destination": null, "Organization": ["redmond'],
      ['"Organization": ["redmond.contoso.com"]', '"Organization": [null]'],
      ['"HostedVoiceMail": true', '"HostedVoiceMail": null'],
      ['"Identity": "sip:pilar@contoso.com"', '"Identity": null'],
    ]) {
      const found = check(FILE.replace(search, replaced)).diagnostics.filter((d) => d.code === 'LT101');
      assert.equal(found.length, 1, replaced);
      assert.doesNotMatch(found[0].message, /null/, replaced);
    }
    const number = check(FILE.replace('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": 7')).diagnostics.filter((d) => d.code === 'LT101');
    assert.deepEqual(number.map((d) => d.message), ['`Users[1].HostedVoicemailPolicy` (user "sip:pilar@contoso.com") must be a string in double quotes, or null (no per-user policy).']);
  });

  it('is Grant-CsHostedVoicemailPolicy -PolicyName $Null in the script, for users and for contacts, which the reader reads back', () => {
    const script = generate(check(FILE)).script!;
    const grants = commandLines(script).filter((line) => line.startsWith('Grant-'));
    assert.deepEqual(grants, [
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:kenmyer@contoso.com' -PolicyName $Null",
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:pilar@contoso.com' -PolicyName 'ExRedmond'",
      "Grant-CsHostedVoicemailPolicy -Identity 'CONTOSO\\davidl' -PolicyName $Null",
      "Grant-CsHostedVoicemailPolicy -Identity 'sip:exumsa1@contoso.com' -PolicyName $Null",
    ]);
    for (const line of grants) readCommand(line);
    assert.equal(commandArguments(grants[0]).get('PolicyName'), '$Null');
    // The contact's ungrant follows its own New-CsExUmContact, after the Auto Attendant's.
    const lines = commandLines(script);
    assert.equal(lines.indexOf(grants[3]) - 1, lines.findIndex((l) => l.startsWith("New-CsExUmContact -SipAddress 'sip:exumsa1@")));
  });

  it('is allowed by the JSON schema for the keys that grant, and for no other key', () => {
    const schema = JSON.stringify(topologySchema());
    const nullable = [...schema.matchAll(/"type":\["string","null"\]/g)].length;
    const granting = OBJECT_SPECS.flatMap((spec) => spec.properties.filter((p) => p.nullMeans !== undefined));
    assert.ok(granting.length >= 2 && granting.every((p) => p.grant), 'the users\' and the contacts\' grants, and only grants');
    assert.equal(nullable, granting.length);
    const users = (topologySchema() as { properties: Record<string, { items: { properties: Record<string, { type: unknown; markdownDescription: string }> } }> }).properties.Users.items.properties;
    assert.deepEqual(users.HostedVoicemailPolicy.type, ['string', 'null']);
    assert.match(users.HostedVoicemailPolicy.markdownDescription, /`null`: .*-PolicyName \$Null/);
    assert.equal(users.HostedVoiceMail.type, 'boolean');
  });

  it('is offered as a value where none is typed yet, and not inside a string being typed', () => {
    const open = check('{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy":  } ] }');
    const offered = complete(open, at(open, '"HostedVoicemailPolicy": ', 25));
    assert.deepEqual(offered.map((e) => e.label), ['ExRedmond', 'null']);
    assert.equal(offered[1].insertText, 'null');
    assert.match(offered[1].documentation, /site or global policy applies/);
    const typed = check('{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "" } ] }');
    assert.deepEqual(complete(typed, at(typed, '""', 1)).map((e) => e.label), ['ExRedmond']);
    const other = check('{ "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail":  } ] }');
    assert.deepEqual(complete(other, at(other, '"HostedVoiceMail": ', 19)).map((e) => e.label), ['true', 'false']);
  });

  it('says what it does in the hover on the value and on the key, and in the outline', () => {
    const analysis = check(FILE);
    const value = hover(analysis, at(analysis, '"HostedVoicemailPolicy": null', 26))!;
    assert.match(value.markdown, /^`null`: Takes the per-user policy away, so that the site or global policy applies/);
    assert.match(value.markdown, /do not say so of it/, 'the hover says the cmdlet\'s own pages do not confirm it');
    const key = hover(analysis, at(analysis, '"HostedVoicemailPolicy": null', 2))!;
    assert.match(key.markdown, /- `null`: Takes the per-user policy away/);
    const users = documentSymbols(analysis.model).find((s) => s.name === 'Users')!.children;
    assert.deepEqual(users.map((u) => u.detail), ['no per-user policy', 'ExRedmond', 'no per-user policy']);
  });

  it('is no grant for the rules about grants: a per-user policy only it would name is granted to nobody', () => {
    const text = FILE.replace('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": null');
    const found = check(text).diagnostics;
    assert.deepEqual(found.map((d) => d.code), ['LT703']);
  });

  it('leaves the global policy to apply: without one in the file, the users and contacts that need a policy rely on the deployment\'s', () => {
    const text = FILE.replace(/\{ "Identity": "global"[^\n]*\n/, '');
    const found = check(text).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(found, ['LT801', 'LT804']);
  });
});
