import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTree } from 'jsonc-parser';
import { analyze } from '../server/src/core';
import { MeasuredServer } from './lsp';
import { round, summarize, time, type Summary } from './stats';
import { generateProcedureTopology, generateTopology } from './topology';

/**
 * `npm run bench`: our language server against VS Code's JSON language server (given our generated
 * schema), measured side by side in one run; writes bench/results.json and bench/RESULTS.md.
 */
const ROOT = join(__dirname, '..', '..');
const REPS = Number(process.env.BENCH_REPS ?? 20);
const SIZES = [100, 1000, 10000];
const OURS = [join(ROOT, 'bin', 'lync-topology-server.js')];
const JSON_SERVER = [join(ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server')];
const SCHEMA = pathToFileURL(join(ROOT, 'schemas', 'lync-topology.schema.json')).href;

function startJson(pull: boolean): Promise<MeasuredServer> {
  return MeasuredServer.start(JSON_SERVER, {
    pull,
    initializationOptions: { provideFormatter: false, handledSchemaProtocols: ['file'] },
    settings: { json: { schemas: [{ fileMatch: ['*.lync.jsonc'], url: SCHEMA }], validate: { enable: true } } },
  });
}

const startOurs = (pull: boolean) => MeasuredServer.start(OURS, { pull });

const servers = [
  { name: 'lync-topology', start: startOurs, language: 'lync-topology' },
  { name: 'vscode-json-language-server', start: startJson, language: 'jsonc' },
] as const;

type Results = Record<string, unknown>;

/** A one-character edit in the middle of the file, undone by the next one, so the text stays the same size. */
function middleEdit(text: string, rep: number) {
  const line = Math.floor(text.split('\n').length / 2);
  return rep % 2 === 0
    ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }
    : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
}

async function pullAfter(change: (server: MeasuredServer, uri: string, text: string, rep: number) => void): Promise<Results> {
  const results: Results = {};
  for (const size of SIZES) {
    const text = generateTopology(size);
    const row: Record<string, Summary> = {};
    for (const server of servers) {
      const instance = await server.start(true);
      const uri = `file:///bench/providers-${size}.lync.jsonc`;
      instance.open(uri, server.language, text);
      await instance.pull(uri);
      const samples: number[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        samples.push(await time(async () => {
          change(instance, uri, text, rep);
          await instance.pull(uri);
        }));
      }
      row[server.name] = summarize(samples);
      await instance.stop();
    }
    results[size] = { ...row, ratio: round(row['lync-topology'].median / row['vscode-json-language-server'].median) };
  }
  return results;
}

/** A one-character edit inside the middle user's SIP address, typed and taken back in turn. */
function editInsideUser(text: string, rep: number) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"sip:user10001@'));
  const character = lines[line].indexOf('user10001') + 4;
  return rep % 2 === 0
    ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
    : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
}

async function keystrokeToPush(text = generateTopology(1000), edit = middleEdit, only?: string): Promise<Results> {
  const results: Results = {};
  for (const server of servers.filter((s) => only === undefined || s.name === only)) {
    const instance = await server.start(false);
    const uri = 'file:///bench/keystroke.lync.jsonc';
    const opened = instance.nextPublish(uri);
    instance.open(uri, server.language, text);
    await opened;
    const samples: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      samples.push(await time(async () => {
        const published = instance.nextPublish(uri);
        instance.change(uri, edit(text, rep));
        await published;
      }));
    }
    results[server.name] = summarize(samples);
    await instance.stop();
  }
  return results;
}

