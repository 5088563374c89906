import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { stubModule, type ServerVersion } from '../../server/src/core';
import { REPO } from '../helpers';

/** Runs scripts in the real PowerShell (pwsh) with the generated stub module, a batch per process. */

function findPwsh(): string | undefined {
  const name = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';
  const places = [...(process.env.PATH ?? '').split(delimiter), join(homedir(), '.dotnet', 'tools')];
  return places.filter((dir) => dir !== '').map((dir) => join(dir, name)).find((file) => existsSync(file));
}

const PWSH = findPwsh();

/**
 * The pwsh to test with. Without one, the test is skipped with a message on a developer machine,
 * and fails on CI (CI set, as .ci/run sets it), where .ci/run installs it.
 */
export function requirePwsh(t: TestContext): boolean {
  if (PWSH) return true;
  const message = 'pwsh not found (install: dotnet tool install --global PowerShell --version 7.6.9)';
  if (process.env.CI) throw new Error(`${message}; CI never skips the PowerShell tests`);
  t.skip(message);
  return false;
}

/** What one stub records of a call (see the recorder in core/stubs.ts). */
export interface RecordedCall {
  readonly Cmdlet: string;
  readonly ParameterSet: string;
  readonly Parameters: Readonly<Record<string, string | boolean>>;
  readonly WouldRun: boolean;
}

export interface Job {
  readonly script: string;
  /** The server version whose stubs the script runs with. */
  readonly version: ServerVersion;
  /** Another stub module to run the script with. */
  readonly stubs?: string;
  /** Only parse the script; do not run it. */
  readonly parseOnly?: boolean;
}

export interface Verdict {
  /** What PowerShell's parser (Parser.ParseInput) reports. */
  readonly parseErrors: readonly string[];
  /** Syntax Windows PowerShell 3.0 lacks. */
  readonly newerSyntax: readonly string[];
  /** The calls the stubs recorded, in order, up to the first error. */
  readonly calls: readonly RecordedCall[];
  /** The error that stopped the script: PowerShell's FullyQualifiedErrorId and message. */
  readonly error: { readonly id: string; readonly message: string } | undefined;
}

interface RawVerdict {
  ParseErrors: string[];
  NewerSyntax: string[];
  Output: string[];
  Error: { Id: string; Message: string } | null;
}

/**
 * Judges every job in one pwsh process (-NoProfile -NonInteractive, so that a missing Mandatory
 * parameter is an error rather than a prompt), under Set-StrictMode -Version Latest and
 * $ErrorActionPreference = 'Stop'. Scripts are saved as UTF-8 with a byte order mark.
 */
export function judge(jobs: readonly Job[]): Verdict[] {
  if (!PWSH) throw new Error('pwsh not found');
  const work = mkdtempSync(join(tmpdir(), 'lync-pwsh-'));
  try {
    const modules = new Map<string, string>();
    const entries = jobs.map((job, i) => {
      const module = job.stubs ?? stubModule(job.version);
      let stubs = modules.get(module);
      if (!stubs) {
        const folder = join(work, `stubs-${modules.size}`);
        mkdirSync(folder);
        stubs = join(folder, 'LyncTopology.Stubs.psm1');
        writeFileSync(stubs, `\uFEFF${module}`, 'utf8');
        modules.set(module, stubs);
      }
      const script = join(work, `script-${i}.ps1`);
      writeFileSync(script, `\uFEFF${job.script}`, 'utf8');
      return { Script: script, Stubs: stubs, Run: !job.parseOnly };
    });
    const jobsFile = join(work, 'jobs.json');
    const resultFile = join(work, 'verdicts.json');
    writeFileSync(jobsFile, JSON.stringify(entries));
    const run = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-File', join(REPO, 'test', 'pwsh', 'judge.ps1'), jobsFile, resultFile], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.status !== 0 || !existsSync(resultFile)) throw new Error(`pwsh failed (${run.status}): ${run.stderr}${run.stdout}`);
    const raw = JSON.parse(readFileSync(resultFile, 'utf8')) as RawVerdict[];
    return raw.map((v) => ({
      parseErrors: v.ParseErrors,
      newerSyntax: v.NewerSyntax,
      calls: v.Output.map((line) => JSON.parse(line) as RecordedCall),
      error: v.Error ? { id: v.Error.Id, message: v.Error.Message } : undefined,
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A function computed once, when first asked: the batch runs when the first test needs it. */
export function once<T>(compute: () => T): () => T {
  let value: { result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

/** What a script writes to standard output in pwsh (-NoProfile -NonInteractive), saved as UTF-8 with a byte order mark; throws when it fails. */
export function runPwsh(script: string): string {
  if (!PWSH) throw new Error('pwsh not found');
  const work = mkdtempSync(join(tmpdir(), 'lync-pwsh-'));
  try {
    const file = join(work, 'script.ps1');
    writeFileSync(file, `\uFEFF${script}`, 'utf8');
    const run = spawnSync(PWSH, ['-NoProfile', '-NonInteractive', '-File', file], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`pwsh failed (${run.status}): ${run.stderr}${run.stdout}`);
    return run.stdout;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
