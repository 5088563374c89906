import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, formatEdits } from '../../server/src/core';

const SPACES = { tabSize: 2, insertSpaces: true };

function formatted(text: string, options: Parameters<typeof formatEdits>[2] = SPACES, settings?: Parameters<typeof formatEdits>[3]): string {
  const edits = formatEdits(text, undefined, options, settings);
  for (const edit of edits) assert.equal(typeof edit.newText, 'string', JSON.stringify(edit.span));
  return applyEdits(text, edits);
}

const findings = (text: string) => analyze(text).diagnostics.map((d) => `${d.code} ${d.message}`);

describe('formatting keeps what is reported', () => {
  it('keeps the entries of a silenced line on that line, and formats the rest', () => {
    const text = [
      '{',
      '  // lync-topology-disable-next-line LT101 -- kept as strings on purpose',
      '  "AccessEdgeConfiguration": { "AllowFederatedUsers": "True", "UseDnsSrvRouting": "yes" },',
      '"SipDomains": [ "contoso.com" ]',
      '}',
      '',
    ].join('\n');
    const result = formatted(text);
    assert.deepEqual(findings(result), findings(text));
    assert.match(result, /\n {2}"AccessEdgeConfiguration": \{ "AllowFederatedUsers": "True", "UseDnsSrvRouting": "yes" \},\n/);
    assert.match(result, /\n {2}"SipDomains": \[\n {4}"contoso.com"\n {2}\]\n\}\n$/);
  });

  it('does not pull a value onto a silenced line', () => {
    const text = '{\n  "AccessEdgeConfiguration": {\n    // lync-topology-disable-next-line LT101\n    "AllowFederatedUsers":\n      "True",   "UseDnsSrvRouting": true\n  }\n}\n';
    assert.equal(findings(text).filter((f) => f.startsWith('LT101')).length, 1);
    const result = formatted(text);
    assert.deepEqual(findings(result), findings(text));
  });

  it('keeps a silenced line after a block comment and after a comment on the first line', () => {
    for (const text of [
      '{ "AccessEdgeConfiguration": { /* lync-topology-disable-next-line */\n"AllowFederatedUsers": "True", "UseDnsSrvRouting": "yes" } }',
      '// lync-topology-disable-next-line\n{"AccessEdgeConfiguration": {"AllowFederatedUsers": "True"}}',
    ]) {
      const result = formatted(text);
      assert.deepEqual(findings(result), findings(text), result);
      assert.notEqual(result, text);
    }
  });

  it('keeps every silenced line of a file with thousands of them, in time linear in its size', () => {
    const provider = (i: number) => `{ "Identity": "P${i}", "ProxyFqdn": "sip${i}.fabrikam.com",\n// lync-topology-disable-next-line LT101\n"Enabled": "True", "IsLocal": "False" }`;
    const text = `{ "HostingProviders": [\n${Array.from({ length: 3_000 }, (_, i) => provider(i)).join(',\n')}\n] }\n`;
    const started = performance.now();
    const result = formatted(text);
    assert.ok(performance.now() - started < 20_000);
    assert.notEqual(result, text);
    assert.deepEqual(findings(result), findings(text));
  });

  it('changes nothing when any formatting would take the file past the size limit', () => {
    const text = '{"AccessEdgeConfiguration": {"AllowFederatedUsers": "True"}}';
    assert.deepEqual(formatEdits(text, undefined, SPACES, { maxLength: text.length + 3 }), []);
    // Four spaces fit: the line breaks are kept, and only the spaces inside the braces are added.
    assert.equal(formatted(text, SPACES, { maxLength: text.length + 4 }), '{ "AccessEdgeConfiguration": { "AllowFederatedUsers": "True" } }');
    assert.notEqual(formatted(text, SPACES, { maxLength: text.length + 100 }), text);
  });
});

