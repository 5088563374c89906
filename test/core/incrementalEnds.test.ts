import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, changeBetween, reanalyze, type TextChange } from '../../server/src/core';
import { REPO } from '../helpers';

const TEXT = readFileSync(join(REPO, 'examples', 'exchange-online.lync.jsonc'), 'utf8');

/** What the change leads to, read incrementally: undefined when reanalyze hands it to a whole analysis. */
function incremental(change: TextChange): { diagnostics: unknown; after: string } | undefined {
  const after = TEXT.slice(0, change.span.start) + change.newText + TEXT.slice(change.span.end);
  const analysis = reanalyze(analyze(TEXT), change);
  return analysis && { diagnostics: analysis.diagnostics.map(({ code, span, message, severity }) => ({ code, span, message, severity })), after };
}

function fresh(text: string): unknown {
  return analyze(text).diagnostics.map(({ code, span, message, severity }) => ({ code, span, message, severity }));
}

// A large file read whole costs hundreds of milliseconds (20,000 users): a keystroke that changes nothing, or
// white space and comments typed after the top-level object, must not cost that.
describe('reanalyze at the ends of a file and for changes that change nothing', () => {
  const quote = TEXT.indexOf('"Mode"');
  const cases: Record<string, TextChange> = {
    // A client that sends the whole text, after an auto-closed quote is typed over: the same text again.
    'the same text sent again (changeBetween of equal texts)': changeBetween(TEXT, TEXT),
    'a quote replaced by a quote': { span: { start: quote, end: quote + 1 }, newText: '"' },
    'a final line break added at the end of the file': { span: { start: TEXT.length, end: TEXT.length }, newText: '\n' },
    'a comment typed after the top-level object': { span: { start: TEXT.length, end: TEXT.length }, newText: '// reviewed\n' },
  };
  for (const [name, change] of Object.entries(cases)) {
    it(`follows ${name} without reading the file whole`, () => {
      const result = incremental(change);
      assert.ok(result, 'reanalyze gave the change to a whole analysis');
      assert.deepEqual(result.diagnostics, fresh(result.after));
    });
  }
});
