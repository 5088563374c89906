import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { describeBlocking, requestCmdlets } from './cmdlets';
import { LANGUAGE_ID } from './languageClient';
import { baseName } from './source';

export const PREVIEW_SCHEME = 'lync-topology-cmdlets';

/** How long the preview waits after a keystroke before it asks for the cmdlets again. */
const THROTTLE_MS = 150;

/**
 * A read-only PowerShell document beside the topology file, showing the cmdlets the server generates
 * (or what keeps it from generating them), updated as the user types and following the active
 * topology editor.
 */
export class CmdletsPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((event) => this.sourceChanged(event.document)),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor)),
    ];
  }

  static uriFor(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${baseName(source)}.ps1`, query: source.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.query) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri.query)));
    try {
      const result = await requestCmdlets(this.client, source);
      if (result.script !== null) return result.script;
      const problems = describeBlocking(result);
      return [`# ${baseName(source.uri)} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix before it gives cmdlets:`, ...problems.map((p) => `#   ${p}`), ''].join('\n');
    } catch (error) {
      return `# The cmdlets could not be generated: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }

  /** The preview document of a topology file, in the PowerShell language so that VS Code colours it. */
  private async previewOf(source: vscode.Uri): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(CmdletsPreview.uriFor(source));
    return document.languageId === 'powershell' ? document : vscode.languages.setTextDocumentLanguage(document, 'powershell');
  }

  async show(source: vscode.TextDocument, toSide: boolean): Promise<vscode.TextEditor> {
    const document = await this.previewOf(source.uri);
    return vscode.window.showTextDocument(document, { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide, preview: true });
  }

  private previewEditors(): readonly vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === PREVIEW_SCHEME);
  }

  private sourceChanged(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID) return;
    const preview = CmdletsPreview.uriFor(document.uri);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === preview.toString())) return;
    const key = preview.toString();
    if (this.timers.has(key)) return;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.changed.fire(preview);
    }, THROTTLE_MS));
  }

  /** When another topology file becomes active, a visible preview switches to it. */
  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    if (editor?.document.languageId !== LANGUAGE_ID) return;
    const [preview] = this.previewEditors();
    if (!preview || preview.document.uri.query === editor.document.uri.toString()) return;
    const document = await this.previewOf(editor.document.uri);
    await vscode.window.showTextDocument(document, { viewColumn: preview.viewColumn, preserveFocus: true, preview: true });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
