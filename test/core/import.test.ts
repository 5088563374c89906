import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { analyze, importShellOutput, type ImportResult } from '../../server/src/core';
import { REPO } from '../helpers';

const SAMPLES = join(REPO, 'test', 'shell-output', 'samples');

/** A public sample: its first line says where it comes from; it is blanked so that line numbers hold. */
function sample(prefix: string): string {
  const name = readdirSync(SAMPLES).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SAMPLES, name), 'utf8').replace(/^[^\n]*/, '');
}

/** Output written for the tests from documented property names (test/shell-output/README.md). */
function fixture(name: string): string {
  return readFileSync(join(REPO, 'test', 'shell-output', name), 'utf8');
}

/** The text with each comment's continuation lines joined to it. */
function flat(text: string): string {
  return text.replace(/\n\s*\/\/ /g, ' ');
}

function imported(...texts: string[]): ImportResult {
  return importShellOutput(texts.map((text, i) => ({ name: `paste${i + 1}.txt`, text })));
}

/** The imported file as data; fails when the import refused. */
function topology(...texts: string[]): Record<string, unknown> & { text: string } {
  const result = imported(...texts);
  assert.deepEqual(result.problems, []);
  return { ...(parse(result.text!) as Record<string, unknown>), text: result.text! };
}

