import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { topologySchema } from '../server/src/core';
import { topologyGrammar } from './grammar';

/** Writes what the build derives from the catalog: the JSON schema and the TextMate grammar. */
const root = join(__dirname, '..', '..');
for (const [file, content] of [
  ['schemas/lync-topology.schema.json', topologySchema()],
  ['syntaxes/lync-topology.tmLanguage.json', topologyGrammar()],
] as const) {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(content, null, 2) + '\n');
}
