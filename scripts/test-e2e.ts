import { join } from 'node:path';
import { launchChromium, prepareRun, ROOT, startCodeServer } from './codeServer';

/**
 * Runs the extension's mocha suite (test/suite) inside a real VS Code, offline: code-server with the
 * packaged .vsix installed into a fresh profile, driven by Debian's Chromium.
 */
async function main(): Promise<number> {
  const run = prepareRun('e2e');
  const server = await startCodeServer(run.entry, run.profile, run.workspace, join(run.dir, 'code-server.log'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The installed extension is loaded as the one under development, so the suite tests what the .vsix holds.
    const remote = (path: string) => `vscode-remote://${server.authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(run.extension)],
      ['extensionTestsPath', remote(join(ROOT, 'out', 'test', 'suite', 'index.js'))],
    ];
    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => console.log(Array.isArray(args) ? args.join(' ') : String(args)));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exit, new Promise<number>((resolve) => setTimeout(() => resolve(124), 300_000))]);
    if (code !== 0) await page.screenshot({ path: join(run.dir, 'failure.png') }).catch(() => undefined);
    console.log(code === 0 ? 'VS Code extension tests passed (code-server).' : `VS Code extension tests failed with ${code}; see ${run.dir}`);
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
