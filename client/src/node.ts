import { fork, type ChildProcess } from 'node:child_process';
import type * as vscode from 'vscode';
import { activateWith, BrowserMessageReader, BrowserMessageWriter } from './browser';

export { deactivate } from './browser';

/** The server process as the worker the browser client's message reader and writer expect. */
function asWorker(server: ChildProcess): Worker {
  const worker = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (message: unknown) => server.send(message as object),
    addEventListener: (type: string, listener: (error: unknown) => void) => {
      if (type === 'error') server.on('error', listener);
    },
  };
  server.on('message', (data) => worker.onmessage?.({ data }));
  return worker as unknown as Worker;
}

/**
 * Desktop entry (package.json `main`). The client is the browser bundle's (scripts/bundle.ts loads
 * dist/browserClient.js for `./browser` rather than bundling it twice), and so is the server: dist/server.js runs
 * the browser server bundle as its own Node process, talking over the process's IPC channel (processScope.ts). It
 * ends when the client stops it or when this process goes away.
 */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  return activateWith(context, async () => {
    // In desktop VS Code the extension host's executable is Electron's, which runs a script as Node only when told
    // to; and none of the extension host's own flags (such as --inspect) are passed on.
    const server = fork(module, [], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const worker = asWorker(server);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  });
}
