import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, reanalyze, type Analysis, type AnalysisSettings } from '../../server/src/core';
import { EDIT, placed, TEXTS } from './editedTexts';
import { outcome } from './outcome';

/** Applies one change the way the server does: incrementally where it can, else whole. */
function step(analysis: Analysis, text: string, start: number, end: number, newText: string, settings: AnalysisSettings = {}): { analysis: Analysis; text: string; incremental: boolean } {
  const changed = text.slice(0, start) + newText + text.slice(end);
  const next = reanalyze(analysis, { span: { start, end }, newText }, settings);
  return { analysis: next ?? analyze(changed, settings), text: changed, incremental: next !== undefined };
}

/** The settings a server may analyze under: none, another default version, severities changed or off, a length limit. */
const SETTINGS: AnalysisSettings[] = [{}, { defaultServerVersion: 'Lync Server 2010' }, { severity: { LT101: 'off', LT103: 'hint', LT501: 'warning' } }, { maxLength: 3000 }];

describe('incremental analysis over series of edits at entry boundaries', () => {
  it('ends where a fresh analysis of the same text does, after every edit', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.constantFrom(...SETTINGS), fc.array(fc.tuple(EDIT, fc.boolean()), { minLength: 1, maxLength: 8 }), (original, settings, edits) => {
        let text = original;
        let analysis = analyze(text, settings);
        for (const [edit, undo] of edits) {
          const { start, end, newText } = placed(text, edit);
          const removed = text.slice(start, end);
          let result = step(analysis, text, start, end, newText, settings);
          if (result.incremental) applied++;
          // Undo: the inserted text replaced by what it took out, in one change.
          if (undo) result = step(result.analysis, result.text, start, start + newText.length, removed, settings);
          ({ analysis, text } = result);
          assert.equal(analysis.model.text, text);
          assert.deepEqual(outcome(analysis), outcome(analyze(text, settings)), JSON.stringify({ start, end, newText, undo }));
        }
      }),
      { seed: 21, numRuns: 300 },
    );
    assert.ok(applied > 200, `the incremental path applied ${applied} times`);
  });
});

describe('incremental analysis of names and the references to them', () => {
  /** Every string value in the text, found in its tree: names, references, and the rest. */
  const stringValues = (analysis: Analysis) => {
    const found: { start: number; end: number; value: string }[] = [];
    const pending = analysis.parsed.root ? [analysis.parsed.root] : [];
    for (let node = pending.pop(); node; node = pending.pop()) {
      const isValue = node.parent?.type !== 'property' || node.parent.children?.[1] === node;
      if (node.type === 'string' && isValue) found.push({ start: node.offset + 1, end: node.offset + node.length - 1, value: node.value as string });
      pending.push(...(node.children ?? []));
    }
    return found;
  };

  it('follows names renamed into one another, in another letter case, and back', () => {
    const texts = TEXTS.filter((text) => analyze(text).model.references.length > 0);
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('same', 'upper', 'suffix', 'back')), { minLength: 1, maxLength: 10 }), (original, renames) => {
        let text = original;
        let analysis = analyze(text);
        const undo: { start: number; end: number; value: string }[] = [];
        for (const [which, other, how] of renames) {
          const strings = stringValues(analysis).filter((s) => !s.value.includes('"') && !s.value.includes('\\'));
          if (strings.length === 0) return;
          const target = strings[which % strings.length];
          const source = strings[other % strings.length].value;
          const last = undo.pop();
          const newText = how === 'back' && last ? last.value : how === 'upper' ? target.value.toUpperCase() : how === 'suffix' ? `${target.value}2` : source;
          const span = how === 'back' && last ? last : target;
          undo.push({ start: span.start, end: span.start + newText.length, value: text.slice(span.start, span.end) });
          const result = step(analysis, text, span.start, span.end, newText);
          if (result.incremental) applied++;
          ({ analysis, text } = result);
          assert.deepEqual(outcome(analysis), outcome(analyze(text)), `${how} -> ${newText}`);
        }
      }),
      { seed: 22, numRuns: 300 },
    );
    assert.ok(applied > 500, `the incremental path applied ${applied} times`);
  });
});

