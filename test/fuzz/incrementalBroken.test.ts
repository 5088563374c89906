import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, reanalyze } from '../../server/src/core';
import { TEXTS } from './editedTexts';
import { outcome } from './outcome';

/**
 * Edits whose part of the text, parsed alone, reads as it would in the whole text only at first sight: a token
 * that runs on past the part or into it, a key without its colon whose first reading closes the part early, a
 * value the parser ends where the next comma is or at the end of its line. Where the incremental update applies,
 * it must give what a fresh analysis gives.
 */

/** Asserts that replacing `start` to `end` of `text` with `newText`, where the incremental update takes it, gives what a fresh analysis gives. */
function followsFresh(text: string, start: number, end: number, newText: string): void {
  const incremental = reanalyze(analyze(text), { span: { start, end }, newText });
  const changed = text.slice(0, start) + newText + text.slice(end);
  if (incremental) assert.deepEqual(outcome(incremental), outcome(analyze(changed)), JSON.stringify({ start, end, newText }));
}

describe('incremental analysis of text that reads otherwise in the whole file', () => {
  it('does not end a run on a number or a keyword that a stray word right after the run takes in', () => {
    // `{...}x` leaves the word between the entries; an entry replaced by `true` or `1` is read `truex` or `1.5`.
    const text = '{ "Users": [ { "Identity": "sip:a@contoso.com" }x, { "Identity": "sip:b@contoso.com" } ] }';
    const entry = { start: text.indexOf('{ "Identity": "sip:a'), end: text.indexOf('x,') };
    followsFresh(text, entry.start, entry.end, 'true');
    followsFresh(text, entry.start, entry.end, 'null');
    const decimal = text.replace('}x,', '}.5,');
    followsFresh(decimal, entry.start, entry.end, '1');
    followsFresh(decimal, entry.start, entry.end, '{}, 1');
  });

  it('does not start a run right after a stray word that what the change puts first would run on from', () => {
    // The parser passes over a stray word between entries; a word, a digit or a slash typed right after it joins it.
    for (const [stray, typed] of [['x', 'y'], ['-', '1, '], ['/', '/'], ['/', '*']]) {
      const text = `{ "Users": [ { "Identity": "sip:a@contoso.com" }, ${stray}{ "Identity": "sip:b@contoso.com" } ] }`;
      const at = text.indexOf('{ "Identity": "sip:b');
      followsFresh(text, at, at, typed);
    }
  });

  it('reads again a property without a value when the change is right after it, where the parser ends it at the comma', () => {
    const text = '{ "SipDomains": ["contoso.com"], "Mode", "Users": [] }';
    const at = text.indexOf(', "Users"');
    followsFresh(text, at, at, ' ');
    followsFresh(text, at, at, '/* c */');
    const colon = text.replace('"Mode",', '"Mode":,');
    followsFresh(colon, at + 1, at + 1, ' ');
  });

  it('reads again a string left open whose text ends with a bracket, when the line break that ends it goes', () => {
    // `"a ]` runs to the end of its line; without the line break it takes in the brace that closed the file.
    const text = '{ "SipDomains": ["contoso.com"], "Comment": "a ]\n}';
    const at = text.indexOf('\n}');
    followsFresh(text, at, at + 1, '');
    followsFresh(text.replace('"a ]', '"a }'), at, at + 1, ' ');
  });

  it('reads a section with a key typed without its colon as the whole file does, when the first reading closes it early', () => {
    // Parsed alone, `{"""":[""}"` ... reads closed once the key is blanked out; in the whole file the first
    // reading closes ExchangeUM at the first `}` and takes the `"` after it for a key of the top level, which
    // stays blanked out.
    const text = '{"ExchangeUM":{"":[""}"\n]}\n';
    const at = text.indexOf('""') + 1;
    followsFresh(text, at, at, '""');
  });

  it('reads the whole text again when a key put back after it lost its colon lies outside the entries parsed again', () => {
    // The first reading skips from `"Mode"` to the first comma: with a second user that is inside the list, and
    // the string after it reads as a key of the top level without its colon, blanked out in turn. A key whose own
    // token is wrong too (a bad escape) is put back all the same, though that is the problem the file shows there.
    for (const key of ['"Mode"', '"Mo\\de"', '"Mo\\u12"']) {
      const text = `{ ${key} "Users": [ "sip:a@contoso.com" ] }`;
      const at = text.indexOf('"sip:a');
      followsFresh(text, at, at, '"sip:b@contoso.com", ');
    }
  });
});

/** Slices of a text pasted elsewhere in it, and slices cut: series that leave the entries broken in many ways. */
const EDIT = fc.record({ from: fc.nat(), length: fc.integer({ min: 0, max: 120 }), to: fc.nat(), cut: fc.boolean() });

describe('incremental analysis over pastes and cuts of arbitrary parts of the file', () => {
  it('ends where a fresh analysis does after each edit, taken over from the one before', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.constantFrom(...TEXTS), fc.array(EDIT, { minLength: 1, maxLength: 5 }), (original, edits) => {
        let text = original;
        let analysis = analyze(text);
        for (const edit of edits) {
          const from = edit.from % (text.length + 1);
          const slice = { start: from, end: Math.min(text.length, from + edit.length) };
          const at = edit.cut ? slice : { start: edit.to % (text.length + 1), end: edit.to % (text.length + 1) };
          const newText = edit.cut ? '' : text.slice(slice.start, slice.end);
          const incremental = reanalyze(analysis, { span: at, newText });
          text = text.slice(0, at.start) + newText + text.slice(at.end);
          const fresh = analyze(text);
          if (incremental) {
            applied++;
            assert.deepEqual(outcome(incremental), outcome(fresh), JSON.stringify({ at, newText }));
          }
          analysis = incremental ?? fresh;
        }
      }),
      { seed: 4, numRuns: 400 },
    );
    assert.ok(applied > 200, `the incremental path applied ${applied} times`);
  });
});
