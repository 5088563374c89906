import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { importShellOutput } from '../../server/src/core';
import { requirePwsh, runPwsh } from '../pwsh/pwsh';
import { lineEnd, listObject, wrapValue, type Layout, type Props } from '../shellPrinter';

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

const layouts: readonly Omit<Layout, 'width'>[] = [true, false].flatMap((wordWrap) => (['kept', 'dropped', 'padded'] as const).map((lineEnds) => ({ wordWrap, lineEnds })));
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
    // Words as wide as the room: the space after one gets a line of its own, or starts the line the next is cut on.
    cases.push({ props: allowedDomain(`${'a'.repeat(20)} ${'b'.repeat(20)}`), width: 40, wordWrap: true });
    cases.push({ props: allowedDomain(`${'a'.repeat(20)} ${'b'.repeat(20)} c`), width: 40, wordWrap: true });
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
      const ours = listObject(props, { width, wordWrap, lineEnds: 'kept' });
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
        const printed = listObject(allowedDomain(comment), { width, wordWrap: true, lineEnds: 'kept' });
        assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('gets back a comment with spaces copied from a console, which drops the spaces at line ends or pads every line with them', () => {
    // Words no wider than a third of the room do not make the widest line look cut inside a word (docs/format.md).
    const room = (width: number) => width - 'MarkForMonitoring : '.length;
    const widthAndComment = fc.integer({ min: 40, max: 160 }).chain((width) => fc.tuple(fc.constant(width), text(Math.floor(room(width) / 3))));
    fc.assert(
      fc.property(widthAndComment, fc.constantFrom('dropped' as const, 'padded' as const), ([width, comment], lineEnds) => {
        const printed = listObject(allowedDomain(comment), { width, wordWrap: true, lineEnds });
        assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('knows a word cut at the console edge from a cut at a space when the copy dropped the spaces, or padded them', () => {
    const url = `https://partners.contoso.com/federation/${'onboarding/'.repeat(12)}fabrikam`;
    const comment = `Partner since 2012; see ${url} for the agreement, signed by the messaging team of the northwest region`;
    for (const width of [60, 80, 100, 120, 140])
      for (const lineEnds of ['dropped', 'padded'] as const) {
      const printed = listObject(allowedDomain(comment), { width, wordWrap: true, lineEnds });
      assert.ok(printed.split('\n').length > 6, 'the comment is wrapped inside the URL and at spaces');
      assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment, `width ${width}, ${lineEnds}`);
    }
  });

  it('reads a rectangular selection, every line padded with spaces: objects apart, a space alone on its line kept', () => {
    const layout: Layout = { width: 60, wordWrap: true, lineEnds: 'padded' };
    const room = 60 - 'MarkForMonitoring : '.length;
    // The first is cut inside its second word, as wide as the room, and its space starts the next line; the
    // second puts the space after its first word on a line of its own.
    const comments = [`${'a'.repeat(room)} ${'b'.repeat(room)} c`, `${'a'.repeat(room)} ${'b'.repeat(room)}`, 'Partner'];
    assert.deepEqual(wrapValue(comments[0], room, true), ['a'.repeat(room), ` ${'b'.repeat(room - 1)}`, 'b c']);
    assert.deepEqual(wrapValue(comments[1], room, true), ['a'.repeat(room), ' ', 'b'.repeat(room)]);
    const printed = comments.map((comment, i) => listObject(allowedDomain(comment).map(([name, value]) => [name, name === 'Comment' ? comment : String(value).replace('fabrikam', `fabrikam${i}`)]), layout));
    const result = importShellOutput([{ name: 'shell.txt', text: [lineEnd('', layout), printed.join(`\n${lineEnd('', layout)}\n`), lineEnd('', layout)].join('\n') }]);
    assert.deepEqual(result.problems, []);
    const file = parse(result.text!) as { AllowedDomains: { Comment: string }[] };
    assert.deepEqual(file.AllowedDomains.map((d) => d.Comment), comments);
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
    const printed = listObject(allowedDomain(comment), { width: 40, wordWrap: true, lineEnds: 'kept' });
    assert.deepEqual(wrapValue(comment, room, true), ['a'.repeat(room), ' ', 'b'.repeat(room)]);
    assert.equal(importedEntry(printed, 'AllowedDomains').Comment, comment);
  });
});
