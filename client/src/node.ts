import { fork } from 'node:child_process';
import type * as vscode from 'vscode';
import { IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { activateWith } from './browser';

export { deactivate } from './browser';

/**
 * Desktop entry (package.json `main`). The client is the browser bundle's (scripts/bundle.ts loads
 * dist/browserClient.js for `./browser` rather than bundling it twice); only the server differs: the
 * bundled Node server, as its own process over Node IPC. It watches this process (--clientProcessId)
 * and exits with it.
 */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  return activateWith(context, async () => {
    // In desktop VS Code the extension host's executable is Electron's, which runs a script as Node only when told
    // to; and none of the extension host's own flags (such as --inspect) are passed on.
    const server = fork(module, ['--node-ipc', `--clientProcessId=${process.pid}`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return { reader: new IPCMessageReader(server), writer: new IPCMessageWriter(server) };
  });
}
