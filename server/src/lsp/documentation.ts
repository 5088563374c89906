import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/diagnostics.md as a file: URL, found beside the built server (in the repository and in the packaged extension). */
export function localDocumentation(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'docs', 'diagnostics.md');
    if (existsSync(file)) return pathToFileURL(file).href;
    if (dirname(dir) === dir) return undefined;
  }
}
