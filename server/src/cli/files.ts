import { readFileSync, writeFileSync } from 'node:fs';
import { decodeText } from '../core';

export class UsageError extends Error {}

/** The file name that stands for standard input, as for most command line tools. */
export const STDIN = '-';

/** How a file is named in what the command line prints: `-` as standard input. */
export function displayName(file: string): string {
  return file === STDIN ? 'standard input' : file;
}

/** A file's bytes, or standard input's (`-`) read whole; a usage error naming the file when it cannot be read. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file === STDIN ? 0 : file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new UsageError(`cannot read ${displayName(file)}: ${reason}`);
  }
}

/**
 * Reads a topology file as the editor saves it: UTF-8, or UTF-16 by its byte order mark, without the mark. Bytes
 * of anything else (a code page, a binary file) are a usage error: read as U+FFFD, a name with an é in Windows-1252
 * would reach the cmdlets changed.
 */
export function readTopology(file: string): string {
  try {
    return decodeText(readBytes(file), true);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${displayName(file)}: it is not text in UTF-8, nor in UTF-16 with a byte order mark; save it as UTF-8`);
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
