import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyDocument, grammarDocument, mutatedDocument } from './documents';
import { EXAMPLES, repoFile } from '../helpers';
import { checkDocument } from './invariants';

const positions = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

describe('fuzzing the core (fixed seeds)', () => {
  for (const [name, documents, seed] of [
    ['documents built from the grammar', grammarDocument, 1],
    ['examples with characters deleted, duplicated, inserted, or cut off', mutatedDocument, 2],
    ['either', anyDocument, 3],
  ] as const) {
    it(name, () => {
      fc.assert(fc.property(documents, positions, (text, at) => checkDocument(text, at)), { seed, numRuns: 1000 });
    });
  }

  for (const example of EXAMPLES) {
    it(`${example} cut off at every offset`, () => {
      const text = repoFile(example);
      for (let end = 0; end <= text.length; end++) checkDocument(text.slice(0, end), [end]);
    });
  }
});
