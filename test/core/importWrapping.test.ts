import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { importShellOutput } from '../../server/src/core';
import { requirePwsh, runPwsh } from '../pwsh/pwsh';
import { listObject, wrapValue, type Layout, type Props } from '../shellPrinter';

/** The one entry of `section` that importing `text` gives; fails when the import refused. */
function importedEntry(text: string, section: string): Record<string, unknown> {
  const result = importShellOutput([{ name: 'shell.txt', text }]);
  assert.deepEqual(result.problems, [], text);
  const file = parse(result.text!) as Record<string, Record<string, unknown>[]>;
  return file[section][0];
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$/);
const fqdn = fc.array(label, { minLength: 2, maxLength: 14 }).map((labels) => labels.join('.'));
const sipAddress = fc.tuple(label, fqdn).map(([user, domain]) => `sip:${user}@${domain}`);
const organization = fc.tuple(fc.array(fqdn, { minLength: 1, maxLength: 12 }), fc.constantFrom(',', ', '));
const wordCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;()\'"-/@=');
const word = (minLength: number, maxLength: number) => fc.array(wordCharacter, { minLength, maxLength }).map((cs) => cs.join(''));
/** Words of printable characters but spaces, at most `longest` long (some of them that long), one space between each two. */
const text = (longest: number) =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: word(1, Math.min(longest, 8)) }, { weight: 1, arbitrary: word(1, longest) }), { minLength: 1, maxLength: 40 })
    .map((words) => words.join(' '));

const layouts: readonly Omit<Layout, 'width'>[] = [
  { wordWrap: true, keepLineEnds: true },
  { wordWrap: true, keepLineEnds: false },
  { wordWrap: false, keepLineEnds: true },
  { wordWrap: false, keepLineEnds: false },
];
const layout = fc.tuple(fc.integer({ min: 40, max: 160 }), fc.constantFrom(...layouts)).map(([width, rest]) => ({ width, ...rest }));

const provider = (proxyFqdn: string): Props => [
  ['Identity', 'Fabrikam'],
  ['Name', 'Fabrikam'],
  ['ProxyFqdn', proxyFqdn],
  ['VerificationLevel', 'UseSourceVerification'],
  ['Enabled', true],
  ['IsLocal', false],
];
const user = (sip: string): Props => [
  ['SipAddress', sip],
  ['HostedVoiceMail', true],
  ['HostedVoicemailPolicy', ''],
];
const policy = (org: string, description = ''): Props => [
  ['Identity', 'Tag:Tenants'],
  ['Description', description],
  ['Destination', 'exap.um.outlook.com'],
  ['Organization', org],
];
const allowedDomain = (comment: string): Props => [
  ['Identity', 'fabrikam.com'],
  ['Domain', 'fabrikam.com'],
  ['ProxyFqdn', ''],
  ['Comment', comment],
  ['MarkForMonitoring', false],
];

