import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { analyze, reanalyze, type Analysis } from '../../server/src/core';
import { generateProcedureTopology, generateTopology } from '../../bench/topology';
import { SAME_LINE } from './editedTexts';
import { repoFile } from '../helpers';
import { outcome } from './outcome';

/**
 * Series of edits that put whole entries of list sections in, take them out, or break the text between them: a
 * line pasted, entries cut, a run of entries selected and typed over. Each is followed from the analysis before it
 * where the incremental update applies, and must give what a fresh analysis gives, down to the paths findings name
 * (`Users[12]`), which move for every entry after the edit.
 */

/** Files whose entries have findings before and after the places edited. */
const PROCEDURE = generateProcedureTopology(20, 6, 6)
  .replace('"sip:user3@contoso.com", "HostedVoiceMail": true', '"sip:user3@contoso.com", "HostedVoiceMail": "yes"')
  .replace('"sip:user17@contoso.com"', '"sip:user2@contoso.com"')
  .replace('"DisplayNumber": "+14255550004"', '"DisplayNumber": "+14255550001"');
const TEXTS = [PROCEDURE, PROCEDURE.replace(/\n/g, '\r\n'), generateTopology(30), SAME_LINE];

const LISTS = ['AllowedDomains', 'BlockedDomains', 'HostingProviders', 'HostedVoicemailPolicies', 'Users', 'ExUmContacts'];

type Edit =
  | { readonly kind: 'paste'; readonly list: number; readonly from: number; readonly to: number }
  | { readonly kind: 'cut'; readonly list: number; readonly from: number; readonly count: number }
  | { readonly kind: 'overtype'; readonly list: number; readonly from: number; readonly start: number; readonly length: number; readonly typed: string };

const TYPED = fc.constantFrom('', ' ', ',', '{', '}', '{}', '},{', '{ "Identity": "x" },', ', {', '"', '""', '// c\n', '/*', 'x', '"x", ', '1, ', '[], ', '", "');

const EDITS: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('paste' as const), list: fc.nat(), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), list: fc.nat(), from: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('overtype' as const), list: fc.nat(), from: fc.nat(), start: fc.nat(), length: fc.integer({ min: 0, max: 40 }), typed: TYPED }),
);

/** The array of a list section and its items, as jsonc-parser reads the text. */
function listOf(text: string, index: number): { array: Node; items: Node[] } | undefined {
  const root = parseTree(text);
  const arrays = LISTS.map((key) => root?.children?.find((p) => p.children?.[0].value === key)?.children?.[1]).filter((a): a is Node => a?.type === 'array');
  if (arrays.length === 0) return undefined;
  const array = arrays[index % arrays.length];
  return { array, items: array.children ?? [] };
}

const end = (node: Node) => node.offset + node.length;

/** The change an edit makes, within the brackets of one list section's array. */
function changeOf(text: string, edit: Edit): { start: number; end: number; newText: string } | undefined {
  const list = listOf(text, edit.list);
  if (!list || list.items.length === 0) return undefined;
  const { array, items } = list;
  const item = (n: number) => items[n % items.length];
  switch (edit.kind) {
    case 'paste': {
      const copied = text.slice(item(edit.from).offset, end(item(edit.from)));
      const before = edit.to % (items.length + 1);
      // Pasted as an editor's user would: before an entry with a comma after it, or after the last with one before.
      if (before < items.length) return { start: items[before].offset, end: items[before].offset, newText: `${copied}, ` };
      const last = items[items.length - 1];
      return { start: end(last), end: end(last), newText: `, ${copied}` };
    }
    case 'cut': {
      const first = edit.from % items.length;
      const last = Math.min(items.length - 1, first + edit.count - 1);
      // Entries cut with the comma after them, or the last ones with the comma before them.
      if (last < items.length - 1) return { start: items[first].offset, end: items[last + 1].offset, newText: '' };
      return { start: first > 0 ? end(items[first - 1]) : array.offset + 1, end: end(items[last]), newText: '' };
    }
    case 'overtype': {
      const from = item(edit.from).offset + (edit.start % (item(edit.from).length + 1));
      return { start: from, end: Math.min(end(array) - 1, from + edit.length), newText: edit.typed };
    }
  }
}

