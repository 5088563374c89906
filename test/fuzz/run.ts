import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { REPO } from '../helpers';
import { anyDocument } from './documents';
import { checkDocument } from './invariants';

/**
 * The long fuzz run: `npm run fuzz -- --runs 100000 [--seed N]`. Writes its figures into
 * docs/reliability.md, between the fuzz markers, so that the document shows the last run.
 */
const { values } = parseArgs({ options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const started = Date.now();
const result = fc.check(fc.property(anyDocument, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (text, at) => checkDocument(text, at)), { numRuns: runs, seed });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
const outcome = result.failed
  ? `failed after ${result.numRuns} cases: ${String(result.errorInstance).split('\n')[0]}`
  : `${result.numRuns} cases, 0 failures`;
console.log(`fuzz: seed ${seed}: ${outcome} (${seconds} s)`);
if (result.failed) console.log(`counterexample: ${JSON.stringify(result.counterexample)}`);

const file = join(REPO, 'docs', 'reliability.md');
const record = `<!-- fuzz:begin -->\nLast long run: ${new Date().toISOString().slice(0, 10)}, seed ${seed}, ${outcome}, ${seconds} s on Node ${process.version}.\n<!-- fuzz:end -->`;
writeFileSync(file, readFileSync(file, 'utf8').replace(/<!-- fuzz:begin -->[^]*<!-- fuzz:end -->/, record));
process.exitCode = result.failed ? 1 : 0;
