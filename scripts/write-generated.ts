import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { topologySchema } from '../server/src/core';
import { fillCatalogMarkers } from './catalogDocs';
import { topologyGrammar } from './grammar';

/** Writes what the build derives from the catalog: the JSON schema, the TextMate grammar, and the lists in the docs. */
const root = join(__dirname, '..', '..');
for (const [file, content] of [
  ['schemas/lync-topology.schema.json', topologySchema()],
  ['syntaxes/lync-topology.tmLanguage.json', topologyGrammar()],
] as const) {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(content, null, 2) + '\n');
}
for (const file of ['docs/format.md', 'docs/diagnostics.md']) {
  const target = join(root, file);
  const text = readFileSync(target, 'utf8');
  const filled = fillCatalogMarkers(text);
  if (filled !== text) writeFileSync(target, filled);
}
