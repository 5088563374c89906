import type { DataCallback, Disposable, Message, MessageReader, MessageWriter, NotificationMessage, RequestMessage, ResponseMessage } from 'vscode-languageserver';
import { ErrorCodes } from './languageServer';

function isRequest(message: Message): message is RequestMessage {
  const candidate = message as RequestMessage;
  return typeof candidate.method === 'string' && (typeof candidate.id === 'number' || typeof candidate.id === 'string');
}

function isNotification(message: Message): message is NotificationMessage {
  const candidate = message as NotificationMessage & { id?: unknown };
  return typeof candidate.method === 'string' && candidate.id === undefined;
}

function hasCapabilities(params: unknown): boolean {
  const capabilities = (params as { capabilities?: unknown } | null)?.capabilities;
  return typeof capabilities === 'object' && capabilities !== null && !Array.isArray(capabilities);
}

/**
 * The connection's reader, keeping the order LSP gives a session (the specification's "Lifecycle Messages"):
 * before `initialize`, a request is answered ServerNotInitialized and a notification dropped; `initialize` comes
 * once, with the client's capabilities (else it is answered InvalidParams, and may be sent again); after
 * `shutdown`, a request is answered InvalidRequest and a notification dropped. `exit` always passes.
 * vscode-languageserver dispatches whatever it reads, whenever it reads it.
 */
export class LifecycleReader implements MessageReader {
  private initialized = false;
  private shutDown = false;

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  /** Whether `shutdown` came: the exit code at the end of the session is 0 if so, else 1. */
  get shutdownReceived(): boolean {
    return this.shutDown;
  }

  get onError() {
    return this.reader.onError;
  }

  get onClose() {
    return this.reader.onClose;
  }

  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (this.admits(message)) callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }

  private admits(message: Message): boolean {
    if (isNotification(message)) return message.method === 'exit' || (this.initialized && !this.shutDown);
    if (!isRequest(message)) return true;
    if (message.method === 'initialize' && !this.initialized) {
      // vscode-languageserver reads the capabilities before any handler runs: without them it fails half set up.
      if (!hasCapabilities(message.params)) return this.refuse(message, ErrorCodes.InvalidParams, 'initialize needs params with the client\'s capabilities, an object.');
      return (this.initialized = true);
    }
    if (!this.initialized) return this.refuse(message, ErrorCodes.ServerNotInitialized, `The server is not initialized: ${message.method} came before initialize.`);
    if (message.method === 'initialize') return this.refuse(message, ErrorCodes.InvalidRequest, 'The server is initialized already: initialize comes once.');
    if (this.shutDown) return this.refuse(message, ErrorCodes.InvalidRequest, `The server is shut down: ${message.method} came after shutdown.`);
    if (message.method === 'shutdown') this.shutDown = true;
    return true;
  }

  private refuse(request: RequestMessage, code: number, text: string): false {
    const response: ResponseMessage = { jsonrpc: '2.0', id: request.id, error: { code, message: text } };
    // A write that fails means the client has gone; the end of its input ends the server.
    this.writer.write(response).catch(() => undefined);
    return false;
  }
}
