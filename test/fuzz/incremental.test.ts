import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { analyze, reanalyze, TOPOLOGY } from '../../server/src/core';
import { generateProcedureTopology, generateTopology } from '../../bench/topology';
import { repoFile } from '../helpers';
import { LAYOUTS, SAME_LINE, TEXTS } from './editedTexts';
import { outcome } from './outcome';

const change = fc.record({
  text: fc.constantFrom(...TEXTS),
  at: fc.nat(),
  removed: fc.integer({ min: 0, max: 12 }),
  inserted: fc.oneof(fc.constantFrom('', 'x', '"', '{', '}', ',', ':', ' ', '\n', 'true', '"Enabled": false,', '"HostedVoiceMail": false,', '"AutoAttendant": true,', '"Domain": "a.com",', '// c\n', '/*', '\\'), fc.string({ maxLength: 5 })),
});

describe('incremental analysis', () => {
  it('gives what a full analysis of the changed text gives, whenever it applies', () => {
    let applied = 0;
    fc.assert(
      fc.property(change, ({ text, at, removed, inserted }) => {
        const start = at % (text.length + 1);
        const span = { start, end: Math.min(text.length, start + removed) };
        const changed = text.slice(0, span.start) + inserted + text.slice(span.end);
        const incremental = reanalyze(analyze(text), { span, newText: inserted });
        if (!incremental) return;
        applied++;
        assert.equal(incremental.model.text, changed);
        assert.deepEqual(outcome(incremental), outcome(analyze(changed)));
      }),
      { seed: 11, numRuns: 3000 },
    );
    assert.ok(applied > 300, `the incremental path applied ${applied} times`);
  });

  it('covers every section the catalog describes: edits inside each are followed and match a full analysis', () => {
    // The sections are the keys of the top level whose values the catalog describes as objects or lists of objects.
    const sections = TOPOLOGY.properties
      .filter((p) => p.value.kind === 'object' || (p.value.kind === 'array' && p.value.items.kind === 'object'))
      .map((p) => p.name);
    const valueOf = (text: string, key: string) => parseTree(text)?.children?.find((p) => p.children?.[0].value === key)?.children?.[1];
    const edit = fc.record({
      section: fc.constantFrom(...sections),
      text: fc.constantFrom(...TEXTS),
      at: fc.nat(),
      removed: fc.integer({ min: 0, max: 8 }),
      inserted: change.map((c) => c.inserted),
    });
    const applied = new Map(sections.map((section) => [section, 0]));
    fc.assert(
      fc.property(edit, ({ section, text, at, removed, inserted }) => {
        const value = valueOf(text, section);
        if (!value || value.length < 2) return;
        // Strictly inside the section's braces or brackets.
        const start = value.offset + 1 + (at % (value.length - 1));
        const span = { start, end: Math.min(value.offset + value.length - 1, start + removed) };
        const changed = text.slice(0, span.start) + inserted + text.slice(span.end);
        const incremental = reanalyze(analyze(text), { span, newText: inserted });
        if (!incremental) return;
        applied.set(section, applied.get(section)! + 1);
        assert.deepEqual(outcome(incremental), outcome(analyze(changed)), `${section}: ${JSON.stringify(inserted)} at ${start}`);
      }),
      { seed: 23, numRuns: 1500 },
    );
    assert.ok(sections.length >= 8, sections.join());
    for (const [section, count] of applied) assert.ok(count >= 40, `edits inside ${section} followed incrementally: ${count}`);
  });

  it('gives what a full analysis gives after white space is put in or taken out at the start of a line', () => {
    const lineStartChange = fc.record({
      text: fc.constantFrom(...LAYOUTS),
      line: fc.nat(),
      removed: fc.integer({ min: 0, max: 2 }),
      inserted: fc.constantFrom('', ' ', '\t', '  ', '/* c */ ', '// lync-topology-disable-next-line\n', '// lync-topology-disable-next-line LT101\n'),
    });
    let applied = 0;
    fc.assert(
      fc.property(lineStartChange, ({ text, line, removed, inserted }) => {
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
        const start = starts[line % starts.length];
        const span = { start, end: Math.min(text.length, start + (/^[ \t]*/.exec(text.slice(start))![0].length >= removed ? removed : 0)) };
        const changed = text.slice(0, span.start) + inserted + text.slice(span.end);
        const incremental = reanalyze(analyze(text), { span, newText: inserted });
        if (!incremental) return;
        applied++;
        assert.deepEqual(outcome(incremental), outcome(analyze(changed)));
      }),
      { seed: 12, numRuns: 600 },
    );
    assert.ok(applied > 100, `the incremental path applied ${applied} times`);
  });

  it('re-indents the fixes of the provider after a shared line when that line is indented (issue 12.7)', () => {
    const text = '{\n  "HostingProviders": [\n    { "Identity": "A", "ProxyFqdn": "a.example.com"\n    }, {}\n  ]\n}';
    const at = text.indexOf('    }, {}');
    const incremental = reanalyze(analyze(text), { span: { start: at, end: at }, newText: ' ' })!;
    assert.ok(incremental, 'the change stays inside the first provider');
    assert.deepEqual(outcome(incremental), outcome(analyze(text.slice(0, at) + ' ' + text.slice(at))));
  });

  it('takes the text after the change from the caller, and refuses one that cannot be it', () => {
    const text = generateTopology(20);
    const at = text.indexOf('sip7.') + 1;
    const changed = `${text.slice(0, at)}x${text.slice(at)}`;
    const given = reanalyze(analyze(text), { span: { start: at, end: at }, newText: 'x' }, {}, changed);
    assert.ok(given);
    assert.equal(given.model.text, changed);
    assert.deepEqual(outcome(given), outcome(analyze(changed)));
    assert.equal(reanalyze(analyze(text), { span: { start: at, end: at }, newText: 'x' }, {}, text), undefined, 'a text of the old length');
    assert.equal(reanalyze(analyze(text), { span: { start: at, end: at }, newText: 'x' }, {}, `y${text}`), undefined, 'a text without the new text in its place');
  });

  it('applies to a one-character edit inside a provider, also one that breaks it, and not to one that reaches outside', () => {
    const text = generateTopology(20);
    const edit = (search: string, offset: number, removed: number, newText: string) => {
      const start = text.indexOf(search) + offset;
      const span = { start, end: start + removed };
      return { edited: reanalyze(analyze(text), { span, newText }), changed: text.slice(0, start) + newText + text.slice(span.end) };
    };
    for (const [search, offset, removed, newText] of [
      ['sip7.', 0, 1, 'x'],
      ['"Provider 3"', 0, 1, ''],
      ['"ProxyFqdn"', 0, 0, '"'],
      ['"ProxyFqdn"', 11, 1, ''],
      ['"Enabled"', 0, 0, ','],
    ] as const) {
      const { edited, changed } = edit(search, offset, removed, newText);
      assert.ok(edited, `${search} +${offset}`);
      assert.ok(edited.parsed.problems.length > 0 || search === 'sip7.', `${search} +${offset} leaves a syntax error`);
      assert.deepEqual(outcome(edited), outcome(analyze(changed)), `${search} +${offset}`);
    }
    const brace = text.indexOf('{', text.indexOf('"HostingProviders": [')) - text.indexOf('"HostingProviders": [');
    assert.equal(edit('"HostingProviders": [', brace, 1, '').edited, undefined, 'the opening brace of the first provider');
    assert.equal(edit('"Provider 3"', 0, 0, '/*').edited, undefined, 'a comment left open takes the rest of the file');
    // An entry that no longer ends at its own brace takes in the entries after it up to a brace that closes it.
    const opened = edit('"Identity": "Provider 3"', 0, 0, '"X": {');
    assert.ok(opened.edited, 'an object opened inside an entry');
    assert.deepEqual(outcome(opened.edited), outcome(analyze(opened.changed)));
    const oneLine = generateProcedureTopology(3, 2, 2);
    const user = oneLine.indexOf('"Identity": "sip:user1');
    const quoted = reanalyze(analyze(oneLine), { span: { start: user, end: user }, newText: '"' });
    assert.ok(quoted, 'a string left open, which takes the rest of its line and the brace on it');
    assert.deepEqual(outcome(quoted), outcome(analyze(oneLine.slice(0, user) + '"' + oneLine.slice(user))));
  });

  it('follows a key typed one character at a time into an entry of every list section, matching a whole analysis at each', () => {
    const text = generateProcedureTopology(12, 4, 5);
    // As an editor types it: a quote brings its closing quote, and typing that quote steps over it; or, in an
    // editor that does not close quotes, each quote alone, which leaves a string open to the end of the line.
    const closing = [' ', '""', ...'Comment', 'over', ':', ' ', '""', 'x', 'over', ','];
    const plain = [' ', '"', ...'Comment', '"', ':', ' ', '"', 'x', '"', ','];
    let applied = 0;
    for (const [section, keys] of ['"AllowedDomains"', '"HostingProviders"', '"HostedVoicemailPolicies"', '"Users"', '"ExUmContacts"'].flatMap((s) => [[s, closing], [s, plain]] as const)) {
      assert.ok(text.includes(section), section);
      let cursor = text.indexOf('{', text.indexOf(section)) + 1;
      let analysis = analyze(text);
      let current = text;
      for (const key of keys) {
        if (key === 'over') {
          cursor++;
          continue;
        }
        const span = { start: cursor, end: cursor };
        const next = reanalyze(analysis, { span, newText: key });
        current = current.slice(0, cursor) + key + current.slice(cursor);
        cursor += key === '""' ? 1 : key.length;
        // With quotes closed as typed, the entry's braces always close it; a quote alone may leave a string open
        // that the parser ends only with the last entry, and then the whole text is read again.
        assert.ok(next || keys === plain, `${section}: typing ${JSON.stringify(key)} applies incrementally`);
        analysis = next ?? analyze(current);
        if (!next) continue;
        assert.deepEqual(outcome(next), outcome(analyze(current)), `${section}: ${JSON.stringify(key)}`);
        applied++;
      }
      assert.ok(current.includes('{ "Comment": "x", '), current);
    }
    assert.ok(applied >= 5 * 14 + 4 * plain.length, `${applied} keystrokes followed incrementally`);
  });

  it('applies to an edit inside an entry of every list section, also one that starts where the one before ends', () => {
    for (const search of ['"Comment": "again"', '"Comment": "no name"', '"p.fabrikam.com"', '"Organization"', '"ExRedmon"', '"exum"']) {
      const inside = SAME_LINE.indexOf(search) + 2;
      const edited = reanalyze(analyze(SAME_LINE), { span: { start: inside, end: inside }, newText: 'z' });
      assert.ok(edited, search);
      const text = SAME_LINE.slice(0, inside) + 'z' + SAME_LINE.slice(inside);
      assert.deepEqual(outcome(edited), outcome(analyze(text)), search);
    }
  });

  it('rewrites the fixes of an entry whose line the previous entry re-indents', () => {
    const text = '{ "Users": [\n    { "Identity": "sip:a@contoso.com",\n      "HostedVoiceMail": false }, {}\n] }';
    const start = text.indexOf('      "HostedVoiceMail"');
    const edited = reanalyze(analyze(text), { span: { start, end: start }, newText: '  ' });
    assert.ok(edited, 'the edit lies inside the first user');
    assert.deepEqual(outcome(edited), outcome(analyze(text.slice(0, start) + '  ' + text.slice(start))));
  });

  it('follows edits inside the values of the top level (the version, the SIP domains, keys it does not know) without reading the rest again', () => {
    const texts = [repoFile('examples/exchange-online.lync.jsonc'), SAME_LINE.replace('{ "SipDomains"', '{ "$schema": "./s.json", "Notes": { "a": [1, "x"] }, "ServerVersion": "Lync Server 2013", "SipDomains"')];
    const keys = ['ServerVersion', 'SipDomains', '$schema', 'Notes'];
    const typed = fc.constantFrom('', 'x', ' ', '"', ',', '[', ']', '{', '}', '\\', ':', '"b.com"', ', "c.com"', '2015', 'Skype for Business Server 2015', '// c\n', '/*');
    const edit = fc.record({ key: fc.nat(), at: fc.nat(), removed: fc.integer({ min: 0, max: 6 }), inserted: typed });
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 5 }), (start, series) => {
        let text = start;
        let analysis = analyze(text);
        for (const { key, at, removed, inserted } of series) {
          const value = parseTree(text)?.children?.find((p) => p.children?.[0].value === keys[key % keys.length])?.children?.[1];
          if (!value) continue;
          const from = value.offset + (at % (value.length + 1));
          const span = { start: from, end: Math.min(value.offset + value.length, from + removed) };
          const next = reanalyze(analysis, { span, newText: inserted });
          text = text.slice(0, span.start) + inserted + text.slice(span.end);
          if (!next) {
            analysis = analyze(text);
            continue;
          }
          applied++;
          assert.deepEqual(outcome(next), outcome(analyze(text)), text);
          analysis = next;
        }
      }),
      { seed: 14, numRuns: 400 },
    );
    assert.ok(applied > 250, `the incremental path applied ${applied} times`);
    // A stray word right before or after the value joins a number or keyword put in its place.
    for (const [stray, value, newText] of [['{ "Notes": "a"x }', '"a"', 'true'], ['{ "Notes": x"a" }', '"a"', '1'], ['{ "Notes": "a"1 }', '"a"', '1']]) {
      const start = stray.indexOf(value);
      const edited = reanalyze(analyze(stray), { span: { start, end: start + value.length }, newText });
      const changed = stray.slice(0, start) + newText + stray.slice(start + value.length);
      if (edited) assert.deepEqual(outcome(edited), outcome(analyze(changed)), changed);
    }
    const text = generateProcedureTopology(12, 4, 5);
    const at = text.indexOf('"Lync Server 2013"') + 1;
    const changed = reanalyze(analyze(text), { span: { start: at, end: at + 16 }, newText: 'Lync Server 2010' });
    assert.ok(changed, 'a new version is read without parsing the rest again');
    assert.deepEqual(outcome(changed), outcome(analyze(text.slice(0, at) + 'Lync Server 2010' + text.slice(at + 16))));
  });

  it('follows white space and comments typed before and after the top-level value, and changes that change nothing', () => {
    const ends = fc.record({
      text: fc.constantFrom(...TEXTS, '{ "SipDomains": ["a.com"] ', '{ "SipDomains": [] } x', '[1]', '"a"'),
      atEnd: fc.boolean(),
      back: fc.nat({ max: 3 }),
      removed: fc.nat({ max: 3 }),
      inserted: fc.constantFrom('', ' ', '\n', '\r\n', '// c\n', '/* c */', '/*', '// lync-topology-disable-next-line\n', ',', 'x', '}'),
    });
    let applied = 0;
    fc.assert(
      fc.property(ends, ({ text, atEnd, back, removed, inserted }) => {
        const start = atEnd ? Math.max(0, text.length - back) : Math.min(text.length, back);
        const span = { start, end: Math.min(text.length, start + removed) };
        for (const newText of [inserted, text.slice(span.start, span.end)]) {
          const changed = text.slice(0, span.start) + newText + text.slice(span.end);
          const incremental = reanalyze(analyze(text), { span, newText });
          if (!incremental) continue;
          applied++;
          assert.deepEqual(outcome(incremental), outcome(analyze(changed)), JSON.stringify({ text: text.slice(0, 80), span, newText }));
        }
      }),
      { seed: 15, numRuns: 600 },
    );
    assert.ok(applied > 400, `the incremental path applied ${applied} times`);
  });

  it('follows a series of edits that rename policies, users and domains into and out of each other', () => {
    let text = repoFile('examples/exchange-online.lync.jsonc');
    let analysis = analyze(text);
    const steps: [string, string][] = [
      ['"Identity": "ExRedmond"', '"Identity": "ExRedmondX"'],
      ['"Identity": "ExRedmondX"', '"Identity": "global"'],
      ['"Identity": "global",', '"Identity": "ExRedmond",'],
      ['"Identity": "sip:pilar@contoso.com"', '"Identity": "sip:kenmyer@contoso.com"'],
      ['"Identity": "adatum.com"', '"Identity": "Fabrikam.com"'],
      ['"DisplayNumber": "+14255550101"', '"DisplayNumber": "+14255550102"'],
      ['"Identity": "ExRedmond",', '"Identity": "global",'],
    ];
    for (const [from, to] of steps) {
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      // Replace inside the quotes only, so that the edit stays inside its entry.
      const span = { start: at + from.indexOf(': "') + 3, end: at + from.length - (from.endsWith(',') ? 2 : 1) };
      const newText = to.slice(to.indexOf(': "') + 3, to.length - (to.endsWith(',') ? 2 : 1));
      const next = reanalyze(analysis, { span, newText });
      text = text.slice(0, span.start) + newText + text.slice(span.end);
      assert.ok(next, `${from} -> ${to} applies incrementally`);
      assert.deepEqual(outcome(next), outcome(analyze(text)), `${from} -> ${to}`);
      analysis = next;
    }
  });

  it('applies to white space, comments and commas typed between entries, and to edits inside a section that is one object', () => {
    const text = repoFile('examples/exchange-online.lync.jsonc');
    const between = (key: string) => text.indexOf('\n', text.indexOf(`"${key}": [`)) + 1;
    const comma = text.indexOf('},', text.indexOf('"Users": [')) + 1;
    const cases: [string, number, number, string][] = [
      ['a space before the first user', between('Users'), 0, ' '],
      ['a line between two contacts', text.indexOf('\n', text.indexOf('"SipAddress"')) + 1, 0, '\n'],
      ['a comment between the allowed domains', between('AllowedDomains'), 0, '// partners\n'],
      ['white space taken out before a provider', between('HostingProviders'), 2, ''],
      ['a letter in the Edge section', text.indexOf('"AllowFederatedUsers"') + 2, 0, 'x'],
      ['a value in ExchangeUM', text.indexOf('"CrossPremises"') + 1, 5, 'Mixed'],
      ['a comma taken out between two users', comma, 1, ''],
    ];
    for (const [name, start, removed, newText] of cases) {
      const span = { start, end: start + removed };
      const edited = reanalyze(analyze(text), { span, newText });
      assert.ok(edited, `${name} applies incrementally`);
      assert.deepEqual(outcome(edited), outcome(analyze(text.slice(0, span.start) + newText + text.slice(span.end))), name);
    }
    const open = text.indexOf('\n', text.indexOf('"Users": [')) + 1;
    const commented = reanalyze(analyze(text), { span: { start: open, end: open }, newText: '// ' });
    assert.ok(commented, 'a line comment that takes in the start of an entry');
    assert.deepEqual(outcome(commented), outcome(analyze(text.slice(0, open) + '// ' + text.slice(open))));
  });

  it('stays what a full analysis gives over a series of edits, each taken over from the one before', () => {
    const series = fc.record({
      text: fc.constantFrom(...TEXTS),
      edits: fc.array(fc.record({ at: fc.nat(), removed: fc.integer({ min: 0, max: 3 }), inserted: fc.constantFrom('', 'x', ' ', '\n', '  ', '1', '// c\n', 'true') }), { minLength: 2, maxLength: 12 }),
    });
    let applied = 0;
    fc.assert(
      fc.property(series, ({ text, edits }) => {
        let current = text;
        let analysis = analyze(current);
        for (const { at, removed, inserted } of edits) {
          const start = at % (current.length + 1);
          const span = { start, end: Math.min(current.length, start + removed) };
          current = current.slice(0, span.start) + inserted + current.slice(span.end);
          const next = reanalyze(analysis, { span, newText: inserted });
          if (next) applied++;
          analysis = next ?? analyze(current);
          assert.equal(analysis.model.text, current);
        }
        assert.deepEqual(outcome(analysis), outcome(analyze(current)));
      }),
      { seed: 13, numRuns: 400 },
    );
    assert.ok(applied > 600, `the incremental path applied ${applied} times`);
  });

  it('follows a series of edits, renaming referenced providers too', () => {
    let text = generateTopology(120);
    let analysis = analyze(text);
    for (let i = 0; i < 120; i += 3) {
      const at = text.indexOf(`"Identity": "Provider ${i}"`);
      const span = { start: at + 15, end: at + 15 };
      text = text.slice(0, span.start) + 'z' + text.slice(span.end);
      const next = reanalyze(analysis, { span, newText: 'z' });
      assert.ok(next, `edit ${i} applies`);
      analysis = next;
    }
    assert.deepEqual(outcome(analysis), outcome(analyze(text)));
  });
});
