import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { localDocumentation } from './documentation';
import { LifecycleReader } from './lifecycle';
import { startServer } from './server';
import { HeaderBoundaryChunks } from './stdin';

/**
 * Entry point: `lync-topology-server --stdio`; --node-ipc and --socket=N are read by vscode-languageserver. Over
 * stdio, the end of standard input ends the server, as `exit` would (code 1 unless `shutdown` came first): a
 * client that dies takes the pipe with it, while vscode-languageserver only watches a reader it made itself, and
 * its watch of the client's process id misses a client whose process lives on.
 */
function stdioConnection() {
  const input = process.stdin.pipe(new HeaderBoundaryChunks());
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new LifecycleReader(new StreamMessageReader(input), writer);
  input.on('end', () => process.exit(reader.shutdownReceived ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, writer);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
startServer(connection, localDocumentation());
