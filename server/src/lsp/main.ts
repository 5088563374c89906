import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { localDocumentation } from './documentation';
import { LifecycleReader } from './lifecycle';
import { startServer } from './server';
import { HeaderBoundaryChunks } from './stdin';

/**
 * Entry point: `lync-topology-server --stdio` or `--node-ipc`; --socket=N is read by vscode-languageserver. The end
 * of the client's channel (standard input, or the IPC channel) ends the server, as `exit` would (code 1 unless
 * `shutdown` came first): a client that dies takes it with it, while vscode-languageserver only watches a reader it
 * made itself, and its watch of the client's process id misses a client whose process lives on.
 */
function stdioConnection() {
  const input = process.stdin.pipe(new HeaderBoundaryChunks());
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new LifecycleReader(new StreamMessageReader(input), writer);
  input.on('end', () => process.exit(reader.shutdownReceived ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, writer);
}

function ipcConnection() {
  const writer = new IPCMessageWriter(process);
  const reader = new LifecycleReader(new IPCMessageReader(process), writer);
  process.on('disconnect', () => process.exit(reader.shutdownReceived ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, writer);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : process.argv.includes('--node-ipc') ? ipcConnection() : createConnection(ProposedFeatures.all);
startServer(connection, localDocumentation());
