import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type InitializeResult,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { REPO } from '../helpers';

/** Waits until `probe` returns something other than undefined, polling, or fails at the deadline. */
export async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface ClientOptions {
  /** Working folder and environment of the server process. */
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Announce pull diagnostics (textDocument/diagnostic) support; otherwise the server pushes. */
  readonly pull: boolean;
  /** What the client answers to workspace/configuration for `lyncTopology`. */
  readonly settings?: Record<string, unknown>;
  /** Announce snippet support in completion items (default: yes). */
  readonly snippetSupport?: boolean;
  /** Announce versioned `documentChanges` in workspace edits (default: no). */
  readonly documentChanges?: boolean;
  /** Announce workspace/configuration, which the server then pulls the settings through (default: yes). */
  readonly configuration?: boolean;
  /** The `initializationOptions` of the initialize request. */
  readonly initializationOptions?: unknown;
  /** Sent as the client's capabilities instead of those VS Code announces, which the other options shape. */
  readonly capabilities?: ClientCapabilities;
  /** Announce a cap on folding ranges (`foldingRange.rangeLimit`), as VS Code does; none by default. */
  readonly foldingRangeLimit?: number;
}

/** A JSON-RPC message as it goes over stdio: the header, then the body. */
export function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The built server as its own process over stdio, and a connection to it that has sent nothing yet. */
export function launchServer(options: Pick<ClientOptions, 'cwd' | 'env'> = {}): { child: ChildProcess; connection: ProtocolConnection } {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'lync-topology-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], cwd: options.cwd, env: options.env });
  const reader = new StreamMessageReader(child.stdout!);
  // A server killed in the middle of a message leaves it partial, and vscode-jsonrpc's reader then sets its timer
  // for partial messages again and again, disposed or not, which kept the test process alive for good.
  reader.partialMessageTimeout = 0;
  return { child, connection: createProtocolConnection(reader, new StreamMessageWriter(child.stdin!)) };
}

/** The exit code of a child process once it has ended, or a failure at the deadline. */
export function exitCode(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not exit')), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** A language client that talks to the built server over stdio, as an editor would. */
export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logged: string[] = [];
  /** The messages the server asked to show (`window/showMessage`). */
  readonly shown: string[] = [];
  /** How often the server asked to pull diagnostics again: once it has read the settings, then on each change of them. */
  refreshes = 0;
  /** What the server answered to initialize. */
  initializeResult: InitializeResult | undefined;
  /** The edits the server asked the client to apply (`workspace/applyEdit`), each applied to the client's documents. */
  readonly applied: ApplyWorkspaceEditParams[] = [];
  private readonly documents = new Map<string, TextDocument>();
  settings: Record<string, unknown>;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly process: ChildProcess,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const { child, connection } = launchServer(options);
    const client = new TestClient(connection, child, options);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.set(params.uri, params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logged.push(params.message);
    });
    connection.onNotification('window/showMessage', (params: { message: string }) => {
      client.shown.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section === 'lyncTopology' ? client.settings : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      client.applied.push(params);
      for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) client.change(uri, edits);
      return { applied: true };
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      return null;
    });
    connection.listen();
    const capabilities: ClientCapabilities = options.capabilities ?? {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } }),
        completion: { completionItem: { snippetSupport: options.snippetSupport ?? true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...(options.foldingRangeLimit === undefined ? {} : { foldingRange: { rangeLimit: options.foldingRangeLimit } }),
      },
      workspace: {
        applyEdit: true,
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: options.documentChanges ?? false },
      },
    };
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions: options.initializationOptions });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens a document; with `prefix`, those raw bytes go first, in the same write as the didOpen message. */
  open(uri: string, text: string, prefix?: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'lync-topology', 1, text));
    const params = { textDocument: { uri, languageId: 'lync-topology', version: 1, text } };
    if (prefix === undefined) {
      void this.connection.sendNotification('textDocument/didOpen', params);
      return;
    }
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params });
    this.raw(`${prefix}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  /** Sends an incremental change: replace `search` (first occurrence) with `replacement`. */
  edit(uri: string, search: string, replacement: string): number {
    const document = this.documents.get(uri)!;
    const offset = document.getText().indexOf(search);
    if (offset < 0) throw new Error(`${search} not in ${uri}`);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
    return this.change(uri, [{ range, newText: replacement }]);
  }

  change(uri: string, edits: TextEdit[]): number {
    const document = this.documents.get(uri)!;
    const version = document.version + 1;
    const updated = TextDocument.create(uri, 'lync-topology', version, TextDocument.applyEdits(document, edits));
    this.documents.set(uri, updated);
    // Content changes apply one after another, while a WorkspaceEdit's ranges all refer to the text
    // before it: sent from the last to the first, each range is still right when it applies.
    const ordered = edits
      .map((edit, index) => ({ edit, index, offset: document.offsetAt(edit.range.start) }))
      .sort((a, b) => b.offset - a.offset || b.index - a.index);
    const contentChanges = ordered.map(({ edit }) => ({ range: edit.range, text: edit.newText }));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  document(uri: string): TextDocument {
    return this.documents.get(uri)!;
  }

  /** The position of the `n`th occurrence of `search` in the document, plus `delta` characters. */
  positionOf(uri: string, search: string, delta = 0, n = 0): { line: number; character: number } {
    const text = this.text(uri);
    let offset = -1;
    for (let i = 0; i <= n; i++) offset = text.indexOf(search, offset + 1);
    if (offset < 0) throw new Error(`${search} not in ${uri}`);
    return this.document(uri).positionAt(offset + delta);
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    return (report as { items: Diagnostic[] }).items;
  }

  /** The server's fix-all action (`source.fixAll`) for `uri`, if it has one. */
  async fixAll(uri: string): Promise<CodeAction | undefined> {
    const [action] = (await this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    return action;
  }

  /** The pushed diagnostics of `uri` once they belong to `version`. */
  pushed(uri: string, version: number): Promise<Diagnostic[]> {
    return eventually(() => {
      const params = this.published.get(uri);
      return params && params.version === version ? params.diagnostics : undefined;
    }, `diagnostics of ${uri} version ${version}`);
  }

  /** Writes bytes straight to the server's standard input, bypassing the protocol. */
  raw(text: string): void {
    this.process.stdin!.write(text);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), edits);
}
