import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

/** A language server process under measurement, talked to over stdio. */
export class MeasuredServer {
  private versions = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();
  private answerConfiguration: () => void = () => {};
  /**
   * Settles once the server has asked for its settings. A server that asks (as ours does, after
   * `initialized`) drops what it analysed before the answer; a measure that starts earlier counts that again.
   */
  readonly configured = new Promise<void>((resolve) => (this.answerConfiguration = resolve));

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
  ) {}

  static async start(command: string[], options: { initializationOptions?: unknown; settings?: unknown; pull: boolean }): Promise<MeasuredServer> {
    const child = spawn(process.execPath, [...command, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new MeasuredServer(connection, child);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const waiter = server.waiting.get(params.uri);
      // A server that sends versions must answer the latest one; the JSON server sends none.
      if (waiter && (params.version === undefined || params.version === server.versions.get(params.uri))) {
        server.waiting.delete(params.uri);
        waiter();
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      server.answerConfiguration();
      return params.items.map((item) => (item.section ? (options.settings as Record<string, unknown> | undefined)?.[item.section] ?? null : options.settings ?? null));
    });
    // The JSON server asks its client for schemas it does not fetch itself.
    connection.onRequest('vscode/content', (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } }),
          completion: { completionItem: { snippetSupport: true } },
        },
        workspace: { configuration: true },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    if (options.settings) await connection.sendNotification('workspace/didChangeConfiguration', { settings: options.settings });
    return server;
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one change; returns the new version. */
  change(uri: string, change: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  /** Resolves at the next diagnostics pushed for the document's latest version. */
  nextPublish(uri: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(uri, resolve));
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The process's peak resident memory so far (VmHWM), in MB. */
  peakResidentMB(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  }

  async pull(uri: string): Promise<number> {
    const report = (await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items?: unknown[] };
    return report.items?.length ?? -1;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
