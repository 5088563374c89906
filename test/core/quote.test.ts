import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { psComment, psParameter, psQuote } from '../../server/src/core';
import { commandArguments, readSingleQuoted } from '../powershell';

const HOSTILE = ["'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E', '$', '$(', '`', '#', ';', '|', '&', '\n', '\r', '\u0000', '\u2028', '\ud800', '\udfff', ' -Force', '<#', '#>'];
const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('psQuote', () => {
  it('doubles each of the five single-quote characters with itself', () => {
    assert.equal(psQuote("O'Brien\u2019s \u2018UM\u201A\u201B"), "'O''Brien\u2019\u2019s \u2018\u2018UM\u201A\u201A\u201B\u201B'");
  });

  it('leaves $, backticks and double quotes alone: they mean nothing in a single-quoted string', () => {
    assert.equal(psQuote('$(Remove-Item C:\\) `n "x"'), `'$(Remove-Item C:\\) \`n "x"'`);
  });

  it('reads back as exactly the input, ending where the literal ends', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const line = `${psQuote(value)} -Next`;
        const literal = readSingleQuoted(line, 0);
        assert.equal(literal.value, value);
        assert.equal(line.slice(literal.end), ' -Next');
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});

describe('psParameter', () => {
  it('joins a value that is the stop-parsing token --% to its parameter, so that the parameters after it still bind', () => {
    const line = `New-CsHostingProvider ${psParameter('Identity', psQuote('--%'))} ${psParameter('Enabled', '$True')}`;
    assert.equal(line, "New-CsHostingProvider -Identity:'--%' -Enabled $True");
    assert.deepEqual([...commandArguments(line)], [['Identity', '--%'], ['Enabled', '$True']]);
    assert.throws(() => commandArguments("New-CsHostingProvider -Identity '--%' -Enabled $True"), /stop parsing/);
  });

  it('writes any other value after a space, and a switch alone', () => {
    fc.assert(
      fc.property(hostileString.filter((value) => value !== '--%'), (value) => {
        assert.equal(psParameter('Identity', psQuote(value)), `-Identity ${psQuote(value)}`);
      }),
      { seed: 20261124, numRuns: 500 },
    );
    assert.equal(psParameter('UseDnsSrvRouting', ''), '-UseDnsSrvRouting');
  });
});

describe('psComment', () => {
  it('keeps any text on one comment line', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const comment = psComment(value);
        assert.ok(comment.startsWith('# '));
        assert.doesNotMatch(comment, /[\r\n\u2028\u2029\u0085]/);
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});
