import { readFileSync } from 'node:fs';

export class UsageError extends Error {}

/** Reads a topology file as the editor shows it: UTF-8, without a byte order mark. */
export function readTopology(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}