describe('incremental analysis of entries put in and taken out', () => {
  it('gives what a fresh analysis gives after entries are pasted, cut or typed over, each edit taken over from the one before', () => {
    let applied = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(EDITS, { minLength: 1, maxLength: 6 }), (start, series) => {
        let text = start;
        let analysis: Analysis = analyze(text);
        for (const edit of series) {
          const change = changeOf(text, edit);
          if (!change) continue;
          const next = text.slice(0, change.start) + change.newText + text.slice(change.end);
          const incremental = reanalyze(analysis, { span: { start: change.start, end: change.end }, newText: change.newText });
          text = next;
          edits++;
          if (!incremental) {
            analysis = analyze(text);
            continue;
          }
          applied++;
          assert.deepEqual(outcome(incremental), outcome(analyze(text)), `${JSON.stringify(edit)}\n${text}`);
          analysis = incremental;
        }
      }),
      { seed: 41, numRuns: 400 },
    );
    assert.ok(applied > edits * 0.6, `the incremental path applied to ${applied} of ${edits} edits`);
  });

  it('follows a user typed after the last one without a comma, parsing the one before it too, where the comma is missing', () => {
    let text = generateProcedureTopology(200, 4, 4);
    const last = text.indexOf('\n', text.indexOf('"sip:user199@'));
    text = `${text.slice(0, last)}\n    { }${text.slice(last)}`;
    let analysis = analyze(text);
    let at = text.indexOf('{ }', last) + 2;
    // Typed as an editor types it: a quote closes itself, and the cursor moves over the closing one after a word.
    const word = (w: string) => [...w].map((c, i): [string, number] => [c, i === w.length - 1 ? 2 : 1]);
    const typed: [string, number][] = [['""', 1], ...word('Identity'), [':', 1], [' ', 1], ['""', 1], ...word('sip:new@contoso.com')];
    for (const [newText, step] of typed) {
      const incremental = reanalyze(analysis, { span: { start: at, end: at }, newText });
      text = text.slice(0, at) + newText + text.slice(at);
      assert.ok(incremental, `typing ${JSON.stringify(newText)} applies incrementally`);
      assert.deepEqual(outcome(incremental), outcome(analyze(text)), newText);
      analysis = incremental;
      at += step;
    }
    assert.ok(text.includes('}\n    { "Identity": "sip:new@contoso.com"}'));
    assert.ok(analysis.diagnostics.some((d) => d.message === 'A comma is expected between two entries.'));
  });

  it('reads the whole text again when the parse put back a key without its colon outside the entries edited', () => {
    // The key `"{ "` left without a colon at the top level, above the providers: the whole parse reads the text
    // first with that key, where the providers' text is read as properties of the top level, so a key without its
    // colon typed into a provider is put back there; parsed alone, it would stay in the provider.
    const pasted = '{ "Identity": "sip:z@contoso.com", "HostedVoiceMail": true }, ';
    const text = repoFile('examples/mixed.lync.jsonc').replace('"HostingProviders": [\n    {', `"${pasted}stingProviders": [\n    {`);
    const inside = text.indexOf('"Enabled"', text.indexOf('stingProviders')) + 1;
    const edited = reanalyze(analyze(text), { span: { start: inside, end: inside }, newText: pasted });
    const changed = text.slice(0, inside) + pasted + text.slice(inside);
    if (edited) assert.deepEqual(outcome(edited), outcome(analyze(changed)));
    assert.ok(analyze(changed).diagnostics.some((d) => d.code === 'LT002'), 'the whole parse puts both keys in the top level');
  });

  it('moves the places of the entries after values that are no entries, put in or taken out where no entry is', () => {
    const text = '{ "Users": [ "a", { "Identity": "sip:a@contoso.com" }, { "Identity": "sip:b@contoso.com", "HostedVoiceMail": "yes" } ] }';
    const inside = text.indexOf('"a"') + 2;
    for (const newText of ['", "b', '", 1, "']) {
      const edited = reanalyze(analyze(text), { span: { start: inside, end: inside }, newText });
      const changed = text.slice(0, inside) + newText + text.slice(inside);
      assert.ok(edited, newText);
      assert.deepEqual(outcome(edited), outcome(analyze(changed)), newText);
      assert.ok(edited.diagnostics.some((d) => d.message.includes(`Users[${newText === '", "b' ? 3 : 4}].HostedVoiceMail`)), newText);
    }
  });

  it('takes a pasted user and a cut one at 20,000 users, and moves the place a finding further down names', () => {
    const text = generateProcedureTopology(20000, 10, 10).replace('"sip:user15000@contoso.com", "HostedVoiceMail": true', '"sip:user15000@contoso.com", "HostedVoiceMail": "yes"');
    const at = text.indexOf('{ "Identity": "sip:user10000@');
    const line = text.slice(at, text.indexOf('\n', at));
    const before = analyze(text);
    assert.ok(before.diagnostics.some((d) => d.message.includes('Users[15000].HostedVoiceMail')));
    const pasted = reanalyze(before, { span: { start: at, end: at }, newText: `${line}\n    ` });
    assert.ok(pasted, 'the paste applies incrementally');
    assert.deepEqual(outcome(pasted), outcome(analyze(text.slice(0, at) + `${line}\n    ` + text.slice(at))));
    assert.ok(pasted.diagnostics.some((d) => d.message.includes('Users[15001].HostedVoiceMail')), 'the finding names the place its user moved to');
    const cut = reanalyze(pasted, { span: { start: at, end: at + line.length + 5 }, newText: '' });
    assert.ok(cut, 'the cut applies incrementally');
    assert.deepEqual(outcome(cut), outcome(analyze(text)));
  });
});
