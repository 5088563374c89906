import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageclient/browser';
import { activateWith } from './extension';

// The desktop entry (node.ts) runs this same bundle and adds only the way to a Node server.
export { activateWith, deactivate } from './extension';
export { BrowserMessageReader, BrowserMessageWriter };

/**
 * The server bundle in a web worker. The web extension host refuses `new Worker` for an extension
 * installed on a remote server (a vscode-remote: URL: code-server, Codespaces), but its `fetch` reads
 * an extension's files wherever they are (https on vscode.dev), so the worker runs a copy of the script.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`the language server (${script.toString(true)}) could not be loaded: HTTP ${response.status}`);
  const source = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  return new Worker(source, { name: 'Lync Topology language server' });
}

/** Browser entry (package.json `browser`: vscode.dev, github.dev): the bundled language server runs in a web worker. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  return activateWith(context, async () => {
    const worker = await startServerWorker(script);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  });
}
