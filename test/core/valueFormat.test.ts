import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate, OBJECT_SPECS } from '../../server/src/core';
import { check } from '../helpers';
import { commandArguments, commandLines } from '../powershell';

const CONTACT = { SipAddress: 'sip:exumsa1@contoso.com', RegistrarPool: 'pool01.contoso.com', OU: 'OU=ExUmContacts,DC=contoso,DC=com', DisplayNumber: '+14255550102' };
const PROVIDER = { Identity: 'P', Enabled: true, ProxyFqdn: 'p.fabrikam.com' };

/** The LT104 messages of a file. */
function lt104(file: Record<string, unknown>): string[] {
  return check(JSON.stringify(file)).diagnostics.filter((d) => d.code === 'LT104').map((d) => d.message);
}

describe('free text: Comment and Description', () => {
  const freeText = OBJECT_SPECS.flatMap((spec) => spec.properties.filter((p) => p.value.kind === 'string' && p.value.format === 'text' && !p.notEmitted).map((p) => `${spec.title}.${p.name}`));

  it('are the settings the catalog calls free text', () => {
    assert.deepEqual(freeText.sort(), ['Exchange UM contact.Description', 'allowed domain.Comment', 'blocked domain.Comment', 'hosted voice mail policy.Description']);
  });

  for (const text of ['', ' ', ' note with spaces around it ']) {
    it(`takes ${JSON.stringify(text)} without a finding, and the script passes it as it is`, () => {
      const file = {
        AllowedDomains: [{ Identity: 'fabrikam.com', Comment: text }],
        BlockedDomains: [{ Identity: 'adatum.com', Comment: text }],
        HostedVoicemailPolicies: [{ Identity: 'global', Destination: 'exap.um.outlook.com', Description: text }],
        ExUmContacts: [{ ...CONTACT, AutoAttendant: true, Description: text }],
      };
      const analysis = check(JSON.stringify(file));
      // One contact alone is LT805 (information), which is not about the text.
      assert.deepEqual(analysis.diagnostics.map((d) => d.code), ['LT805']);
      const lines = commandLines(generate(analysis).script!).filter((l) => /^(New|Set)-Cs(AllowedDomain|BlockedDomain|HostedVoicemailPolicy|ExUmContact) /.test(l));
      assert.equal(lines.length, 4);
      for (const line of lines) assert.equal(commandArguments(line).get(line.includes('Domain ') ? 'Comment' : 'Description'), text, line);
    });
  }

  it('is still refused when it holds a line break (LT105)', () => {
    const codes = check(JSON.stringify({ BlockedDomains: [{ Identity: 'adatum.com', Comment: 'a\nb' }] })).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['LT105']);
  });
});

describe('LT104 says what is wrong with each kind of value', () => {
  it('an empty or blank value is empty or blank, with the form it must have', () => {
    assert.deepEqual(lt104({ HostingProviders: [{ ...PROVIDER, ProxyFqdn: '' }] }), [
      '`HostingProviders[0].ProxyFqdn` (hosting provider "P") is empty: it must be a fully qualified domain name such as proxyserver.fabrikam.com.',
    ]);
    assert.deepEqual(lt104({ ExUmContacts: [{ ...CONTACT, DisplayNumber: '  ' }] }), [
      '`ExUmContacts[0].DisplayNumber` (Exchange UM contact "sip:exumsa1@contoso.com") is blank: it must be a phone number: an optional +, then digits, the first not 0, such as +14255550101.',
    ]);
    assert.deepEqual(lt104({ Users: [{ Identity: '' }] }), ['`Users[0].Identity` (user "") is empty: it must be a name that is not empty, without spaces at either end.']);
  });

  it('a value right but for spaces at either end has spaces, and is not the same as without them', () => {
    assert.deepEqual(lt104({ AllowedDomains: [{ Identity: 'fabrikam.com', ProxyFqdn: ' sip.fabrikam.com' }] }), [
      '`AllowedDomains[0].ProxyFqdn` (allowed domain "fabrikam.com") has spaces at either end: it must be a fully qualified domain name such as proxyserver.fabrikam.com, and PowerShell passes the spaces on, so " sip.fabrikam.com" is not the same as "sip.fabrikam.com".',
    ]);
  });

  it('a Destination in the documented pattern but too long says how long it is', () => {
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(14)}.com`;
    assert.equal(long.length, 262);
    assert.deepEqual(lt104({ HostedVoicemailPolicies: [{ Identity: 'global', Destination: long }] }), [
      '`HostedVoicemailPolicies[0].Destination` (hosted voice mail policy "global") is 262 characters long: it must be an FQDN of at most 255 characters made of letters, digits, hyphens and underscores, such as exap.um.outlook.com.',
    ]);
  });

  it('any other value gets the form it must have, and never "a name" unless a name is what it must be', () => {
    const messages = [
      ...lt104({ SipDomains: ['contoso'] }),
      ...lt104({ HostingProviders: [{ ...PROVIDER, AutodiscoverUrl: 'ftp://fabrikam.com' }] }),
      ...lt104({ ExUmContacts: [{ ...CONTACT, SipAddress: 'exumsa1@contoso.com', OU: 'OU=ExUmContacts,contoso.com', DisplayNumber: '0142' }] }),
    ];
    assert.deepEqual(messages, [
      '`SipDomains[0]` must be a SIP domain name such as contoso.com; "contoso" is not.',
      '`HostingProviders[0].AutodiscoverUrl` (hosting provider "P") must be an http or https URL; "ftp://fabrikam.com" is not.',
      '`ExUmContacts[0].SipAddress` (Exchange UM contact "exumsa1@contoso.com") must be a SIP address starting with sip:, such as sip:exumaa1@contoso.com; "exumsa1@contoso.com" is not.',
      '`ExUmContacts[0].OU` (Exchange UM contact "exumsa1@contoso.com") must be the distinguished name of an organizational unit, such as OU=ExUmContacts,DC=contoso,DC=com, or the unit\'s own name; "OU=ExUmContacts,contoso.com" is not.',
      '`ExUmContacts[0].DisplayNumber` (Exchange UM contact "exumsa1@contoso.com") must be a phone number: an optional +, then digits, the first not 0, such as +14255550101; "0142" is not.',
    ]);
    for (const message of messages) assert.doesNotMatch(message, /a name/);
  });
});
