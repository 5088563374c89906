import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, freshProfile, installExtension, launchChromium, ROOT, startCodeServer } from './codeServer';

/**
 * Runs the extension's mocha suite (test/suite) inside a real VS Code, offline: code-server with the
 * packaged .vsix installed into a fresh profile, driven by Debian's Chromium.
 */
async function main(): Promise<number> {
  const entry = ensureCodeServer();
  mkdirSync(join(ROOT, '.vscode-test', 'runs'), { recursive: true });
  const run = mkdtempSync(join(ROOT, '.vscode-test', 'runs', 'e2e-'));
  const profile = freshProfile(run);
  installExtension(entry, profile, join(ROOT, 'lync-topology.vsix'));
  const installed = readdirSync(profile.extensionsDir).find((name) => name.startsWith('lync-topology.lync-topology-'));
  if (!installed) throw new Error('the .vsix did not install');
  const workspace = join(run, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });

  const server = await startCodeServer(entry, profile, workspace, join(run, 'code-server.log'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The installed extension is loaded as the one under development, so the suite tests what the .vsix holds.
    const remote = (path: string) => `vscode-remote://${server.authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(join(profile.extensionsDir, installed))],
      ['extensionTestsPath', remote(join(ROOT, 'out', 'test', 'suite', 'index.js'))],
    ];
    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => console.log(Array.isArray(args) ? args.join(' ') : String(args)));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exit, new Promise<number>((resolve) => setTimeout(() => resolve(124), 300_000))]);
    if (code !== 0) await page.screenshot({ path: join(run, 'failure.png') }).catch(() => undefined);
    console.log(code === 0 ? 'VS Code extension tests passed (code-server).' : `VS Code extension tests failed with ${code}; see ${run}`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
