import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** Entry point: `lync-topology-server --stdio` (or --node-ipc, --socket=N, as vscode-languageserver reads them). */
startServer(createConnection(ProposedFeatures.all));
