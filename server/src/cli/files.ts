import { readFileSync, writeFileSync } from 'node:fs';

export class UsageError extends Error {}

/** A file's bytes, or standard input's (0) read whole; a usage error naming the file when it cannot be read. */
export function readBytes(file: string | 0): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`cannot read ${file === 0 ? 'standard input' : file}: ${reason}`);
  }
}

/** Reads a topology file as the editor shows it: UTF-8, without a byte order mark. */
export function readTopology(file: string): string {
  return readBytes(file).toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Writes a PowerShell file as UTF-8 with a byte order mark: Windows PowerShell reads a file without one in
 * the legacy code page (about_Character_Encoding, 5.1).
 */
export function writePowerShell(file: string, text: string): void {
  try {
    writeFileSync(file, `\uFEFF${text}`, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
  }
}
