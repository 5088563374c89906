import fc from 'fast-check';
import { ACCESS_EDGE_CONFIGURATION, EXCHANGE_UM, HOSTING_PROVIDER, TOPOLOGY } from '../../server/src/core';
import { EXAMPLES, repoFile } from '../helpers';

/** Fuzz inputs: topology-like documents built from the grammar, and the examples mutated. */

const CATALOG_KEYS = [TOPOLOGY, EXCHANGE_UM, ACCESS_EDGE_CONFIGURATION, HOSTING_PROVIDER].flatMap((o) => o.properties.map((p) => p.name));
const HOSTILE = ["'", '\u2019', '"', '$(x)', '`', '#', '\n', '\u0000', '\u2028', '\ud800', '<placeholder>', '\\', '//', '/*', '*/'];

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CATALOG_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...CATALOG_KEYS).map((k) => k.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('Force', 'WhatIf', 'InMemory', 'Verbose') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const scalar = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: -5, max: 70000 }),
  fc.constantFrom(2 ** 64, 1e21, 4294967296, 0.5, -0),
  fc.constantFrom('global', 'UseSourceVerification', 'usesourceverification', 'CrossPremises', 'Mixed', 'OnPremises', 'Lync Server 2010', 'True', '4', 'contoso.com', 'proxy.fabrikam.com', 'Hosted UM', 'https://x.example.com'),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((parts) => parts.join('')),
);

/** A JSON-like value tree whose keys are mostly the catalog's, so that the rules have something to say. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 8 }).map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [k, v] of entries) object[k] = v;
    return object;
  }),
  array: fc.array(tie('value'), { maxLength: 4 }),
})).value;

const trivia = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '\n', '  ', '\r\n', '\t') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `// ${s.replace(/[\r\n]/g, '')}\n`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((s) => `/* ${s.replace(/\*\//g, '')} */`) },
  { weight: 1, arbitrary: fc.constant('// lync-topology-disable-next-line LT101\n') },
);

/** Prints a value as JSONC with random white space, comments and trailing commas between the tokens. */
function print(node: unknown, gaps: () => string, trailing: () => boolean): string {
  if (Array.isArray(node)) {
    const items = node.map((item) => gaps() + print(item, gaps, trailing) + gaps());
    return `[${items.join(',')}${items.length > 0 && trailing() ? ',' : ''}]`;
  }
  if (node && typeof node === 'object') {
    const entries = Object.entries(node).map(([k, v]) => `${gaps()}${JSON.stringify(k)}${gaps()}:${gaps()}${print(v, gaps, trailing)}${gaps()}`);
    return `{${entries.join(',')}${entries.length > 0 && trailing() ? ',' : ''}}`;
  }
  return JSON.stringify(node) ?? 'null';
}

export const grammarDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...TOPOLOGY.properties.map((p) => p.name)), value), { maxLength: 6 }),
    fc.infiniteStream(trivia),
    fc.infiniteStream(fc.boolean()),
  )
  .map(([sections, gaps, commas]) => {
    const root: Record<string, unknown> = {};
    for (const [k, v] of sections) root[k] = v;
    const gapIterator = gaps[Symbol.iterator]();
    const commaIterator = commas[Symbol.iterator]();
    return print(root, () => gapIterator.next().value as string, () => commaIterator.next().value as boolean);
  });

type Mutation = { kind: 'delete' | 'duplicate'; at: number; length: number } | { kind: 'insert'; at: number; text: string } | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '//', '/*', '\n', 'true', '-', '0', '\\', ...HOSTILE), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

const EXAMPLE_TEXTS = [...EXAMPLES, 'test/fixtures/missing-everything.lync.jsonc', 'test/fixtures/routing.lync.jsonc'].map((file) => repoFile(file));

export const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...EXAMPLE_TEXTS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, changes]) => changes.reduce(mutate, text));

export const anyDocument = fc.oneof(grammarDocument, mutatedDocument);
