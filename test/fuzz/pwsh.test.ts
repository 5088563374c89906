import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ACCESS_EDGE_CONFIGURATION, analyze, existsIn, generate, HOSTING_PROVIDER, SERVER_VERSIONS, type PropertySpec, type ServerVersion, type ValueSpec } from '../../server/src/core';
import { commandArguments, commandLines } from '../powershell';
import { disagreements, expectedCalls } from '../pwsh/expected';
import { judge, requirePwsh, type Job } from '../pwsh/pwsh';

/**
 * Clean topology files with hostile names, turned into scripts and run in the real PowerShell with the
 * stubs: nothing may run that the file did not ask for, nothing may fail to bind, and every value must
 * read back exactly. The independent tokenizer (test/powershell.ts) must read the same values.
 */

const RUNS = 300;
const BATCHES = 2;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

const HOSTILE = ["'", '\u2018', '\u2019', '\u201A', '\u201B', '"', '\u201C', '\u201D', '\u201E', '$(Remove-CsHostingProvider -Identity x)', '$x', '${x}', '`', '`n', '#', '<#', '#>', ';', '|', '&', ' -Force', '--%', '@(', ',', 'é', 'Ærø', '東京', '🙂'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 5 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const fqdn = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'net', 'org')).map(([labels, top]) => [...labels, top].join('.'));
const url = fc.tuple(fqdn, fc.constantFrom('', '/', "/search?q='x'", '/a%20b')).map(([host, path]) => `https://${host}${path}`);

/** A JSON value text for a setting: strings through JSON.stringify, whole numbers as their digits. */
function valueText(spec: ValueSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case 'boolean':
      return fc.boolean().map(String);
    case 'integer':
      return fc.bigInt({ min: spec.min, max: spec.max }).map(String);
    case 'enum':
      return fc.tuple(fc.constantFrom(...spec.values), fc.boolean()).map(([v, lower]) => JSON.stringify(lower ? v.toLowerCase() : v));
    case 'string':
      return (spec.format === 'url' ? url : spec.format === 'fqdn' ? fqdn : hostileText).map((s) => JSON.stringify(s));
    default:
      throw new Error(`no values for ${spec.kind}`);
  }
}

/** Some of `properties`, each with a value, as JSON members. */
function someOf(properties: readonly PropertySpec[]): fc.Arbitrary<string[]> {
  return fc.tuple(...properties.map((p) => fc.option(valueText(p.value).map((v) => `${JSON.stringify(p.name)}: ${v}`), { nil: undefined }))).map((members) => members.filter((m) => m !== undefined));
}

function edge(version: ServerVersion): fc.Arbitrary<string[]> {
  return fc.constantFrom('DnsSrvRouting', 'DefaultRoute', undefined).chain((routing) => {
    const free = ACCESS_EDGE_CONFIGURATION.properties.filter((p) => !p.notEmitted && !p.selectsRouting && existsIn(p, version) && (p.routing === undefined || p.routing === routing));
    const fixed = routing === 'DnsSrvRouting' ? ['"UseDnsSrvRouting": true'] : routing === 'DefaultRoute' ? ['"UseDefaultRouting": true'] : [];
    const needed = routing === 'DnsSrvRouting' ? 'EnablePartnerDiscovery' : routing === 'DefaultRoute' ? 'DefaultRouteFqdn' : undefined;
    const companion = needed === undefined ? fc.constant([]) : valueText(free.find((p) => p.name === needed)!.value).map((v) => [`"${needed}": ${v}`]);
    return fc.tuple(companion, someOf(free.filter((p) => p.name !== needed))).map(([c, rest]) => [...fixed, ...c, ...rest]);
  });
}

function provider(version: ServerVersion, index: number): fc.Arbitrary<string> {
  const optional = HOSTING_PROVIDER.properties.filter((p) => !p.required && existsIn(p, version) && p.name !== 'EnabledSharedAddressSpace' && p.name !== 'HostsOCSUsers');
  return fc
    .tuple(hostileText, fc.boolean(), fqdn, fc.option(fc.tuple(fc.boolean(), fc.boolean())), someOf(optional))
    .map(([identity, enabled, proxy, shared, rest]) => {
      const members = [`"Identity": ${JSON.stringify(`${identity} ${index}`)}`, `"Enabled": ${enabled}`, `"ProxyFqdn": "p${index}.${proxy}"`];
      if (shared) members.push(`"EnabledSharedAddressSpace": ${shared[0]}`, `"HostsOCSUsers": ${shared[1]}`);
      return `{ ${[...members, ...rest].join(', ')} }`;
    });
}

const cleanTopology: fc.Arbitrary<string> = fc.constantFrom(...SERVER_VERSIONS).chain((version) =>
  fc.tuple(edge(version), fc.integer({ min: 0, max: 3 })).chain(([edgeMembers, count]) => {
    const defaultRoute = edgeMembers.includes('"UseDefaultRouting": true');
    const providers = defaultRoute ? [] : Array.from({ length: count }, (_, i) => provider(version, i));
    return fc.tuple(...providers).map((list) => `{ "ServerVersion": ${JSON.stringify(version)}, "AccessEdgeConfiguration": { ${edgeMembers.join(', ')} }, "HostingProviders": [ ${list.join(', ')} ] }`);
  }),
);

describe('generated scripts from random clean files, in the real PowerShell', () => {
  it(`${RUNS} files in ${BATCHES} pwsh processes: no injection, no binding error, every value read back exactly (seed ${SEED})`, (t) => {
    if (!requirePwsh(t)) return;
    const cases = fc.sample(cleanTopology, { seed: SEED, numRuns: RUNS }).flatMap((text) => {
      const analysis = analyze(text);
      const script = generate(analysis).script;
      return script === undefined ? [] : [{ text, job: { script, version: analysis.model.serverVersion } satisfies Job }];
    });
    // One stub module per server version: grouped, each batch imports each module once.
    cases.sort((a, b) => SERVER_VERSIONS.indexOf(a.job.version) - SERVER_VERSIONS.indexOf(b.job.version));
    assert.ok(cases.length >= RUNS * 0.8, `only ${cases.length} of ${RUNS} files gave a script`);
    const size = Math.ceil(cases.length / BATCHES);
    for (let start = 0; start < cases.length; start += size) {
      const batch = cases.slice(start, start + size);
      judge(batch.map((c) => c.job)).forEach((verdict, i) => {
        const { text, job } = batch[i];
        assert.deepEqual(disagreements(verdict, expectedCalls(text)), [], `${text}\n---\n${job.script}`);
        const lines = commandLines(job.script);
        verdict.calls.forEach((call, n) => {
          for (const [name, read] of commandArguments(lines[n])) {
            const recorded = call.Parameters[name];
            if (typeof recorded === 'string') assert.equal(read, recorded, `the tokenizer and pwsh read -${name} alike in ${lines[n]}`);
          }
        });
      });
    }
  });
});
