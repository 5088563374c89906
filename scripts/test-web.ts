import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PreparedRun } from './codeServer';
import { main, type Outcome, type Workbench } from './test-ui';

const EXTENSION_ID = 'lync-topology.lync-topology';

/** Node processes running this run's bundled desktop server (`dist/server.js` of the installed extension). */
function desktopServers(run: PreparedRun): string[] {
  try {
    return execFileSync('pgrep', ['-af', `${run.extension}/dist/server.js`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The log files the Node extension host wrote for the extension's output channel: it made none unless it ran the extension. */
function nodeHostChannels(run: PreparedRun): string[] {
  return readdirSync(join(run.profile.userDataDir, 'logs'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('Lync Topology.log'));
}

/** Runs a check, failing it with the first line of what it threw, and a screenshot. */
async function outcome(ui: Workbench, step: string, check: () => Promise<string | undefined>): Promise<Outcome> {
  try {
    return { step, ok: true, detail: await check() };
  } catch (error) {
    await ui.shot(`failed-${step}`).catch(() => undefined);
    return { step, ok: false, detail: String(error instanceof Error ? error.message : error).split('\n')[0] };
  }
}

/** Copy and Save As, which the desktop suite covers through the API, done here as a user does them in the browser. */
async function copyAndSave(ui: Workbench, run: PreparedRun): Promise<Outcome[]> {
  const { page } = ui;
  const notification = (text: string) => page.locator('.notification-toast', { hasText: text }).first().waitFor();
  const copied = await outcome(ui, 'Copy Cmdlets', async () => {
    // Quick Open: the walk-through leaves the side bar as it was, not necessarily on the Explorer.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+KeyP');
    await page.locator('.quick-input-widget .quick-input-box input').fill('cross-premises.lync.jsonc');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'cross-premises.lync.jsonc' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`${ui.active} .tab.active`, { hasText: 'cross-premises.lync.jsonc' }).first().waitFor();
    await ui.palette('Lync Topology: Copy Cmdlets');
    await notification('copied to the clipboard');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (!/^New-CsHostingProvider -Identity 'Hosted Exchange UM' .*'proxyserver\.fabrikam\.comx'/m.test(text)) throw new Error(`the clipboard holds ${text.slice(0, 120)}`);
    return undefined;
  });
  const saved = await outcome(ui, 'Save Cmdlets As', async () => {
    const target = join(run.workspace, 'cross-premises.ps1');
    await ui.palette('Lync Topology: Save Cmdlets As...');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value ?? '').endsWith('cross-premises.ps1'));
    await input.fill(target);
    await page.keyboard.press('Enter');
    await notification('cmdlets saved to cross-premises.ps1');
    if (!existsSync(target)) throw new Error(`${target} was not written`);
    const bytes = readFileSync(target);
    if (![...bytes.subarray(0, 3)].every((b, i) => b === [0xef, 0xbb, 0xbf][i])) throw new Error('no byte order mark');
    const text = bytes.toString('utf8');
    if (!text.includes("'proxyserver.fabrikam.comx'")) throw new Error('not the script of the edited file');
    if (!text.includes('\r\n') || /[^\r]\n/.test(text)) throw new Error('not CRLF line ends');
    return `${bytes.length} bytes, byte order mark, CRLF`;
  });
  return [copied, saved];
}

/**
 * Watches what the page loads and logs: which bundles of the extension it fetched, and the errors the
 * browser-side extension host reported.
 */
function watch(page: Page, run: PreparedRun): (ui: Workbench) => Promise<Outcome[]> {
  const fetched = new Set<string>();
  const errors: string[] = [];
  page.context().on('request', (request) => {
    // An extension installed on the server is served at vscode-remote-resource?path=<its file>.
    const url = new URL(request.url());
    const path = url.searchParams.get('path') ?? url.pathname;
    if (path.startsWith(`${run.extension}/dist/`)) fetched.add(path.slice(run.extension.length + '/dist/'.length));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /lync/i.test(message.text())) errors.push(message.text());
  });
  void page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  return async (ui) => {
    const servers = desktopServers(run);
    const outcomes: Outcome[] = [
      ...(await copyAndSave(ui, run)),
      { step: 'the browser loaded the web bundles', ok: fetched.has('browserClient.js') && fetched.has('browserServer.js'), detail: [...fetched].join(', ') },
      { step: 'no desktop language server process', ok: servers.length === 0, detail: servers.join(' | ') || undefined },
      { step: 'not run by the Node extension host', ok: nodeHostChannels(run).length === 0, detail: nodeHostChannels(run).join(' | ') || undefined },
      { step: 'no errors in the browser console', ok: errors.length === 0, detail: errors.slice(0, 3).join(' | ') || undefined },
    ];
    for (const o of outcomes) console.log(`${o.ok ? 'PASS' : 'FAIL'} ${o.step}${o.detail ? `: ${o.detail}` : ''}`);
    return outcomes;
  };
}

/**
 * The UI walk-through of scripts/test-ui.ts, with the packaged extension running in code-server's
 * browser-side (web worker) extension host rather than its Node one.
 */
main({ name: 'web', settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } }, prepare: watch }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
