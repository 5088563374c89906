import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate, type Analysis } from '../../server/src/core';
import { check } from '../helpers';

function assertSane(analysis: Analysis): void {
  const length = analysis.model.text.length;
  for (const d of analysis.diagnostics) {
    assert.ok(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= length, JSON.stringify(d));
  }
  const root = analysis.model.rootNode;
  if (root) assert.ok(root.offset + root.length <= length, 'the tree stays inside the text');
  const generation = generate(analysis);
  assert.ok(generation.script !== undefined || generation.blocking.length > 0);
}

function codesOf(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.code);
}

describe('bad input gives diagnostics, never an exception', () => {
  it('an empty file', () => {
    const analysis = check('');
    assert.deepEqual(codesOf(analysis), ['LT001']);
    assertSane(analysis);
  });

  it('binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const analysis = check(bytes.toString('utf8'));
    assert.ok(codesOf(analysis).includes('LT001'));
    assertSane(analysis);
  });

  it('a top-level array', () => {
    const analysis = check('[{"SipDomains": ["contoso.com"]}]');
    assert.deepEqual(codesOf(analysis), ['LT101']);
    assertSane(analysis);
  });

  for (const [name, text] of [
    ['10,000 nested arrays', '['.repeat(10000) + ']'.repeat(10000)],
    ['10,000 nested objects in a setting', '{"AccessEdgeConfiguration": {"AllowFederatedUsers": ' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10000) + '}}'],
    ['10,000 unclosed brackets', '{"SipDomains": ' + '['.repeat(10000)],
  ] as const) {
    it(name, () => {
      const analysis = check(text);
      assert.ok(analysis.diagnostics.some((d) => d.code === 'LT001' && /nested more than/.test(d.message)), JSON.stringify(codesOf(analysis)));
      assertSane(analysis);
    });
  }

  it('keeps checking what lies next to a value nested too deeply', () => {
    const analysis = check(`{"SipDomains": ${'['.repeat(5000)}${']'.repeat(5000)}, "AccessEdgeConfiguration": {"AllowFederatedUsers": "True"}}`);
    assert.ok(codesOf(analysis).includes('LT101'));
  });

  for (const text of ['{/*', '{"SipDomains": [/*', '{"a": "x" //']) {
    it(`a text that ends inside a comment: ${JSON.stringify(text)}`, () => assertSane(check(text)));
  }

  it('huge numbers', () => {
    const analysis = check('{"AccessEdgeConfiguration": {"MaxContactsPerDiscoveredPartner": 1e400, "MaxAcceptedCertificatesStored": 123456789012345678901234567890}}');
    assert.deepEqual(codesOf(analysis), ['LT101', 'LT103']);
    assertSane(analysis);
  });

  it('a 20 MB file', () => {
    const provider = (i: number) => `{"Identity": "Provider ${i}", "Enabled": true, "ProxyFqdn": "sip${i}.fabrikam.com", "IsLocal": ${i % 100 === 0 ? '"no"' : 'false'}}`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 20_000_000; i++) {
      parts.push(provider(i));
      size += parts[parts.length - 1].length + 2;
    }
    const analysis = check(`{"HostingProviders": [\n${parts.join(',\n')}\n]}`);
    assert.equal(analysis.model.providers.length, parts.length);
    assert.equal(codesOf(analysis).filter((c) => c === 'LT101').length, Math.ceil(parts.length / 100));
    assertSane(analysis);
  });
});

describe('a byte order mark', () => {
  it('opens the file without being read as JSON, as the command line reads the file', () => {
    for (const text of ['{ "AccessEdgeConfiguration": { "AllowFederatedUsers": "True" } }\n', '// header\n{ "SipDomains": ["contoso.com"] }', '']) {
      const findings = (analysis: Analysis) => analysis.diagnostics.map((d) => `${d.code} ${d.message}`);
      const withMark = check(`\uFEFF${text}`);
      assert.deepEqual(findings(withMark), findings(check(text)), JSON.stringify(text));
      assertSane(withMark);
    }
  });
});
