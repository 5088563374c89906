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

  it('pairs a carriage return and a line feed across the edges of a change, and parts them, as a whole reading does', () => {
    const cases: [string, number, number, string][] = [
      ['a\rb', 2, 2, '\n'],
      ['a\r\nb', 2, 2, 'x'],
      ['a\r\nb', 1, 2, ''],
      ['a\nb', 1, 1, '\r'],
      ['a\r', 2, 2, '\nb\r'],
      ['\r\n\r\n', 1, 3, ''],
    ];
    for (const [before, start, end, newText] of cases) {
      const after = before.slice(0, start) + newText + before.slice(end);
      const edited = LineIndex.edited(new LineIndex(before), { start, end }, newText, after);
      assert.deepEqual(answers(edited, after.length), answers(new LineIndex(after), after.length), JSON.stringify([before, start, end, newText]));
    }
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

describe('LineIndex.positionAt from a given line', () => {
  /** The position of `offset` from the line starts found by a regular expression, counted one by one. */
  function counted(source: string, offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, source.length));
    const starts = [0, ...[...source.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
    const line = starts.filter((start) => start <= clamped).length - 1;
    return { line, character: clamped - starts[line] };
  }

  it('finds every offset whatever line it starts from: the same line, the next, far before or after, or past the last', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        const lines = new LineIndex(source);
        const offset = (a % (source.length + 3)) - 1;
        const from = b % (lines.lineStarts.length + 2);
        const position = lines.positionAt(offset, from);
        assert.deepEqual(position, counted(source, offset));
        assert.equal(lines.lineAt(offset, from), position.line);
      }),
      { seed: 20261130, numRuns: 3000 },
    );
  });

  it('finds offsets read in file order from the line of the one before', () => {
    const source = 'a\r\nbb\n\nccc\rd\n';
    const lines = new LineIndex(source);
    let line = 0;
    for (let offset = 0; offset <= source.length; offset++) {
      const position = lines.positionAt(offset, line);
      assert.deepEqual(position, counted(source, offset), `offset ${offset}`);
      line = position.line;
    }
    assert.equal(line, 5);
  });
});
