/**
 * The worker scope the browser server (browserMain.ts) talks through, made for a Node process forked with an IPC
 * channel: the desktop extension runs the same server bundle as the browser, as its own process. What the client
 * sends arrives as `message` events; what the server posts is sent back. The process ends at the protocol's `exit`
 * notification (with code 1 when no `shutdown` came first, as LSP asks) or when its parent goes away.
 */
interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
}

function methodOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { method?: unknown }).method : undefined;
}

let shutDown = false;
const scope: WorkerScope = {
  onmessage: null,
  postMessage: (message) => process.send?.(message),
  addEventListener: (type, listener) => {
    if (type === 'error') process.on('uncaughtException', listener);
  },
};
process.on('message', (data) => {
  scope.onmessage?.({ data });
  if (methodOf(data) === 'shutdown') shutDown = true;
  if (methodOf(data) === 'exit') process.exit(shutDown ? 0 : 1);
});
process.on('disconnect', () => process.exit(shutDown ? 0 : 1));
(globalThis as { self?: WorkerScope }).self = scope;
