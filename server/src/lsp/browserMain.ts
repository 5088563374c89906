import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { LifecycleReader } from './lifecycle';
import { startServer } from './server';

/**
 * Entry point in a web worker (vscode.dev, github.dev): the same server, talking LSP through the
 * worker's messages. The client gives the documentation link in its initialization options.
 */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
const writer = new BrowserMessageWriter(self);
startServer(createConnection(ProposedFeatures.all, new LifecycleReader(new BrowserMessageReader(self), writer), writer));
