import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { MISTAKES, ROOT } from './codeServer';

/** Runs the same suite in desktop VS Code, which @vscode/test-electron downloads: for machines with internet. */
async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'lync-topology-workspace-'));
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  cpSync(join(ROOT, MISTAKES), join(workspace, basename(MISTAKES)));
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
