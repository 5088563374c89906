import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topologySchema } from '../server/src/core';

/** Writes the JSON schema generated from the catalog, for other editors and for the benchmark. */
const target = join(__dirname, '..', '..', 'schemas', 'lync-topology.schema.json');
mkdirSync(join(target, '..'), { recursive: true });
writeFileSync(target, JSON.stringify(topologySchema(), null, 2) + '\n');