describe('incremental analysis between entries', () => {
  /** The change applied incrementally (when it applies) and whole give the same outcome. */
  const sameAsFresh = (text: string, start: number, end: number, newText: string, what: string) => {
    const changed = text.slice(0, start) + newText + text.slice(end);
    const incremental = reanalyze(analyze(text), { span: { start, end }, newText });
    if (incremental) assert.deepEqual(outcome(incremental), outcome(analyze(changed)), what);
  };

  it('reads again a stray word or value between entries that the change makes longer', () => {
    const text = '{ "ServerVersion": "Lync Server 2013", x, "HostingProviders": [ { "Identity": "a" } 12 ] }';
    const x = text.indexOf('x,');
    sameAsFresh(text, x + 1, x + 1, 'y', 'a letter typed after a stray word');
    sameAsFresh(text, x, x, 'y', 'a letter typed before a stray word');
    const number = text.indexOf('12');
    sameAsFresh(text, number + 2, number + 2, '3', 'a digit typed after a stray number');
  });

  it('reads again a value that ends where the change starts, when the change can join it to what follows', () => {
    const numbers = '{ "SipDomains": [1 2] }';
    sameAsFresh(numbers, numbers.indexOf(' 2'), numbers.indexOf(' 2') + 1, '', 'the space between two numbers taken out');
    const open = '{ "SipDomains": ["\nlitwareinc.com"] }';
    const quote = open.indexOf('"\n') + 1;
    sameAsFresh(open, quote, quote + 1, '', 'the line break after an unclosed quote taken out');
    sameAsFresh('{ "SipDomains": [true ,false] }', 22, 23, '', 'the space after a keyword taken out');
  });
});

describe('incremental analysis inside an entry', () => {
  it('reads again an entry whose text holds a key the parser put back into another object', () => {
    // Found by the series above: the key without a colon at the top ("") is put back as a property of the
    // top-level object, at an offset inside the user's braces, where the user's rebuilt tree would not have it.
    const text = '{"""Users":[{"":"",""HostedVoiceMail": false,":true},';
    const at = text.indexOf('"HostedVoiceMail"');
    const span = { start: at, end: at + '"HostedVoiceMail": false,'.length };
    const changed = text.slice(0, span.start) + text.slice(span.end);
    const incremental = reanalyze(analyze(text), { span, newText: '' });
    if (incremental) assert.deepEqual(outcome(incremental), outcome(analyze(changed)));
  });

  it('reads again an entry left open at the end of the text, which its last brace does not close', () => {
    const text = '{ "HostingProviders": [ { "Identity": "a", "x": {}';
    const at = text.indexOf('{}');
    const changed = `${text.slice(0, at)}1${text.slice(at + 1)}`;
    const incremental = reanalyze(analyze(text), { span: { start: at, end: at + 1 }, newText: '1' });
    if (incremental) assert.deepEqual(outcome(incremental), outcome(analyze(changed)));
  });
});

describe('incremental analysis at the nesting limit', () => {
  it('sets aside a value that an edit inside an entry nests one level past the limit, as a fresh analysis does', () => {
    const levels = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    // The root, the list and the entry hold the arrays: 3 + 61 levels is the limit.
    const text = `{ "Users": [ { "Identity": "sip:a@contoso.com", "Deep": ${levels(61)} } ] }`;
    const at = text.indexOf('1]');
    let analysis = analyze(text);
    let current = text;
    const steps: [number, string, boolean][] = [
      [1, '[1]', true],
      [3, '1', false],
      [1, '[[1]]', true],
    ];
    for (const [removed, newText, tooDeep] of steps) {
      ({ analysis, text: current } = step(analysis, current, at, at + removed, newText));
      assert.deepEqual(outcome(analysis), outcome(analyze(current)), newText);
      assert.equal(analysis.parsed.flattened, tooDeep, newText);
    }
  });
});

describe('incremental analysis when the settings change between edits', () => {
  it('takes the default server version of the settings it is given, also for a change between entries', () => {
    const text = '{\n  "HostingProviders": [\n    { "Identity": "a", "ProxyFqdn": "a.example.com", "SipClientPort": 443 }\n  ]\n}\n';
    const at = text.indexOf('\n  ]');
    const settings: AnalysisSettings = { defaultServerVersion: 'Lync Server 2010' };
    const { analysis, text: changed, incremental } = step(analyze(text), text, at, at, ' ', settings);
    assert.ok(incremental, 'a space between entries is followed incrementally');
    assert.equal(analysis.model.serverVersion, 'Lync Server 2010');
    assert.deepEqual(outcome(analysis), outcome(analyze(changed, settings)));
  });

  it('ends where a fresh analysis under the new settings does, whichever settings each edit comes with', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(fc.tuple(EDIT, fc.constantFrom(...SETTINGS)), { minLength: 1, maxLength: 8 }), (original, edits) => {
        let text = original;
        let analysis = analyze(text);
        for (const [edit, settings] of edits) {
          const { start, end, newText } = placed(text, edit);
          const result = step(analysis, text, start, end, newText, settings);
          if (result.incremental) applied++;
          ({ analysis, text } = result);
          assert.deepEqual(outcome(analysis), outcome(analyze(text, settings)), JSON.stringify({ start, end, newText, settings }));
        }
      }),
      { seed: 23, numRuns: 200 },
    );
    assert.ok(applied > 100, `the incremental path applied ${applied} times`);
  });
});
