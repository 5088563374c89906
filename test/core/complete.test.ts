import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, complete, snippetToPlainText } from '../../server/src/core';
import { check } from '../helpers';

/** The completion entries at the ‸ in `source`, with the text they complete in. */
function entriesAt(source: string): { text: string; entries: ReturnType<typeof complete> } {
  const offset = source.indexOf('‸');
  const text = source.replace('‸', '');
  return { text, entries: complete(check(text), offset) };
}

function syntaxErrors(text: string): string[] {
  return check(text).diagnostics.filter((d) => d.code === 'LT001').map((d) => d.message);
}

describe('completion as plain text (issue 12.11)', () => {
  it('fills in the default of every tab stop: the first choice, the placeholder, nothing', () => {
    assert.equal(snippetToPlainText('"EnablePartnerDiscovery": ${1|true,false|}'), '"EnablePartnerDiscovery": true');
    assert.equal(snippetToPlainText('"VerificationLevel": "${1|AlwaysVerifiable,UseSourceVerification|}",'), '"VerificationLevel": "AlwaysVerifiable",');
    assert.equal(snippetToPlainText('"Identity": "${1:<name \\} of it>}", "X": [$1], "P": "\\$x"'), '"Identity": "<name } of it>", "X": [], "P": "$x"');
  });

  it('inserts valid JSON for every entry, keys, values and templates alike', () => {
    for (const source of [
      '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true,\n    ‸\n  }\n}',
      '{\n  "HostingProviders": [\n    { "Identity": "A", "Enabled": ‸ }\n  ]\n}',
      '{\n  "HostingProviders": [\n    ‸\n  ]\n}',
      '{\n  "SipDomains": ["contoso.com"],\n  ‸\n}',
    ]) {
      const { text, entries } = entriesAt(source);
      assert.ok(entries.length > 0, source);
      for (const entry of entries) {
        const inserted = applyEdits(text, [{ span: entry.span, newText: snippetToPlainText(entry.insertText) }, ...entry.additionalEdits]);
        assert.deepEqual(syntaxErrors(inserted), [], `${entry.label}:\n${inserted}`);
      }
    }
  });

  it('lays a multi-line template out in the line\'s indentation, the document\'s step and line break', () => {
    const { entries } = entriesAt('{\r\n\t"HostingProviders": [\r\n\t\t‸\r\n\t]\r\n}');
    const provider = entries.find((e) => e.label === 'Hosting provider for hosted Exchange UM')!;
    assert.match(snippetToPlainText(provider.insertText), /^\{\r\n\t\t\t"Identity": [^]*\r\n\t\t\}$/);
    assert.doesNotMatch(provider.insertText.replace(/\r\n/g, ''), /[\r\n]/);
  });
});

describe('completion after an entry without a comma (issue 12.13)', () => {
  it('adds the comma after the previous entry, whatever it ends with', () => {
    for (const [source, previous] of [
      ['{\n  "SipDomains": ["contoso.com"]\n  ‸\n}', ']'],
      ['{\n  "ServerVersion": "Lync Server 2013" // the version\n  ‸\n}', '"'],
      ['{\n  "HostingProviders": [\n    { "Identity": "A" }\n    ‸\n  ]\n}', '}'],
    ]) {
      const { text, entries } = entriesAt(source);
      assert.ok(entries.length > 0, source);
      for (const entry of entries) {
        assert.equal(entry.additionalEdits.length, 1, entry.label);
        const [comma] = entry.additionalEdits;
        assert.equal(comma.newText, ',');
        assert.equal(text[comma.span.start - 1], previous);
        const inserted = applyEdits(text, [{ span: entry.span, newText: snippetToPlainText(entry.insertText) }, comma]);
        assert.deepEqual(syntaxErrors(inserted), [], inserted);
      }
    }
  });

  it('adds none after a comma, an opening brace or a colon', () => {
    for (const source of ['{\n  "SipDomains": ["contoso.com"],\n  ‸\n}', '{\n  ‸\n}', '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": ‸ } }']) {
      const { entries } = entriesAt(source);
      assert.ok(entries.length > 0, source);
      for (const entry of entries) assert.deepEqual(entry.additionalEdits, [], `${source}: ${entry.label}`);
    }
  });
});

describe('completion in a string left open', () => {
  it('replaces the typed word only, and keeps what follows it on the line', () => {
    for (const [source, kept] of [
      ['{ "AccessEdgeConfiguration": { "Use‸ } }', ' } }'],
      ['{ "AccessEdgeConfiguration": { "Use‸XYZ } }', ' } }'],
      ['{ "HostingProviders": [{ "VerificationLevel": "Use‸ }] }', ' }] }'],
      ['{ "HostingProviders": [{ "VerificationLevel": "Use‸ // why\n }] }', ' // why\n }] }'],
      ['{ "SipDomains": [], "ExchangeUM": { "Mode": "Cross‸ } }', ' } }'],
    ]) {
      const { text, entries } = entriesAt(source);
      assert.ok(entries.length > 0, source);
      for (const entry of entries) {
        const inserted = applyEdits(text, [{ span: entry.span, newText: snippetToPlainText(entry.insertText) }, ...entry.additionalEdits]);
        assert.ok(inserted.endsWith(kept), `${entry.label}:\n${inserted}`);
        assert.equal(entry.span.start, text.lastIndexOf('"', source.indexOf('‸')), `${entry.label} starts at the opening quote`);
      }
    }
  });
});