async function completion(): Promise<Results> {
  const text = generateTopology(10000);
  const lines = text.split('\n');
  const positions = {
    'top section': { line: lines.findIndex((l) => l.includes('"UseDnsSrvRouting"')), character: 4 },
    'middle provider': { line: lines.indexOf('      "Identity": "Provider 5000",'), character: 6 },
    'last provider': { line: lines.indexOf('      "Identity": "Provider 9999",'), character: 6 },
  };
  const instance = await startOurs(true);
  const uri = 'file:///bench/completion.lync.jsonc';
  instance.open(uri, 'lync-topology', text);
  await instance.pull(uri);
  const results: Results = {};
  for (const [name, position] of Object.entries(positions)) {
    const samples: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      samples.push(await time(() => instance.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })));
    }
    results[name] = summarize(samples);
  }
  const status = readFileSync(`/proc/${instance.process.pid}/status`, 'utf8');
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  await instance.stop();
  return { ...results, peakResidentMB: round(peak) };
}

async function startToDiagnostics(): Promise<Summary> {
  const text = readFileSync(join(ROOT, 'examples', 'cross-premises.lync.jsonc'), 'utf8');
  const samples: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    let instance: MeasuredServer | undefined;
    samples.push(await time(async () => {
      instance = await startOurs(true);
      instance.open('file:///bench/seed.lync.jsonc', 'lync-topology', text);
      await instance.pull('file:///bench/seed.lync.jsonc');
    }));
    await instance?.stop();
  }
  return summarize(samples);
}

function coreAgainstParser(): Results {
  const results: Results = {};
  for (const size of SIZES) {
    const text = generateTopology(size);
    const core = summarize(Array.from({ length: REPS }, () => timeSync(() => analyze(text))));
    const parser = summarize(Array.from({ length: REPS }, () => timeSync(() => parseTree(text, [], { allowTrailingComma: true }))));
    results[size] = { core, 'jsonc-parser': parser, ratio: round(core.median / parser.median) };
  }
  return results;
}

function timeSync(step: () => unknown): number {
  const start = process.hrtime.bigint();
  step();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function growth(results: Results, key: 'lync-topology' | 'core'): number {
  const median = (size: number) => (results[size] as Record<string, Summary>)[key].median;
  return round(median(10000) / median(1000));
}

function write(results: BenchResults): void {
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), report(results));
  const readme = join(ROOT, 'README.md');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- bench:begin -->[^]*<!-- bench:end -->/, `<!-- bench:begin -->\n${summaryLine(results)}\n<!-- bench:end -->`));
}

