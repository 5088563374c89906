import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { localDocumentation } from './documentation';
import { startServer } from './server';
import { HeaderBoundaryChunks } from './stdin';

/** Entry point: `lync-topology-server --stdio`; --node-ipc and --socket=N are read by vscode-languageserver. */
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new HeaderBoundaryChunks())), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
startServer(connection, localDocumentation());
