import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, generate, OBJECT_SPECS, SECTIONS_BY_KEY, type Diagnostic } from '../../server/src/core';
import { repoFile } from '../helpers';

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

/** The example with the `n`th occurrence of `search` replaced. */
function edited(search: string, replacement: string, n = 0): { text: string; start: number } {
  const start = EXAMPLE.split(search, n + 1).join(search).length;
  assert.ok(start < EXAMPLE.length, `${search} occurs ${n + 1} times`);
  return { text: EXAMPLE.slice(0, start) + replacement + EXAMPLE.slice(start + search.length), start };
}

/** The findings whose span starts where the edited value does. */
const at = (diagnostics: readonly Diagnostic[], start: number) => diagnostics.filter((d) => d.span.start === start);

/** Each string of the example that names an entry, as it is written there. */
const REFERENCES = [
  { where: 'a user grant', search: '"HostedVoicemailPolicy": "ExRedmond"', value: '"ExRedmond"', n: 0 },
  { where: 'a contact grant', search: '"HostedVoicemailPolicy": "ExRedmond"', value: '"ExRedmond"', n: 1 },
  { where: 'an item of ExchangeUM.HostingProviders', search: '"HostingProviders": ["Exchange Online"]', value: '"Exchange Online"', n: 0 },
];

describe('a string that names an entry follows the rule of the names (LT104)', () => {
  it('names, and the strings that name entries by them, take the same value in the catalog', () => {
    const references = OBJECT_SPECS.flatMap((spec) => spec.properties.filter((p) => p.references !== undefined));
    assert.ok(references.length >= 3);
    for (const property of references) {
      const target = SECTIONS_BY_KEY.get(property.references!)!;
      const name = target.properties.find((p) => p.name === target.section.names![0])!;
      const value = property.value.kind === 'array' ? property.value.items : property.value;
      assert.deepEqual(value, name.value, `${property.name} names ${target.section.key} as their ${name.name} is written`);
    }
  });

  for (const { where, search, value, n } of REFERENCES) {
    for (const spaced of [` ${value.slice(1, -1)} `, `${value.slice(1, -1)}  `, `\u00a0${value.slice(1, -1)}`]) {
      it(`${where} written ${JSON.stringify(spaced)} is one error, fixed by trimming`, () => {
        const { text, start } = edited(search, search.replace(value, JSON.stringify(spaced)), n);
        const offset = start + search.indexOf(value);
        const analysis = analyze(text);
        const found = at(analysis.diagnostics, offset);
        assert.deepEqual(found.map((d) => d.code), ['LT104'], JSON.stringify(found));
        assert.equal(found[0].severity, 'error');
        assert.match(found[0].message, /without spaces at either end/);
        assert.equal(generate(analysis).script, undefined, 'the script would grant or name another object');
        const fix = found[0].fixes.find((f) => f.preferred)!;
        assert.equal(fix.title, `Trim to '${value.slice(1, -1)}'`);
        assert.equal(applyEdits(text, fix.edits), EXAMPLE);
      });
    }
  }

  it('a blank grant or provider name is one error, with nothing to trim it to', () => {
    for (const { search, value, n } of REFERENCES) {
      for (const blank of ['""', '"  "']) {
        const { text, start } = edited(search, search.replace(value, blank), n);
        const found = at(analyze(text).diagnostics, start + search.indexOf(value));
        assert.deepEqual(found.map((d) => d.code), ['LT104'], `${blank} in ${search}: ${JSON.stringify(found)}`);
        assert.deepEqual(found[0].fixes, []);
      }
    }
  });

  it('a spaced name that names nothing once trimmed keeps the finding about what it names', () => {
    const grant = edited('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": " ExSeattle "');
    const found = at(analyze(grant.text).diagnostics, grant.start + '"HostedVoicemailPolicy": '.length);
    assert.deepEqual(found.map((d) => d.code).sort(), ['LT104', 'LT705']);
    const provider = edited('["Exchange Online"]', '["Fabrikam "]');
    assert.deepEqual(at(analyze(provider.text).diagnostics, provider.start + 1).map((d) => d.code).sort(), ['LT104', 'LT401']);
  });

  it('a spaced grant of a site or global policy the file does not define is not taken for a per-user policy', () => {
    for (const grant of ['" site:Redmond"', '"global "']) {
      const text = EXAMPLE.replace('{ "Identity": "global", "Destination": "exap.um.outlook.com", "Organization": ["contoso.onmicrosoft.com"] },', '').replace('"HostedVoicemailPolicy": "ExRedmond"', `"HostedVoicemailPolicy": ${grant}`);
      const offset = text.indexOf(grant);
      assert.deepEqual(at(analyze(text).diagnostics, offset).map((d) => d.code), ['LT104'], grant);
    }
  });

  it('a spaced grant of the global policy is judged by LT704 once trimmed, not before', () => {
    const { text, start } = edited('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": "global "');
    const offset = start + '"HostedVoicemailPolicy": '.length;
    const [format] = at(analyze(text).diagnostics, offset);
    assert.equal(format.code, 'LT104');
    const trimmed = applyEdits(text, format.fixes[0].edits);
    assert.deepEqual(at(analyze(trimmed).diagnostics, offset).map((d) => d.code), ['LT704']);
  });

  it('a tag: grant with a space is one error, then the prefix is a note', () => {
    const { text, start } = edited('"HostedVoicemailPolicy": "ExRedmond"', '"HostedVoicemailPolicy": "tag:ExRedmond "', 1);
    const offset = start + '"HostedVoicemailPolicy": '.length;
    const [format, ...others] = at(analyze(text).diagnostics, offset);
    assert.deepEqual([format.code, others], ['LT104', []]);
    const trimmed = applyEdits(text, format.fixes[0].edits);
    const [prefix] = at(analyze(trimmed).diagnostics, offset);
    assert.equal(prefix.code, 'LT708');
    assert.equal(applyEdits(trimmed, prefix.fixes[0].edits), EXAMPLE);
  });

  it('a name with spaces is trimmed by the same fix, and the grants then find it', () => {
    const { text, start } = edited('"Identity": "ExRedmond"', '"Identity": " ExRedmond"');
    const offset = start + '"Identity": '.length;
    const [format] = at(analyze(text).diagnostics, offset);
    assert.equal(format.code, 'LT104');
    assert.equal(format.fixes[0].title, "Trim to 'ExRedmond'");
    assert.equal(applyEdits(text, format.fixes[0].edits), EXAMPLE);
  });

  it('other values with spaces at either end get the trim fix when trimming makes them right', () => {
    const { text, start } = edited('"ProxyFqdn": "exap.um.outlook.com"', '"ProxyFqdn": " exap.um.outlook.com"');
    const [format] = at(analyze(text).diagnostics, start + '"ProxyFqdn": '.length);
    assert.equal(format.code, 'LT104');
    assert.equal(applyEdits(text, format.fixes[0].edits), EXAMPLE);
    const wrong = edited('"ProxyFqdn": "exap.um.outlook.com"', '"ProxyFqdn": " exap um "');
    assert.deepEqual(at(analyze(wrong.text).diagnostics, wrong.start + '"ProxyFqdn": '.length)[0].fixes, []);
  });
});
