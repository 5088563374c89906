import type { ClientCapabilities, Connection, InitializeResult, ServerCapabilities } from 'vscode-languageserver';
import { CodeActionKind, DidChangeConfigurationNotification, PositionEncodingKind, TextDocumentSyncKind } from './languageServer';
import { registerChanges } from './changes';
import { registerCmdlets } from './cmdlets';
import { APPLY_FIX_COMMAND, fixesAs, registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import { registerFolding } from './folding';
import { registerFormatting } from './formatting';
import { sendAndForget } from './guard';
import { registerHover } from './hover';
import { registerNewFile } from './newFile';
import { registerOutline } from './outline';
import { ResultLimits } from './resultLimit';
import { registerNames } from './names';
import { registerSelectionRanges } from './selectionRanges';
import { isSection } from './settings';
import { Workspace } from './workspace';

const SECTION = 'lyncTopology';

const CODE_ACTION_PROVIDER: Record<ReturnType<typeof fixesAs>, Pick<ServerCapabilities, 'codeActionProvider'>> = {
  actions: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } },
  commands: { codeActionProvider: true },
  none: {},
};

/**
 * Wires the analysis core to a connection: one handler per feature, each guarded. Diagnostic codes link
 * into `documentation` (the URL of docs/diagnostics.md), or into the one the client gives as the
 * `documentation` initialization option: a server in a web worker cannot look for the file itself.
 */
export function startServer(connection: Connection, documentation?: string): void {
  const workspace = new Workspace(connection);
  /** What the client announced it can take, for the handlers whose answers depend on it. */
  const client: { capabilities: ClientCapabilities } = { capabilities: {} };
  let refreshDiagnostics = () => {};
  let pullsConfiguration = false;
  let registersConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const fixes = fixesAs(capabilities);
    client.capabilities = capabilities;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    pullsConfiguration = capabilities.workspace?.configuration === true;
    registersConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = params.initializationOptions as Record<string, unknown> | undefined;
    workspace.updateSettings(options?.[SECTION]);
    workspace.documentation = typeof options?.documentation === 'string' ? options.documentation : documentation;
    refreshDiagnostics = registerDiagnostics(connection, workspace, pull, capabilities.workspace?.diagnostics?.refreshSupport === true);
    return {
      capabilities: {
        // Said even to a client that offers only other encodings: every client must take UTF-16, the one a
        // TextDocument counts in (LSP 3.17, "Position").
        positionEncoding: PositionEncodingKind.UTF16,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        // LSP lets a server give CodeActionOptions and RenameOptions only to a client that announces literals and
        // prepareSupport; any other gets `true` (and a client that can take no fix, no code actions).
        ...CODE_ACTION_PROVIDER[fixes],
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        ...(fixes === 'commands' ? { executeCommandProvider: { commands: [APPLY_FIX_COMMAND] } } : {}),
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'lync-topology-server' },
    };
  });

  const loadSettings = async (pushed?: unknown) => {
    try {
      const section = pullsConfiguration ? await connection.workspace.getConfiguration(SECTION) : pushed;
      workspace.updateSettings(section);
      refreshDiagnostics();
    } catch (error) {
      connection.console.error(`reading the settings failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  connection.onInitialized(() => {
    if (registersConfiguration) sendAndForget(connection, 'client/registerCapability', connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }));
    if (pullsConfiguration) void loadSettings();
  });
  connection.onDidChangeConfiguration((change: { settings?: unknown } | null) => {
    const section = isSection(change?.settings) ? change.settings[SECTION] : undefined;
    // A client that pushes its settings may push no section of ours (only other servers' sections, or null): that
    // leaves ours as they are, as the initialization options gave them. A section it pushes is the whole section.
    if (pullsConfiguration || isSection(section)) void loadSettings(section);
  });

  registerCompletion(connection, workspace, client);
  registerHover(connection, workspace, client);
  registerCodeActions(connection, workspace, client);
  const limits = new ResultLimits(connection, workspace);
  registerOutline(connection, workspace, limits);
  registerFolding(connection, workspace, limits, client);
  registerSelectionRanges(connection, workspace);
  registerNames(connection, workspace);
  registerFormatting(connection, workspace);
  registerCmdlets(connection, workspace);
  registerNewFile(connection);
  registerChanges(connection, workspace);
  connection.listen();
}