describe('formatting options', () => {
  const body = '{"SipDomains": ["contoso.com"]}';
  const pretty = '{\n  "SipDomains": [\n    "contoso.com"\n  ]\n}';

  it('keeps the file’s own final line breaks without options', () => {
    assert.equal(formatted(body), pretty);
    assert.equal(formatted(`${body}\n`), `${pretty}\n`);
    assert.equal(formatted(`${body}\n  \n\n`), `${pretty}\n\n\n`);
    assert.equal(formatted(body.replace('[', '[\r\n') + '\r\n'), pretty.replace(/\n/g, '\r\n') + '\r\n');
  });

  it('inserts the file’s first line break everywhere, a lone CR included', () => {
    // The formatter library takes the first line break of the text; the final ones must agree with it.
    for (const eol of ['\r', '\r\n', '\n']) {
      const other = eol === '\n' ? '\r\n' : '\n';
      const text = `{${eol}"SipDomains": ["contoso.com"]}${other}`;
      for (const options of [SPACES, { ...SPACES, trimFinalNewlines: true }, { ...SPACES, insertFinalNewline: true }]) {
        assert.equal(formatted(text, options), pretty.replace(/\n/g, eol) + eol, JSON.stringify({ eol, options }));
      }
      assert.equal(formatted(`{${eol}"SipDomains": ["contoso.com"]}`, { ...SPACES, insertFinalNewline: true }), pretty.replace(/\n/g, eol) + eol);
    }
  });

  it('inserts a final line break and trims extra ones when asked', () => {
    assert.equal(formatted(body, { ...SPACES, insertFinalNewline: true }), `${pretty}\n`);
    assert.equal(formatted(`${body}\n\n\n`, { ...SPACES, insertFinalNewline: true }), `${pretty}\n\n\n`);
    assert.equal(formatted(`${body}\n\n\n`, { ...SPACES, trimFinalNewlines: true }), `${pretty}\n`);
    assert.equal(formatted(body, { ...SPACES, trimFinalNewlines: true }), pretty);
    assert.equal(formatted(`${body}\n\n`, { ...SPACES, insertFinalNewline: true, trimFinalNewlines: true }), `${pretty}\n`);
    assert.equal(formatted(`${body} // end`, { ...SPACES, insertFinalNewline: true }), `${pretty} // end\n`);
  });

  it('trims white space at the ends of lines inside comments only when asked', () => {
    const text = '{ // Edge   \n/* why  \n   because */ "SipDomains": []}\n';
    assert.equal(formatted(text, { ...SPACES, trimTrailingWhitespace: true }), '{ // Edge\n  /* why\n   because */ "SipDomains": []\n}\n');
    assert.equal(formatted(text), '{ // Edge   \n  /* why  \n   because */ "SipDomains": []\n}\n');
  });

  it('uses the tab size and tabs', () => {
    assert.equal(formatted(body, { tabSize: 4, insertSpaces: false }), pretty.replace(/ {2}/g, '\t'));
    assert.equal(formatted(body, { tabSize: 3, insertSpaces: true }), pretty.replace(/ {2}/g, '   '));
  });
});

describe('formatting deep values', () => {
  const nested = (depth: number) => `{ "SipDomains": ${'['.repeat(depth)}${']'.repeat(depth)} }`;

  it('gives every edit its text where the indentation is exactly 200 columns', () => {
    // Deeper than 64 levels the value is not re-indented, but every edit still carries its text.
    formatted(nested(100), { tabSize: 2, insertSpaces: true });
    for (const [depth, tabSize] of [
      [25, 8],
      [50, 4],
      [63, 4],
    ]) {
      const result = formatted(nested(depth), { tabSize, insertSpaces: true });
      // Level n + 1 holds the n-th bracket: 200 columns is level 200 / tabSize.
      const line = result.split('\n').find((l) => l.startsWith(`${' '.repeat(200)}[`));
      assert.ok(line, `depth ${depth}, tab size ${tabSize}: a bracket at 200 columns`);
    }
    const tabs = formatted(nested(40), { tabSize: 4, insertSpaces: false });
    assert.ok(tabs.includes(`\n${'\t'.repeat(40)}[]\n${'\t'.repeat(39)}]`));
  });

  it('leaves values nested beyond the limit as they are, in time linear in their size', () => {
    for (const depth of [10_000, 20_000]) {
      const text = nested(depth);
      const started = performance.now();
      const edits = formatEdits(text, undefined, SPACES);
      const took = performance.now() - started;
      assert.ok(took < 5_000, `${took} ms at depth ${depth}`);
      const written = edits.reduce((sum, edit) => sum + edit.newText.length, 0);
      assert.ok(written < 64 * 64 * 2 * 2, `${written} characters of edits at depth ${depth}`);
      const result = applyEdits(text, edits);
      // The 65th level onwards is one unread value, kept character for character.
      const deep = '['.repeat(depth - 63) + ']'.repeat(depth - 63);
      assert.ok(result.includes(deep));
      assert.match(result, /^\{\n {2}"SipDomains": \[\n {4}\[\n/);
      assert.match(result, /\]\n\}$/);
      assert.deepEqual(findings(result), findings(text));
    }
  });
});
