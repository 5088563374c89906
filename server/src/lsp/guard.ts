import type { CancellationToken, Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler so that no request can take the server down: a cancelled request gets the
 * fallback at once, and an exception is logged and answered with the fallback.
 */
export function guarded<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) return fallback;
    try {
      return await handler(params, token);
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
