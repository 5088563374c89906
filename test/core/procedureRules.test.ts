import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, hostedUm, repoFile, UM_PROVIDER } from '../helpers';

/** Documents close to each rule's failing case in rules.test.ts, which the rule must leave alone. */
const GLOBAL = '{ "Identity": "global", "Destination": "exap.um.outlook.com" }';
const CONTACT = (sip: string, number: string, extra = '') =>
  `{ "SipAddress": "${sip}", "RegistrarPool": "pool01.contoso.com", "OU": "OU=ExUmContacts,DC=contoso,DC=com", "DisplayNumber": "${number}"${extra} }`;
const EXCHANGE_ONLINE = hostedUm(UM_PROVIDER.replace('proxy.fabrikam.com', 'exap.um.outlook.com')).replace(/\n}$/, `,\n  "HostedVoicemailPolicies": [ ${GLOBAL} ]\n}`);

const PASSING: readonly { code: string; title: string; source: string }[] = [
  { code: 'LT205', title: 'a domain named by Domain alone', source: '{ "AllowedDomains": [ { "Domain": "fabrikam.com" } ], "BlockedDomains": [ { "Identity": "adatum.com" } ] }' },
  { code: 'LT206', title: 'a policy without Tenant', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ] }` },
  { code: 'LT101', title: 'Organization as an array', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Organization": ["a.contoso.com", "b.contoso.com"] } ] }' },
  { code: 'LT104', title: 'a contact with every value in its form', source: `{ "ExUmContacts": [ ${CONTACT('sip:exumsa1@contoso.com', '14255550102')} ] }` },
  { code: 'LT501', title: 'a domain allowed and another blocked, a user and a contact apart', source: `{ "AllowedDomains": [ { "Identity": "fabrikam.com" } ], "BlockedDomains": [ { "Identity": "fabrikam.net" } ], "Users": [ { "Identity": "sip:a@contoso.com" } ], "ExUmContacts": [ ${CONTACT('sip:exumsa1@contoso.com', '+14255550102')} ] }` },
  { code: 'LT502', title: 'two contacts with their own numbers', source: `{ "ExUmContacts": [ ${CONTACT('sip:exumsa1@contoso.com', '+14255550102')}, ${CONTACT('sip:exumaa1@contoso.com', '+14255550101')} ] }` },
  { code: 'LT601', title: "a partner's domain on the allowed list", source: '{ "SipDomains": ["contoso.com"], "AllowedDomains": [ { "Identity": "fabrikam.com" } ] }' },
  { code: 'LT602', title: 'allowed list while the file leaves AllowFederatedUsers alone', source: '{ "AccessEdgeConfiguration": { "AllowOutsideUsers": true }, "AllowedDomains": [ { "Identity": "fabrikam.com" } ] }' },
  { code: 'LT701', title: 'site and tag scopes', source: '{ "HostedVoicemailPolicies": [ { "Identity": "site:Redmond" }, { "Identity": "tag:ExRedmond" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "ExRedmond" } ] }' },
  { code: 'LT702', title: 'a policy without Destination that applies to nobody enabled', source: '{ "HostedVoicemailPolicies": [ { "Identity": "global" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": false } ] }' },
  { code: 'LT707', title: 'a global policy that states its Destination', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true } ] }` },
  { code: 'LT703', title: 'a per-user policy granted to a contact', source: `{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "ExUmContacts": [ ${CONTACT('sip:exumaa1@contoso.com', '+14255550101', ', "AutoAttendant": true, "HostedVoicemailPolicy": "exredmond"')} ] }` },
  { code: 'LT704', title: 'a grant by the bare per-user name', source: '{ "HostedVoicemailPolicies": [ { "Identity": "tag:ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "ExRedmond" } ] }' },
  { code: 'LT705', title: 'a grant of a policy the file defines', source: '{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": "EXREDMOND" } ] }' },
  { code: 'LT706', title: 'one global policy beside a per-user one', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL}, { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ] }` },
  { code: 'LT801', title: 'users covered by the global policy of the file', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true } ] }` },
  { code: 'LT802', title: 'users by UPN, DOMAIN\\\\logon and display name', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": "ken@contoso.com" }, { "Identity": "CONTOSO\\\\ken" }, { "Identity": "Ken Myer" } ] }` },
  { code: 'LT803', title: 'a display name without a wildcard', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "Users": [ { "Identity": "Ken Myer" } ] }` },
  { code: 'LT804', title: 'a contact granted a policy of the file', source: `{ "HostedVoicemailPolicies": [ { "Identity": "AA", "Destination": "exap.um.outlook.com" } ], "ExUmContacts": [ ${CONTACT('sip:exumaa1@contoso.com', '+14255550101', ', "HostedVoicemailPolicy": "AA"')} ] }` },
  { code: 'LT805', title: 'one contact of each kind', source: `{ "HostedVoicemailPolicies": [ ${GLOBAL} ], "ExUmContacts": [ ${CONTACT('sip:exumsa1@contoso.com', '+14255550102')}, ${CONTACT('sip:exumaa1@contoso.com', '+14255550101', ', "AutoAttendant": true')} ] }` },
  { code: 'LT901', title: 'hosted UM that leaves the policies out', source: hostedUm(UM_PROVIDER) },
  { code: 'LT902', title: 'hosted voice mail in CrossPremises mode', source: EXCHANGE_ONLINE },
  {
    code: 'LT903',
    title: "a third party's Destination beside its provider's own proxy, as the Lync Server 2013 topics write them",
    source: hostedUm(UM_PROVIDER.replace('proxy.fabrikam.com', 'proxyserver.fabrikam.com')).replace(/\n}$/, ',\n  "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "ExUM.fabrikam.com" } ]\n}'),
  },
  { code: 'LT903', title: "a Destination that is the hosted UM provider's ProxyFqdn", source: EXCHANGE_ONLINE.replace('"exap.um.outlook.com" }', '"EXAP.um.outlook.com" }') },
];

describe('rules of the whole procedure leave the right set-up alone', () => {
  for (const testCase of PASSING) {
    it(`${testCase.code}: ${testCase.title}`, () => {
      const found = check(testCase.source).diagnostics.filter((d) => d.code === testCase.code);
      assert.deepEqual(found, []);
    });
  }

  it('a Destination a letter away from Exchange Online is a warning with the fix to the documented name', () => {
    const analysis = check('{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlok.com" } ] }');
    const found = analysis.diagnostics.filter((d) => d.code === 'LT107');
    assert.equal(found.length, 1);
    assert.deepEqual(check(applyFix(analysis.model.text, found[0])).diagnostics, []);
  });

  it('the Exchange Online example has no finding at all', () => {
    assert.deepEqual(check(repoFile('examples/exchange-online.lync.jsonc')).diagnostics, []);
  });

  it('a finding that needs what the file does not name is a warning, and the script is still written', () => {
    const analysis = check('{ "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true } ], "ExUmContacts": [ ' + CONTACT('sip:exumaa1@contoso.com', '+14255550101', ', "AutoAttendant": true') + ', ' + CONTACT('sip:exumsa1@contoso.com', '+14255550102') + ' ] }');
    assert.deepEqual(analysis.diagnostics.map((d) => [d.code, d.severity]), [['LT801', 'warning'], ['LT804', 'warning']]);
    assert.deepEqual(analysis.blocking, []);
  });
});

describe('a grant written with tag: (LT708)', () => {
  const granting = (grant: string) =>
    `{ "HostedVoicemailPolicies": [ { "Identity": "ExRedmond", "Destination": "exap.um.outlook.com" } ], "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoicemailPolicy": ${JSON.stringify(grant)} }, { "Identity": "sip:b@contoso.com", "HostedVoicemailPolicy": "ExRedmond" } ] }`;

  it('of a policy the file does not define is LT705, as the bare name is', () => {
    for (const grant of ['tag:ExSeattle', 'ExSeattle']) {
      const found = check(granting(grant)).diagnostics.filter((d) => d.code === 'LT705');
      assert.equal(found.length, 1, grant);
      assert.match(found[0].message, /ExSeattle/);
    }
  });

  it('is fixed to the bare name only where that names the same per-user policy: never to another scope, a blank name or one with spaces', () => {
    for (const grant of ['tag:global', 'tag:site:Redmond', 'tag:', 'tag: ExRedmond', 'tag:tag:ExRedmond']) {
      const found = check(granting(grant)).diagnostics.filter((d) => d.code === 'LT708');
      assert.deepEqual(found.flatMap((d) => d.fixes ?? []), [], grant);
    }
    const fixed = check(granting('Tag:ExRedmond')).diagnostics.find((d) => d.code === 'LT708');
    assert.deepEqual(fixed?.fixes?.map((f) => f.title), ["Change to 'ExRedmond'"]);
  });

  it('is named by its setting and the user it is granted to, and points at the value', () => {
    const analysis = check(granting('tag:ExRedmond'));
    const found = analysis.diagnostics.find((d) => d.code === 'LT708')!;
    assert.equal(analysis.model.text.slice(found.span.start, found.span.end), '"tag:ExRedmond"');
    assert.match(found.message, /`Users\[0\]\.HostedVoicemailPolicy` \(user "sip:a@contoso\.com"\)/);
  });
});
