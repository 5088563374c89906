import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ImportRequest, PlanRequest, type ImportFile, type ImportSource, type PlanResult } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './languageClient';
import { baseName, topologyDocument } from './source';

export const PLAN_SCHEME = 'lync-topology-plan';

/** How long the plan preview waits after a keystroke before it asks for the plan again. */
const THROTTLE_MS = 150;

/** Bytes as base64 (RFC 4648), in runs short enough to pass to String.fromCharCode as arguments. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file of Management Shell output, sent as its bytes: the server decodes it as the command line does (UTF-16 or UTF-8). */
async function shellOutputFile(file: vscode.Uri): Promise<ImportFile> {
  return { name: file.path.replace(/^.*\//, ''), base64: base64(await vscode.workspace.fs.readFile(file)) };
}

/** The Management Shell output to import: the selection, the clipboard, or a file the user picks. */
async function shellOutput(): Promise<ImportSource | ImportFile | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
  const choices = [
    ...(selection ? [{ label: 'Selection', description: 'the text selected in the editor' }] : []),
    { label: 'Clipboard', description: 'what you copied from the Management Shell' },
    { label: 'File...', description: 'a saved transcript or an Export-Csv file' },
  ];
  const choice = await vscode.window.showQuickPick(choices, { title: 'Import from Management Shell Output', placeHolder: 'Where is the Get-Cs* output?' });
  if (choice?.label === 'Selection') return { name: `the selection in ${editor!.document.uri.path.replace(/^.*\//, '')}`, text: selection! };
  if (choice?.label === 'Clipboard') return { name: 'the clipboard', text: await vscode.env.clipboard.readText() };
  if (choice?.label !== 'File...') return undefined;
  const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Management Shell output to import' })) ?? [];
  return file && shellOutputFile(file);
}

/**
 * Imports Management Shell output into a new untitled topology file; the server does the reading. `given` (from
 * another extension or a test) is the output's text, or a file's URI; without it the user picks.
 */
async function importOutput(client: BaseLanguageClient, given?: unknown): Promise<vscode.TextEditor | undefined> {
  const source =
    typeof given === 'string' ? { name: 'the command argument', text: given } : given instanceof vscode.Uri ? await shellOutputFile(given) : await shellOutput();
  if (!source) return undefined;
  const result = await client.sendRequest(ImportRequest, { sources: [source] });
  if (result.text === null) {
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more problems)` : '';
    void vscode.window.showErrorMessage(`Lync Topology: nothing was imported from ${source.name}. Line ${first?.line}: ${first?.message}${more}`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
  return vscode.window.showTextDocument(document);
}

/** The deployed file a plan starts from: one the user picks, or the topology file as committed at git HEAD. */
async function deployedSource(document: vscode.TextDocument, given?: unknown): Promise<ImportSource | undefined> {
  const pick = given instanceof vscode.Uri ? given : undefined;
  const choice = pick
    ? undefined
    : await vscode.window.showQuickPick(
        [
          { label: 'A deployed topology file...', description: 'for example one made by Import from Management Shell Output' },
          { label: 'The file at git HEAD', description: 'what was last committed' },
        ],
        { title: 'Preview Changes Against...', placeHolder: 'What does the deployment look like now?' },
      );
  if (choice?.label === 'The file at git HEAD') return headVersion(document);
  const [file] = pick ? [pick] : ((await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Topology files': ['jsonc', 'json'] }, title: 'The deployed topology file' })) ?? []);
  return file && { name: file.path.replace(/^.*\//, ''), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) };
}

interface GitApi {
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
}

/** The document's content at HEAD, through VS Code's built-in Git extension. */
async function headVersion(document: vscode.TextDocument): Promise<ImportSource | undefined> {
  const git = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  const repository = git && (git.isActive ? git.exports : await git.activate()).getAPI(1).getRepository(document.uri);
  if (!repository) {
    void vscode.window.showErrorMessage(`Lync Topology: ${baseName(document.uri)} is not in a git repository VS Code knows.`);
    return undefined;
  }
  try {
    return { name: `${document.uri.path.replace(/^.*\//, '')} at HEAD`, text: await repository.show('HEAD', document.uri.fsPath) };
  } catch (error) {
    void vscode.window.showErrorMessage(`Lync Topology: no committed version of ${baseName(document.uri)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * A read-only PowerShell document with the plan from a deployed file to a topology file, updated as the
 * topology file changes. The deployed text is kept per preview, read once when the preview is opened.
 */
export class PlanPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly deployed = new Map<string, ImportSource>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((event) => this.sourceChanged(event.document)),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const deployed = this.deployed.get(uri.toString());
    if (!deployed) return '# The deployed file of this preview is no longer known: run Preview Changes Against... again.\n';
    try {
      const result: PlanResult = await this.client.sendRequest(PlanRequest, { uri: uri.query, deployed });
      if (result.script !== null) return result.script;
      const listed = (diagnostics: PlanResult['diagnostics']) => diagnostics.map((d) => `#   ${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`);
      const [problems, deployedProblems] = [listed(result.diagnostics), listed(result.deployedDiagnostics)];
      const count = (n: number) => (n === 1 ? 'a problem' : `${n} problems`);
      return [
        ...(problems.length > 0 ? [`# The file has ${count(problems.length)} to fix before a plan:`, ...problems] : []),
        ...(deployedProblems.length > 0 ? [`# ${deployed.name} has ${count(deployedProblems.length)} that keep it from being planned from:`, ...deployedProblems] : []),
        '',
      ].join('\n');
    } catch (error) {
      return `# The plan could not be made: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }

  async show(document: vscode.TextDocument, deployed: ImportSource): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${baseName(document.uri)} changes.ps1`, query: document.uri.toString() });
    this.deployed.set(uri.toString(), deployed);
    this.changed.fire(uri);
    const preview = await vscode.workspace.openTextDocument(uri);
    const colored = preview.languageId === 'powershell' ? preview : await vscode.languages.setTextDocumentLanguage(preview, 'powershell');
    return vscode.window.showTextDocument(colored, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
  }

  private sourceChanged(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID) return;
    for (const key of this.deployed.keys()) {
      const uri = vscode.Uri.parse(key);
      if (uri.query !== document.uri.toString() || this.timers.has(key)) continue;
      this.timers.set(key, setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(uri);
      }, THROTTLE_MS));
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

export function registerChangeCommands(client: BaseLanguageClient, preview: PlanPreview): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('lyncTopology.importShellOutput', (text?: unknown) => importOutput(client, text)),
    vscode.commands.registerCommand('lyncTopology.previewChanges', async (argument?: unknown, deployedFile?: unknown) => {
      const document = await topologyDocument(argument);
      const deployed = document && (await deployedSource(document, deployedFile));
      return document && deployed && preview.show(document, deployed);
    }),
  ];
}
