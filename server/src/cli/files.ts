import { readFileSync, writeFileSync } from 'node:fs';

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
