import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, preferredFixEdits } from '../../server/src/core';
import { check, EXAMPLES, REPO, repoFile } from '../helpers';

const FIXTURES = readdirSync(join(REPO, 'test', 'fixtures')).map((name) => `test/fixtures/${name}`);

/** Applies every preferred fix, round after round, until nothing changes; returns the rounds and the text. */
function fixAll(text: string): { rounds: number; text: string } {
  for (let round = 1; round <= 5; round++) {
    const next = applyEdits(text, preferredFixEdits(check(text).diagnostics));
    if (next === text) return { rounds: round, text };
    text = next;
  }
  return { rounds: 6, text };
}

describe('fix convergence', () => {
  for (const file of [...EXAMPLES, ...FIXTURES]) {
    it(`${file} reaches a fixed point within 5 rounds`, () => {
      const result = fixAll(repoFile(file));
      assert.ok(result.rounds <= 5, `still changing after 5 rounds:\n${result.text}`);
      const left = check(result.text).diagnostics;
      assert.deepEqual(left.filter((d) => d.code === 'LT001'), [], result.text);
      assert.deepEqual(left.filter((d) => d.fixes.some((f) => f.preferred)).map((d) => d.code), [], result.text);
    });
  }

  it('fixes the example with mistakes down to what needs a person', () => {
    const result = fixAll(repoFile('examples/mistakes.lync.jsonc'));
    const left = check(result.text).diagnostics.map((d) => d.code);
    assert.ok(left.every((code) => ['LT103', 'LT106', 'LT306'].includes(code)), left.join(' '));
  });
});
