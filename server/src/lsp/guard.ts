import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from './languageServer';

/**
 * Runs `then` on the next turn of the event loop, once the messages read so far are handled: setImmediate where
 * there is one (Node), else setTimeout, which a web worker has but which Node makes wait at least a millisecond.
 */
const nextTurn: (then: () => void) => void = (globalThis as { setImmediate?: (then: () => void) => unknown }).setImmediate ?? ((then) => setTimeout(then, 0));

const cancelled = <E>() => new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/**
 * Wraps a request handler so that no request can take the server down. The work starts on the next
 * turn of the event loop, so that a cancellation already on its way is seen; a request cancelled
 * before or during the work answers RequestCancelled. A `ResponseError` the handler returns or throws
 * is its deliberate answer and reaches the client as it is; any other exception is logged and answered
 * with `fallback`.
 */
export function guarded<P, R, E = void>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<E>> {
  return async (params, token) => {
    await new Promise<void>(nextTurn);
    if (token?.isCancellationRequested) return cancelled<E>();
    let result: R;
    try {
      result = await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<E>;
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
    return token?.isCancellationRequested ? cancelled<E>() : result;
  };
}

/**
 * Sends a message to the client without waiting for it, where a refusal must not take the server down: Node ends a
 * process on a rejected promise that nothing handles. A request the client answers with an error
 * (client/registerCapability, workspace/diagnostic/refresh) is logged; a notification that cannot be written means
 * the client has gone, and the end of standard input ends the server.
 */
export function sendAndForget(connection: Connection, what: string, sending: Promise<unknown>): void {
  sending.catch((error: unknown) => connection.console.log(`${what} was not taken: ${error instanceof Error ? error.message : String(error)}`));
}
