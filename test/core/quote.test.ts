import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { ACCESS_EDGE_CONFIGURATION, HOSTED_VOICEMAIL_POLICY, HOSTING_PROVIDER, psArgument, psComment, psParameter, psQuote, statedValue, TOPOLOGY, type ObjectSpec } from '../../server/src/core';
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

describe('psArgument', () => {
  const property = (spec: ObjectSpec, name: string) => spec.properties.find((p) => p.name === name)!;

  it('writes each kind of value as its parameter takes it', () => {
    const switchSpec = property(ACCESS_EDGE_CONFIGURATION, 'UseDnsSrvRouting');
    assert.equal(psArgument(switchSpec, true), '');
    assert.equal(psArgument(switchSpec, false), undefined, 'a switch set to false is left out');
    assert.equal(psArgument(property(HOSTING_PROVIDER, 'Enabled'), false), '$False');
    assert.equal(psArgument(property(HOSTING_PROVIDER, 'VerificationLevel'), 'usesourceVERIFICATION'), 'UseSourceVerification');
    assert.equal(psArgument(property(HOSTED_VOICEMAIL_POLICY, 'Organization'), ['a.contoso.com', "o'b.com"]), "'a.contoso.com,o''b.com'");
    assert.equal(psArgument(undefined, 'ExRedmond'), "'ExRedmond'", 'a parameter the catalog does not type takes a string');
    assert.equal(psArgument(undefined, null), '$Null');
  });

  it('keeps a whole number past 2^53 to the last digit, from the file to the command line', () => {
    const port = property(HOSTING_PROVIDER, 'SipClientPort');
    const text = '[18446744073709551615, 443]';
    const [big, small] = parseTree(text)!.children!;
    assert.equal(statedValue(port, big, text), '18446744073709551615');
    assert.equal(statedValue(port, small, text), 443);
    assert.equal(psArgument(port, statedValue(port, big, text)), '18446744073709551615');
  });

  it('refuses a value no parameter can take, rather than leave a setting out', () => {
    const sipDomains = TOPOLOGY.properties.find((p) => p.name === 'SipDomains')!;
    assert.throws(() => psArgument(sipDomains, ['contoso.com']), /SipDomains: Lync Topology cannot write this array value on a command line/);
  });
});