async function main(): Promise<void> {
  // --report-only renders RESULTS.md and the README line again from bench/results.json, without measuring.
  if (process.argv.includes('--report-only')) {
    write(JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults);
    return;
  }
  const results: BenchResults = {
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
    repetitions: REPS,
    editInTheMiddle: await pullAfter((server, uri, text, rep) => server.change(uri, middleEdit(text, rep))),
    wholeFileChange: await pullAfter((server, uri, text, rep) => server.change(uri, { text: rep % 2 === 0 ? `${text} ` : text })),
    keystrokeToPushedDiagnostics1000: await keystrokeToPush(),
    keystrokeInUsers20000: await keystrokeToPush(generateProcedureTopology(20000, 500, 200), editInsideUser, 'lync-topology'),
    completionAt10000: await completion(),
    startToFirstDiagnostics: await startToDiagnostics(),
    coreAgainstParser: coreAgainstParser(),
    vsixKB: round(statSync(join(ROOT, 'lync-topology.vsix')).size / 1024),
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  write(results);
  console.log(readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8'));
}

interface BenchResults {
  readonly machine: Record<string, unknown>;
  readonly repetitions: number;
  readonly editInTheMiddle: Results;
  readonly wholeFileChange: Results;
  readonly keystrokeToPushedDiagnostics1000: Results;
  /** Absent from results measured before the file with users was added. */
  readonly keystrokeInUsers20000?: Results;
  readonly completionAt10000: Results;
  readonly startToFirstDiagnostics: Summary;
  readonly coreAgainstParser: Results;
  readonly vsixKB: number;
}

/** The README's one line on the results, between its bench markers. */
function summaryLine(results: BenchResults): string {
  const ratio = (r: Results) => (r[10000] as { ratio: number }).ratio;
  const k = results.keystrokeToPushedDiagnostics1000 as Record<string, Summary>;
  return `At 10,000 providers, full diagnostics take ${ratio(results.editInTheMiddle)}x the time of VS Code's JSON server after a one-character edit and ${ratio(results.wholeFileChange)}x after a whole-file change; a keystroke shows its squiggle in ${k['lync-topology'].p95} ms (p95) at 1,000 providers.`;
}

function keystrokeRow(target: string, results: Results): [string, string, boolean] {
  const p95 = (results as Record<string, Summary>)['lync-topology'].p95;
  return [target, `${p95} ms`, p95 <= 50];
}

/** Each target of the issue against what this run measured. */
function targets(results: BenchResults): string {
  const at = (r: Results, size: number) => r[size] as Record<string, Summary> & { ratio: number };
  const k = results.keystrokeToPushedDiagnostics1000 as Record<string, Summary>;
  const c = results.completionAt10000 as Record<string, Summary> & { peakResidentMB: number };
  const worstCompletion = Math.max(...['top section', 'middle provider', 'last provider'].map((p) => c[p].p95));
  const rows: [string, string, boolean][] = [
    ['2. edit in the middle, 10,000 providers: at most 0.5x the JSON server', `${at(results.editInTheMiddle, 10000).ratio}x`, at(results.editInTheMiddle, 10000).ratio <= 0.5],
    ['3. whole-file change: at most 1.0x the JSON server', `${at(results.wholeFileChange, 10000).ratio}x at 10,000`, SIZES.every((s) => at(results.wholeFileChange, s).ratio <= 1)],
    ['3. linear: 10x the providers, at most 11x the time', `${growth(results.wholeFileChange, 'lync-topology')}x`, growth(results.wholeFileChange, 'lync-topology') <= 11],
    ['4. keystroke to pushed diagnostics, 1,000 providers: p95 at most 50 ms', `${k['lync-topology'].p95} ms`, k['lync-topology'].p95 <= 50],
    ...(results.keystrokeInUsers20000
      ? [keystrokeRow('4. keystroke inside a user, 20,000 users, 500 contacts, 200 allowed domains: p95 at most 50 ms', results.keystrokeInUsers20000)]
      : []),
    ['5. completion at 10,000 providers: p95 at most 10 ms', `${worstCompletion} ms`, worstCompletion <= 10],
    ['6. start to first diagnostics: at most 250 ms', `${results.startToFirstDiagnostics.median} ms`, results.startToFirstDiagnostics.median <= 250],
    ['7. peak resident memory: at most 150 MB', `${c.peakResidentMB} MB`, c.peakResidentMB <= 150],
    ['8. linear: 10x the providers, at most 11x the time', `${growth(results.coreAgainstParser, 'core')}x`, growth(results.coreAgainstParser, 'core') <= 11],
    ['9. .vsix at most 300 KB', `${results.vsixKB} KB`, results.vsixKB <= 300],
  ];
  return ['| target | measured | met |', '|---|---|---|', ...rows.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`)].join('\n');
}

const IN_THE_WAY = `## What stands in the way of the targets not met

- **A whole-file change is parsed and checked whole.** An edit inside one entry of a list (a hosting provider,
  a user, a contact, ...) is handled incrementally (\`server/src/core/incremental.ts\`, checked against a full
  analysis by a property test): only that entry is parsed again, the rest of the tree is moved, and the other
  entries keep their model and findings.
  A paste of the whole file cannot be: jsonc-parser alone (section 8) takes 40 to 50 percent of the core's time
  at 10,000 providers, and the model and the rules the rest. Profiling (\`node --cpu-prof\`) already removed the
  largest costs (typed values regenerated by every rule, linear catalog lookups, a second map per object, enum
  values lower-cased on every comparison, WeakMaps that burdened the garbage collector); what is left is
  allocation of the tree and the model.
- **Memory** is the syntax tree and the model of the whole file, plus each provider's findings kept for the next
  keystroke; a leaner tree (one record per property rather than three nodes) is the way down.
- **Growth of the core alone** is near the 11x bound and varies between runs: at 10,000 providers garbage
  collection of the larger heap takes a growing share.
`;

function report(results: BenchResults): string {
  const pair = (r: Results, size: number) => {
    const row = r[size] as Record<string, Summary> & { ratio: number };
    return `| ${size} | ${row['lync-topology'].median} / ${row['lync-topology'].p95} | ${row['vscode-json-language-server'].median} / ${row['vscode-json-language-server'].p95} | ${row.ratio}x |`;
  };
  const k = results.keystrokeToPushedDiagnostics1000 as Record<string, Summary>;
  const c = results.completionAt10000 as Record<string, Summary> & { peakResidentMB: number };
  const core = (size: number) => {
    const row = results.coreAgainstParser[size] as Record<string, Summary> & { ratio: number };
    return `| ${size} | ${row.core.median} / ${row.core.p95} | ${row['jsonc-parser'].median} / ${row['jsonc-parser'].p95} | ${row.ratio}x |`;
  };
  const m = results.machine;
  return `# Benchmark results

Written by \`npm run bench\`. Times in milliseconds as median / p95 over ${results.repetitions} repetitions, measured in
one run on ${m.cpu} (${m.cores} cores, ${m.memoryGB} GB), Node ${m.node}. The reference is VS Code's JSON language
server (\`vscode-langservers-extracted\`) validating the same files against the schema Lync Topology generates.
Files: \`bench/topology.ts\` generates N hosting providers, one in ten with a typical mistake, and the whole procedure at scale (20,000 users, 500 contacts, 200 allowed domains) for a keystroke inside a user.

${targets(results)}

${IN_THE_WAY}
## 2. Full diagnostics (pull) after a one-character edit in the middle

| providers | lync-topology | JSON server | ratio (target at 10,000: 0.5x) |
|---|---|---|---|
${SIZES.map((s) => pair(results.editInTheMiddle, s)).join('\n')}

## 3. Full diagnostics (pull) after a whole-file change

| providers | lync-topology | JSON server | ratio (target: 1.0x) |
|---|---|---|---|
${SIZES.map((s) => pair(results.wholeFileChange, s)).join('\n')}

Growth from 1,000 to 10,000 providers: ${growth(results.wholeFileChange, 'lync-topology')}x (target: at most 11x).

## 4. Keystroke to pushed diagnostics, 1,000 providers (target p95: 50 ms)

| server | median / p95 |
|---|---|
| lync-topology | ${k['lync-topology'].median} / ${k['lync-topology'].p95} |
| JSON server (waits 500 ms before validating) | ${k['vscode-json-language-server'].median} / ${k['vscode-json-language-server'].p95} |

## 5. Completion at 10,000 providers (target p95: 10 ms)

| position | median / p95 |
|---|---|
${['top section', 'middle provider', 'last provider'].map((p) => `| ${p} | ${c[p].median} / ${c[p].p95} |`).join('\n')}

## 6. Server start to first diagnostics, cross-premises example (target: 250 ms)

${results.startToFirstDiagnostics.median} / ${results.startToFirstDiagnostics.p95}

## 7. Peak resident memory with the 10,000-provider file open (target: 150 MB)

${c.peakResidentMB} MB

## 8. The core alone against a bare jsonc-parser parse (the floor)

| providers | core | jsonc-parser | ratio |
|---|---|---|---|
${SIZES.map(core).join('\n')}

Growth from 1,000 to 10,000 providers: ${growth(results.coreAgainstParser, 'core')}x (target: at most 11x).

## 9. Package

\`lync-topology.vsix\`: ${results.vsixKB} KB (target: 300 KB).
`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
