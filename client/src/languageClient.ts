import * as vscode from 'vscode';
import { BaseLanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient';

export const LANGUAGE_ID = 'lync-topology';

/** Opens a new connection to the language server: on the desktop a Node process, in the browser a web worker. */
export type ServerConnector = () => Promise<MessageTransports>;

/**
 * The language client of both the desktop and the browser: one class, so that the desktop entry can
 * reuse the browser bundle and the extension ships it once. It connects again (a new server) when
 * the server stops unasked, as vscode-languageclient does for any client.
 */
export class TopologyLanguageClient extends BaseLanguageClient {
  constructor(
    private readonly connect: ServerConnector,
    options: LanguageClientOptions,
  ) {
    super('lyncTopology', 'Lync Topology', options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    return this.connect();
  }
}

/**
 * The documents the server is for, the output channel (whose trace follows
 * `lyncTopology.trace.server`), and where this installed extension's docs/diagnostics.md is, for the
 * links of diagnostic codes.
 */
export function clientOptions(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    initializationOptions: { documentation: vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md').toString() },
  };
}
