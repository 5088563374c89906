import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The entry point a VS Code extension host loads (@vscode/test-electron, or code-server for
 * test:e2e): runs every *.spec.js beside this file; rejects when a test fails.
 */
export function run(): Promise<void> {
  // The extension host forwards console output without applying printf placeholders.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname)) if (file.endsWith('.spec.js')) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
