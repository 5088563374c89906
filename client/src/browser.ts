import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter } from 'vscode-languageclient/browser';
import { activateWith } from './extension';

// The desktop entry (node.ts) runs this same bundle and adds only the way to a Node server.
export { activateWith, deactivate } from './extension';

/** Browser entry (package.json `browser`: vscode.dev, github.dev): the bundled language server runs in a web worker. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  return activateWith(context, async () => {
    const worker = new Worker(server.toString(true), { name: 'Lync Topology language server' });
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  });
}
