import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text';

/** Every line's start and every offset's position, which is all an index answers. */
function answers(lines: LineIndex, length: number): unknown {
  const positions = [];
  for (let offset = 0; offset <= length + 1; offset++) positions.push(lines.positionAt(offset));
  return positions;
}

const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '{ "a": 1 },'), fc.string({ maxLength: 6 }));
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('LineIndex.edited', () => {
  it('answers as an index of the edited text read whole, for any edit of any text', () => {
    const edit = text.chain((before) =>
      fc.tuple(fc.constant(before), fc.nat(before.length), fc.nat(before.length), fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''))),
    );
    fc.assert(
      fc.property(edit, ([before, a, b, newText]) => {
        const span = { start: Math.min(a, b), end: Math.max(a, b) };
        const after = before.slice(0, span.start) + newText + before.slice(span.end);
        const edited = LineIndex.edited(new LineIndex(before), span, newText, after);
        assert.deepEqual(answers(edited, after.length), answers(new LineIndex(after), after.length));
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it('moves the lines after a change that adds and removes line breaks', () => {
    const before = 'a\nbb\nccc\nd';
    const span = { start: 3, end: 7 };
    const after = `${before.slice(0, 3)}X\nY\nZ${before.slice(7)}`;
    const edited = LineIndex.edited(new LineIndex(before), span, 'X\nY\nZ', after);
    assert.deepEqual(edited.positionAt(after.indexOf('d')), { line: 4, character: 0 });
    assert.deepEqual(edited.positionAt(after.indexOf('Z')), { line: 3, character: 0 });
  });
});
