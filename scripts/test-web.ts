import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PreparedRun } from './codeServer';
import { main, type Outcome } from './test-ui';

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

/**
 * Watches what the page loads and logs: which bundles of the extension it fetched, and the errors the
 * browser-side extension host reported.
 */
function watch(page: Page, run: PreparedRun): () => Promise<Outcome[]> {
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
  return async () => {
    const servers = desktopServers(run);
    const outcomes: Outcome[] = [
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