describe('import: values the console wrapped', () => {
  it('the test printer wraps as PowerShell does, in English and in a language without word wrap', (t) => {
    if (!requirePwsh(t)) return;
    const cases: { props: Props; width: number; wordWrap: boolean }[] = [];
    for (const width of [40, 57, 80, 120])
      for (const wordWrap of [true, false]) {
        cases.push({ props: allowedDomain(`Partner of Contoso since 2012, reached through ${'x'.repeat(width)} and sip.fabrikam.com; ask ${'y'.repeat(width - 21)} first`), width, wordWrap });
        cases.push({ props: policy('a.contoso.com, b.fabrikam.com,c.litwareinc.com,'.repeat(5)), width, wordWrap });
      }
    // A word as wide as the room: the space after it gets a line of its own.
    cases.push({ props: allowedDomain(`${'a'.repeat(20)} ${'b'.repeat(20)}`), width: 40, wordWrap: true });
    const quote = (value: unknown) => (typeof value === 'boolean' ? `$${value}` : `'${String(value).replace(/'/g, "''")}'`);
    const script = cases
      .map(({ props, width, wordWrap }) => {
        const object = `[pscustomobject][ordered]@{${props.map(([name, value]) => `${name} = ${quote(value)}`).join('; ')}}`;
        // English breaks at words; the invariant culture does not (StringManipulationHelper's culture list).
        return `[cultureinfo]::CurrentCulture = '${wordWrap ? 'en-US' : ''}'; ${object} | Format-List | Out-String -Width ${width} | Write-Output; '<end>'`;
      })
      .join('\n');
    const printedByPowerShell = runPwsh(script).split('<end>');
    cases.forEach(({ props, width, wordWrap }, index) => {
      const ours = listObject(props, { width, wordWrap, keepLineEnds: true });
      assert.equal(printedByPowerShell[index].replace(/^\s*\n|\s*$/g, ''), ours, `width ${width}, word wrap ${wordWrap}`);
    });
  });

  it('gets back an FQDN, a SIP address and an Organization list cut anywhere, whatever the layout', () => {
    fc.assert(
      fc.property(layout, fqdn, sipAddress, organization, (layout, proxyFqdn, sip, [domains, separator]) => {
        assert.equal(importedEntry(listObject(provider(proxyFqdn), layout), 'HostingProviders').ProxyFqdn, proxyFqdn);
        assert.equal(importedEntry(listObject(user(sip), layout), 'Users').Identity, sip);
        assert.deepEqual(importedEntry(listObject(policy(domains.join(separator)), layout), 'HostedVoicemailPolicies').Organization, domains);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('gets back a comment with spaces as PowerShell writes it to a file, words of any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 160 }), text(200), (width, comment) => {
        const printed = listObject(allowedDomain(comment), { width, wordWrap: true, keepLineEnds: true });
        assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('gets back a comment with spaces copied from a console, which drops the spaces at line ends', () => {
    // Words no wider than a third of the room never make the widest line look cut inside a word (docs/format.md).
    const room = (width: number) => width - 'MarkForMonitoring : '.length;
    const widthAndComment = fc.integer({ min: 40, max: 160 }).chain((width) => fc.tuple(fc.constant(width), text(Math.floor(room(width) / 3))));
    fc.assert(
      fc.property(widthAndComment, ([width, comment]) => {
        const printed = listObject(allowedDomain(comment), { width, wordWrap: true, keepLineEnds: false });
        assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('knows a word cut at the console edge from a cut at a space when the copy dropped the spaces', () => {
    const url = `https://partners.contoso.com/federation/${'onboarding/'.repeat(12)}fabrikam`;
    const comment = `Partner since 2012; see ${url} for the agreement, signed by the messaging team of the northwest region`;
    for (const width of [60, 80, 100, 120, 140]) {
      const printed = listObject(allowedDomain(comment), { width, wordWrap: true, keepLineEnds: false });
      assert.ok(printed.split('\n').length > 6, 'the comment is wrapped inside the URL and at spaces');
      assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment, `width ${width}`);
    }
  });

  it('reads a full line cut where a space fell (a printer that drops it) as a cut at a space, the words being short', () => {
    const lines = [
      'Identity          : fabrikam.com',
      'Domain            : fabrikam.com',
      'Comment           : Federated with Fabrikam for the',
      '                    hosted voice mail pilot',
      'MarkForMonitoring : False',
    ];
    assert.equal(importedEntry(lines.join('\n'), 'AllowedDomains').Comment, 'Federated with Fabrikam for the hosted voice mail pilot');
  });

  it('reads a word as wide as the room, whose space then fills a line of its own, when the file keeps line ends', () => {
    const room = 40 - 'MarkForMonitoring : '.length;
    const comment = `${'a'.repeat(room)} ${'b'.repeat(room)}`;
    const printed = listObject(allowedDomain(comment), { width: 40, wordWrap: true, keepLineEnds: true });
    assert.deepEqual(wrapValue(comment, room, true), ['a'.repeat(room), ' ', 'b'.repeat(room)]);
    assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
  });
});
