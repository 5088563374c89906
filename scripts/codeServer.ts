import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** code-server 4.100.x is VS Code 1.100, the last line that runs on Node 20. */
const VERSION = '4.100.3';

export const ROOT = join(__dirname, '..', '..');
const HOME = join(ROOT, '.vscode-test', 'code-server');
const ENTRY = join(HOME, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } });
}

/**
 * Installs code-server into the ignored .vscode-test/ folder once. Its own install scripts download
 * ripgrep, which cannot work offline, so they are skipped and the native modules rebuilt instead
 * (argon2 at the top; VS Code's own below), with Debian's rg in ripgrep's place.
 */
export function ensureCodeServer(): string {
  const marker = join(HOME, `.installed-${VERSION}`);
  if (existsSync(marker)) return ENTRY;
  mkdirSync(HOME, { recursive: true });
  run('npm', ['install', '--prefix', HOME, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${VERSION}`], ROOT);
  run('npm', ['rebuild', 'argon2'], HOME);
  const vscode = join(HOME, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscode);
  const rgDir = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  if (!existsSync(join(rgDir, 'rg'))) symlinkSync('/usr/bin/rg', join(rgDir, 'rg'));
  run('npm', ['rebuild', '--unsafe-perm'], vscode);
  if (!existsSync(join(vscode, 'node_modules.asar'))) symlinkSync('node_modules', join(vscode, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], join(vscode, 'extensions'));
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return ENTRY;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Settings for a quiet, deterministic workbench. */
export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.lightbulb.enabled': 'on',
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

export interface Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
}

/** A fresh user-data and extensions folder under `dir`, with the workbench settings and `settings`. */
function freshProfile(dir: string, settings: Record<string, unknown>): Profile {
  const profile = { userDataDir: join(dir, 'user-data'), extensionsDir: join(dir, 'extensions') };
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2));
  return profile;
}

export interface PreparedRun {
  readonly dir: string;
  readonly entry: string;
  readonly profile: Profile;
  /** The folder the packaged extension was installed to. */
  readonly extension: string;
  /** A copy of examples/ to open. */
  readonly workspace: string;
}

/** The file of deliberate mistakes, kept out of examples/ (which all check without error) but opened beside them. */
export const MISTAKES = join('test', 'fixtures', 'mistakes.lync.jsonc');

/** A fresh run folder under .vscode-test/runs: a profile with lync-topology.vsix installed, and a workspace of the examples and the mistakes. */
export function prepareRun(name: string, settings: Record<string, unknown> = {}): PreparedRun {
  const entry = ensureCodeServer();
  mkdirSync(join(ROOT, '.vscode-test', 'runs'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.vscode-test', 'runs', `${name}-`));
  const profile = freshProfile(dir, settings);
  run(process.execPath, [entry, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--install-extension', join(ROOT, 'lync-topology.vsix')], ROOT);
  const installed = readdirSync(profile.extensionsDir).find((folder) => folder.startsWith('lync-topology.lync-topology-'));
  if (!installed) throw new Error('the .vsix did not install');
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  cpSync(join(ROOT, MISTAKES), join(workspace, basename(MISTAKES)));
  return { dir, entry, profile, extension: join(profile.extensionsDir, installed), workspace };
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    get(`${url}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

export interface RunningCodeServer {
  readonly url: string;
  readonly authority: string;
  stop(): Promise<void>;
}

/** Starts code-server in a process group of its own, so that stopping it also ends its extension host and language servers. */
export async function startCodeServer(entry: string, profile: Profile, folder: string, log: string): Promise<RunningCodeServer> {
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const url = `http://${authority}`;
  const output = openSync(log, 'a');
  const xdg = join(profile.userDataDir, '..', 'xdg');
  const child = spawn(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', authority, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, folder],
    { detached: true, stdio: ['ignore', output, output], env: { ...process.env, XDG_DATA_HOME: join(xdg, 'data'), XDG_CONFIG_HOME: join(xdg, 'config'), XDG_CACHE_HOME: join(xdg, 'cache') } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.pid === undefined) return;
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
  };
  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start; see ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, authority, stop };
}

/** Debian's Chromium, headless, kept off the network: Playwright never downloads a browser here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
