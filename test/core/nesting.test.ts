import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { REPO } from '../helpers';

const nested = (depth: number) => `{"SipDomains": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}, "AccessEdgeConfiguration": {"AllowFederatedUsers": "True"}}`;

/** Where LT001 says a value is nested too deeply, and which codes the analysis reports, run on a stack of `stackKb`. */
function findingsOnStack(depth: number, stackKb: number): { tooDeep: number[]; codes: string[] } {
  const core = join(REPO, 'out', 'server', 'src', 'core', 'index.js');
  const script = `const { analyze } = require(${JSON.stringify(core)});
const analysis = analyze(${JSON.stringify(nested(depth))});
process.stdout.write(JSON.stringify({
  tooDeep: analysis.diagnostics.filter((d) => d.code === 'LT001' && /nested more than 64/.test(d.message)).map((d) => d.span.start),
  codes: analysis.diagnostics.map((d) => d.code),
}));`;
  const result = spawnSync(process.execPath, [`--stack-size=${stackKb}`, '-e', script], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { tooDeep: number[]; codes: string[] };
}

describe('the documented nesting limit (docs/diagnostics.md, LT001)', () => {
  it('lets 64 levels through and reports the 65th, at the bracket that opens it', () => {
    assert.deepEqual(
      analyze(nested(64)).diagnostics.filter((d) => d.code === 'LT001'),
      [],
    );
    for (const depth of [65, 66, 100, 1000, 5000]) {
      const analysis = analyze(nested(depth));
      const tooDeep = analysis.diagnostics.filter((d) => d.code === 'LT001');
      assert.equal(tooDeep.length, 1, `depth ${depth}`);
      assert.match(tooDeep[0].message, /nested more than 64 levels/);
      // The top-level object is level 1, so the 65th level opens at the 64th bracket of the array.
      assert.equal(tooDeep[0].span.start, '{"SipDomains": '.length + 63, `depth ${depth}`);
      assert.ok(analysis.diagnostics.some((d) => d.code === 'LT101'), 'the rest of the file is still checked');
    }
  });

  it('gives the same findings on a small stack and on a large one', () => {
    for (const depth of [65, 3000]) {
      const small = findingsOnStack(depth, 200);
      assert.deepEqual(small.tooDeep, ['{"SipDomains": '.length + 63]);
      assert.deepEqual(findingsOnStack(depth, 8000), small);
    }
  });
});