describe('import: public samples', () => {
  it('reads the Edge settings, the routing method as its switch, numbers and Booleans typed', () => {
    const file = topology(sample('01-'));
    assert.deepEqual(file.AccessEdgeConfiguration, {
      UseDnsSrvRouting: true,
      EnablePartnerDiscovery: false,
      BeClearingHouse: false,
      AllowFederatedUsers: false,
      AllowAnonymousUsers: false,
      AllowOutsideUsers: true,
      EnableArchivingDisclaimer: false,
      KeepCrlsUpToDateForPeers: true,
      MarkSourceVerifiableOnOutgoingMessages: true,
      OutgoingTlsCountForFederatedPartners: 4,
      CertificatesDeletedPercentage: 20,
      DiscoveredPartnerReportPeriodMinutes: 60,
      DiscoveredPartnerStandardRate: 20,
      EnableDiscoveredPartnerContactsLimit: true,
      EnableUserReplicator: true,
      MaxAcceptedCertificatesStored: 1000,
      MaxContactsPerDiscoveredPartner: 1000,
      MaxRejectedCertificatesStored: 500,
    });
    assert.match(file.text, /^\/\/ Imported by Lync Topology from Management Shell output: paste1\.txt\.\n\/\/ Read: Get-CsAccessEdgeConfiguration \(1 object\)\./);
    assert.match(file.text, /\/\/ Left out of Get-CsAccessEdgeConfiguration: Identity \(there is only the global collection\)\./);
    assert.deepEqual(analyze(file.text).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('reads the documentation rendering (padding collapsed, a blank line between lines), a property printed twice alike read once', () => {
    const file = topology(sample('03-'), sample('04-'));
    assert.deepEqual(file.AllowedDomains, [{ Identity: 'contoso.com', MarkForMonitoring: false }]);
    assert.deepEqual(file.BlockedDomains, [{ Identity: 'tailspintoys.com' }]);
    assert.match(file.text, /Left out of Get-CsAllowedDomain: Domain \(repeats the Identity\)/);
  });

  it('leaves an object of no kind it reads out, naming it, with its wrapped values joined', () => {
    const file = topology(sample('07-'));
    assert.deepEqual(Object.keys(file).filter((k) => k !== 'text'), []);
    assert.match(flat(file.text), /Left out: the object at line 2 of paste1\.txt \(Identity, RegistrarPool, HomeServer, OwnerUrn, SipAddress,/);
  });

  it('refuses a collection cut short, naming $FormatEnumerationLimit = -1 and the line', () => {
    const result = imported(sample('14-'));
    assert.equal(result.text, undefined);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].line, 2);
    assert.match(result.problems[0].message, /^Usage is cut short .*`\$FormatEnumerationLimit = -1`/);
  });
});

describe('import: written fixtures', () => {
  it('keeps what the default view of Get-CsHostingProvider hides out of the file, with a comment, never false', () => {
    const file = topology(fixture('get-cshostingprovider-default-view.txt'));
    const providers = file.HostingProviders as Record<string, unknown>[];
    assert.deepEqual(providers[0], { Identity: 'Exchange Online', Enabled: true, ProxyFqdn: 'exap.um.outlook.com', IsLocal: false, VerificationLevel: 'UseSourceVerification' });
    assert.equal(providers[1].AutodiscoverUrl, 'https://autodiscover.fabrikam.com/autodiscover/autodiscoverservice.svc/root');
    for (const p of providers) for (const hidden of ['EnabledSharedAddressSpace', 'HostsOCSUsers', 'SipClientPort']) assert.equal(hidden in p, false);
    assert.match(flat(file.text), /EnabledSharedAddressSpace, HostsOCSUsers, SipClientPort \(the default view hides them, so they are unknown: run `Get-CsHostingProvider \| Select-Object \*` to read them\)/);
  });

  it('reads Select-Object * output, joining a value wrapped at 120 columns', () => {
    const file = topology(fixture('get-cshostingprovider-select-all.txt'));
    const [provider] = file.HostingProviders as Record<string, unknown>[];
    assert.equal(provider.Identity, 'Hosted Exchange UM for the Redmond, Seattle and Bellevue offices of Contoso, kept by the messaging team of the northwest region');
    assert.equal(provider.EnabledSharedAddressSpace, true);
    assert.equal(provider.HostsOCSUsers, false);
    assert.equal(provider.SipClientPort, 443);
    assert.doesNotMatch(file.text, /default view hides/);
  });

  it('reads policies: Global, Tag: prefixes dropped, Site: kept, Organization as an array, empty values left out', () => {
    const file = topology(fixture('get-cshostedvoicemailpolicy.txt'));
    assert.deepEqual(file.HostedVoicemailPolicies, [
      { Identity: 'global', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com'] },
      { Identity: 'ExRedmond', Destination: 'exap.um.outlook.com', Organization: ['contoso.onmicrosoft.com', 'redmond.contoso.com'], Description: 'Hosted voice mail for the Redmond office' },
      { Identity: 'site:Redmond', Destination: 'exap.um.outlook.com' },
    ]);
  });

  it('reads contacts: OU from the Identity, the granted policy or none, server-set properties and {} collections left out with a comment', () => {
    const file = topology(fixture('get-csexumcontact.txt'));
    const [aa, sa] = file.ExUmContacts as Record<string, unknown>[];
    assert.deepEqual(aa, {
      SipAddress: 'sip:exumaa1@contoso.com',
      RegistrarPool: 'pool01.contoso.com',
      OU: 'OU=ExUmContacts,DC=contoso,DC=com',
      DisplayNumber: '+14255550101',
      AutoAttendant: true,
      Description: 'Auto Attendant',
      HostedVoicemailPolicy: 'ExRedmond',
    });
    // Printed empty: the contact has no per-user policy, which the file states as null.
    assert.equal(sa.HostedVoicemailPolicy, null);
    assert.match(flat(file.text), /OtherIpPhone, IsSubscriberAccess, SecondaryLanguages, Enabled, EnterpriseVoiceEnabled, ExUmEnabled \(no parameter of New-CsExUmContact takes them\)/);
  });

  it('reads users by SIP address; an empty HostedVoiceMail stays unknown, an empty HostedVoicemailPolicy is none (null)', () => {
    const file = topology(fixture('get-csuser-hostedvoicemail.txt'));
    assert.deepEqual(file.Users, [
      { Identity: 'sip:kenmyer@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' },
      { Identity: 'sip:pilar@contoso.com', HostedVoiceMail: false, HostedVoicemailPolicy: null },
      { Identity: 'sip:davidl@contoso.com', HostedVoicemailPolicy: null },
    ]);
    // Not printed at all (another Select-Object), it stays unknown.
    const unselected = topology('SipAddress      : sip:a@contoso.com\nHostedVoiceMail : True\n');
    assert.deepEqual(unselected.Users, [{ Identity: 'sip:a@contoso.com', HostedVoiceMail: true }]);
    const tagged = topology('SipAddress            : sip:a@contoso.com\nHostedVoiceMail       : True\nHostedVoicemailPolicy : Tag:ExRedmond\n');
    assert.deepEqual(tagged.Users, [{ Identity: 'sip:a@contoso.com', HostedVoiceMail: true, HostedVoicemailPolicy: 'ExRedmond' }]);
  });

  it('leaves out an object that prints no name, saying so, rather than write an entry that names nothing', () => {
    const file = topology('SipAddress            : \nHostedVoiceMail       : True\n\nSipAddress            : sip:a@contoso.com\nHostedVoiceMail       : True\n');
    assert.deepEqual(file.Users, [{ Identity: 'sip:a@contoso.com', HostedVoiceMail: true }]);
    assert.match(flat(file.text), /Left out: the object at line 1 of paste1\.txt \(Get-CsUser [^)]*\) prints no SipAddress, so it names no user\.\n/);
    const provider = topology('Identity  : \nProxyFqdn : sip.fabrikam.com\nIsLocal   : False\n');
    assert.equal(provider.HostingProviders, undefined);
    assert.match(flat(provider.text), /Nothing was read into this file\. Left out: the object at line 1 of paste1\.txt \(Get-CsHostingProvider\) prints no Identity, so it names no hosting provider\./);
    assert.deepEqual(analyze(provider.text).diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('reads the default-route type of the Edge, and names a block of another kind', () => {
    const file = topology(fixture('get-csaccessedgeconfiguration-default-route.txt'));
    const edge = file.AccessEdgeConfiguration as Record<string, unknown>;
    assert.equal(edge.UseDefaultRouting, true);
    assert.equal(edge.DefaultRouteFqdn, 'proxy.fabrikam.com');
    assert.equal(edge.VerificationLevel, 'AlwaysUnverifiable');
    assert.equal('UseDnsSrvRouting' in edge, false);
    assert.match(flat(file.text), /Left out: the object at line 15 of paste1\.txt \(Identity, Usage, Description\) is of no kind the import reads\./);
  });

  it('reads the CSV of Export-Csv -NoTypeInformation, two commands one after the other, quotes and commas in values', () => {
    const file = topology(fixture('get-csalloweddomain-blockeddomain.csv'));
    assert.deepEqual(file.AllowedDomains, [
      { Identity: 'fabrikam.com', ProxyFqdn: 'sip.fabrikam.com', Comment: 'Fabrikam partnership, since 2012 "gold"', MarkForMonitoring: false },
      { Identity: 'litwareinc.com', MarkForMonitoring: true },
    ]);
    assert.deepEqual(file.BlockedDomains, [{ Identity: 'adatum.com', Comment: 'Unsolicited messages' }]);
  });

  it('refuses a cut-short collection even in a property it would leave out', () => {
    const result = imported(fixture('get-csexumcontact-cut-short.txt'));
    assert.equal(result.text, undefined);
    assert.deepEqual(result.problems.map((p) => [p.source, p.line]), [['paste1.txt', 7]]);
  });

  it('reads every command pasted one after another, in any order, into one file in the catalog order', () => {
    const file = topology(fixture('get-csuser-hostedvoicemail.txt') + fixture('get-cshostedvoicemailpolicy.txt') + sample('01-') + '\n' + fixture('get-csexumcontact.txt'));
    assert.deepEqual(Object.keys(file).filter((k) => k !== 'text'), ['AccessEdgeConfiguration', 'HostedVoicemailPolicies', 'Users', 'ExUmContacts']);
  });
});

describe('import: transcripts', () => {
  it('skips what was typed: prompts, cmdlets, assignments and the #TYPE line of Export-Csv', () => {
    const transcript = [
      'PS C:\\Users\\admin> $FormatEnumerationLimit = -1',
      '$FormatEnumerationLimit = -1',
      'Get-CsBlockedDomain',
      sample('04-'),
      '#TYPE Microsoft.Rtc.Management.WritableConfig.Settings.Edge.AllowedDomain',
      '"Identity","Domain","ProxyFqdn","Comment","MarkForMonitoring"',
      '"fabrikam.com","fabrikam.com","","","False"',
    ].join('\n');
    const file = topology(transcript);
    assert.deepEqual(file.BlockedDomains, [{ Identity: 'tailspintoys.com' }]);
    assert.deepEqual(file.AllowedDomains, [{ Identity: 'fabrikam.com', MarkForMonitoring: false }]);
  });

  it('reads the same object pasted twice once, and refuses two different objects of one name', () => {
    const twice = topology(fixture('get-csuser-hostedvoicemail.txt'), fixture('get-csuser-hostedvoicemail.txt'));
    assert.equal((twice.Users as unknown[]).length, 3);
    const changed = imported(fixture('get-csuser-hostedvoicemail.txt'), fixture('get-csuser-hostedvoicemail.txt').replace('HostedVoiceMail       : True', 'HostedVoiceMail       : False'));
    assert.equal(changed.text, undefined);
    assert.deepEqual(changed.problems.map((p) => [p.source, p.line]), [['paste2.txt', 2]]);
    assert.match(changed.problems[0].message, /printed "sip:kenmyer@contoso.com" before \(line 2 of paste1\.txt\)/);
  });

  it('says which server version the output comes from at least, when its parameters need a later one than the default', () => {
    const skype = sample('01-').replace('RoutingMethod                          : UseDnsSrvRouting', 'DnsSrvCacheRecordCount                 : 1000\nRoutingMethod                          : UseDnsSrvRouting');
    const file = topology(skype);
    assert.equal(file.ServerVersion, 'Skype for Business Server 2015');
    assert.deepEqual(analyze(file.text).diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal('ServerVersion' in topology(sample('01-')), false);
  });

  it('leaves an empty Organization out rather than writing an empty list', () => {
    const file = topology('Identity     : Tag:Empty\nDescription  :\nDestination  : exap.um.outlook.com\nOrganization : {}\n');
    assert.deepEqual(file.HostedVoicemailPolicies, [{ Identity: 'Empty', Destination: 'exap.um.outlook.com' }]);
  });
});

describe('import: wrapping and CSV variants', () => {
  it('joins a value the console broke inside a word without a space when its kind has none (a URL), with one otherwise', () => {
    const url = 'https://autodiscover.fabrikam.com/autodiscover/autodiscoverservice.svc/root/' + 'x'.repeat(30);
    const lines = [
      'Identity                  : Fabrikam Hosted',
      '                            Exchange',
      'ProxyFqdn                 : proxyserver.fabrikam.com',
      'Enabled                   : True',
      'IsLocal                   : False',
      `AutodiscoverUrl           : ${url.slice(0, 92)}`,
      `                            ${url.slice(92)}`,
    ];
    assert.equal(lines[5].length, 120);
    const [provider] = topology(lines.join('\n')).HostingProviders as Record<string, unknown>[];
    assert.equal(provider.AutodiscoverUrl, url);
    assert.equal(provider.Identity, 'Fabrikam Hosted Exchange');
  });

  it('reads CSV written without quotes (Export-Csv -UseQuotes AsNeeded)', () => {
    const file = topology('Identity,Domain,Comment\nadatum.com,adatum.com,Spam\n');
    assert.deepEqual(file.BlockedDomains, [{ Identity: 'adatum.com', Comment: 'Spam' }]);
  });

  it('reports a CSV row whose fields do not match its header, with its line', () => {
    const result = imported('"Identity","Domain","Comment"\n"adatum.com","adatum.com"\n');
    assert.deepEqual(result.problems.map((p) => p.line), [2]);
  });
});

describe('import: what it cannot read', () => {
  it('reports a line that is not list format with its number, and writes nothing', () => {
    const result = imported('Identity : a.com\nDomain   : a.com\nthis is not output\n');
    assert.equal(result.text, undefined);
    assert.deepEqual(result.problems.map((p) => p.line), [3]);
    assert.match(result.problems[0].message, /not a `Name : Value` line/);
  });

  it('tells the table format apart and says how to print a list', () => {
    const result = imported('\nIdentity       ProxyFqdn\n--------       ---------\nFabrikam       proxy.fabrikam.com\n');
    assert.equal(result.text, undefined);
    assert.ok(result.problems.some((p) => p.line === 3 && /Format-List/.test(p.message)));
  });

  it('reports a value of the wrong type with its line', () => {
    const result = imported('Identity          : Fabrikam\nProxyFqdn         : p.fabrikam.com\nEnabled           : Yes\nIsLocal           : False\n');
    assert.deepEqual(result.problems.map((p) => [p.line, p.message]), [[3, 'Enabled should print True or False, not "Yes".']]);
  });

  it('refuses a second Edge configuration', () => {
    const result = importShellOutput([
      { name: 'a.txt', text: sample('01-') },
      { name: 'b.txt', text: sample('01-') },
    ]);
    assert.equal(result.text, undefined);
    assert.match(result.problems[0].message, /A second Get-CsAccessEdgeConfiguration object/);
    assert.equal(result.problems[0].source, 'b.txt');
  });

  it('keeps a name a file gives with a line break on one comment line', () => {
    const result = importShellOutput([{ name: 'evil\n{ "AllowFederatedUsers": true }.txt', text: sample('04-') }]);
    const file = parse(result.text!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(file), ['BlockedDomains']);
  });

  it('writes a value that could break out of its JSON string as an escaped string', () => {
    const file = topology('Identity : evil.com\nDomain : evil.com\nComment : "}, "X": 1 // \\\n');
    assert.deepEqual(file.BlockedDomains, [{ Identity: 'evil.com', Comment: '"}, "X": 1 // \\' }]);
  });
});

describe('import: what the output does not say', () => {
  it('refuses a CSV field that holds a collection type name instead of its items, in any property it reads, naming the fix', () => {
    const csv = [
      '"Identity","Description","Destination","Organization"',
      '"Tag:ExRedmond","","exap.um.outlook.com","System.Collections.Generic.List`1[System.String]"',
      '"Tag:ExSeattle","","exap.um.outlook.com","Microsoft.Rtc.Management.WritableConfig.Policy.Voice.OrganizationList"',
      '"Tag:ExTacoma","","exap.um.outlook.com","contoso.com,tacoma.contoso.com"',
      '"Identity","Domain","ProxyFqdn","Comment","MarkForMonitoring"',
      '"fabrikam.com","fabrikam.com","sip.fabrikam.com","System.Object[]","False"',
    ].join('\n');
    const result = imported(csv);
    assert.equal(result.text, undefined);
    assert.deepEqual(result.problems.map((p) => p.line), [2, 3, 6]);
    assert.match(result.problems[0].message, /^Organization holds "System\.Collections\.Generic\.List`1\[System\.String\]", the name of its type, not its items/);
    assert.match(result.problems[0].message, /Select-Object @\{Name='Organization'; Expression=\{\$_\.Organization -join ','\}\}, \* -ExcludeProperty Organization/);
    assert.match(result.problems[0].message, /Format-List/);
    assert.match(result.problems[2].message, /^Comment holds "System\.Object\[\]"/);
  });

  it('reads a domain named like a type but not one, and a type name in a property it leaves out', () => {
    const csv = '"Identity","Domain","Comment"\n"Microsoft.com","Microsoft.com","System.Partners.Com is another"\n';
    assert.deepEqual(topology(csv).BlockedDomains, [{ Identity: 'Microsoft.com', Comment: 'System.Partners.Com is another' }]);
    const provider = imported('"Identity","Name","ProxyFqdn","IsLocal","Addresses"\n"Fabrikam","Fabrikam","sip.fabrikam.com","False","System.Collections.Generic.List`1[System.String]"\n');
    assert.deepEqual(provider.problems, []);
    assert.match(flat(provider.text!), /Addresses \(no parameter of New-CsHostingProvider takes them\)/);
  });

  it('says a provider Name repeats the Identity only when it does, and what a different one means', () => {
    const provider = (name: string) => `Identity  : Fabrikam\nName      : ${name}\nProxyFqdn : sip.fabrikam.com\nIsLocal   : False\n`;
    assert.match(flat(topology(provider('Fabrikam')).text), /Left out of Get-CsHostingProvider: Name \(repeats the Identity\)/);
    const other = flat(topology(provider('Fabrikam Hosted UM')).text);
    assert.doesNotMatch(other, /repeats the Identity/);
    assert.match(other, /Name \(is "Fabrikam Hosted UM", not the Identity "Fabrikam"; no parameter of New-CsHostingProvider sets it, so the file cannot state it/);
  });

  it('says a domain printed with another Domain than its Identity is named by the Identity, which the cmdlet takes instead', () => {
    const text = flat(topology('Identity : fabrikam.com\nDomain   : sip.fabrikam.com\nComment  :\n').text);
    assert.match(text, /Domain \(is "sip\.fabrikam\.com", not the Identity "fabrikam\.com"; New-CsBlockedDomain takes Identity or Domain, not both, and the file states the Identity\)/);
  });

  it('says that two names differing only in letter case name one object, with or without other values', () => {
    const domain = (name: string, comment: string) => `Identity : ${name}\nDomain   : ${name}\nComment  : ${comment}\n`;
    const caseOnly = imported(domain('fabrikam.com', 'Partner'), domain('Fabrikam.com', 'Partner'));
    assert.equal(caseOnly.text, undefined);
    assert.equal(caseOnly.problems.length, 1);
    assert.match(caseOnly.problems[0].message, /printed "fabrikam\.com" \(line 1 of paste1\.txt\) and "Fabrikam\.com": the server compares these names without regard to letter case/);
    assert.doesNotMatch(caseOnly.problems[0].message, /other values/);
    const alsoValues = imported(domain('fabrikam.com', 'Partner'), domain('Fabrikam.com', 'Former partner'));
    assert.match(alsoValues.problems[0].message, /and "Fabrikam\.com", here with other values too: the server compares/);
  });

  it('refuses input without any output: empty, blank lines, or only what was typed', () => {
    for (const text of ['', '\n \n\t\n', 'PS C:\\> Get-CsHostingProvider\r\n\r\nPS C:\\> $FormatEnumerationLimit = -1\r\n']) {
      const result = importShellOutput([{ name: 'clipboard', text }]);
      assert.equal(result.text, undefined, JSON.stringify(text));
      assert.deepEqual(result.problems.map((p) => [p.source, p.line]), [['clipboard', 1]]);
      assert.match(result.problems[0].message, /^No Management Shell output was found in clipboard/);
    }
    const oneEmpty = imported(fixture('get-cshostedvoicemailpolicy.txt'), '\n');
    assert.deepEqual(oneEmpty.problems.map((p) => p.source), ['paste2.txt']);
  });
});
