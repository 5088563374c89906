import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXCHANGE_UM_MODES, NewFileRequest, type NewFileParams } from '../../server/src/lsp/protocol';
import { describeBlocking, requestCmdlets } from './cmdlets';
import { LANGUAGE_ID } from './languageClient';
import type { CmdletsPreview } from './preview';
import { baseName, topologyDocument } from './source';

/** Windows PowerShell reads a script without a byte order mark in the ANSI code page. */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The script, or undefined after telling the user why there is none. */
async function scriptOf(client: BaseLanguageClient, document: vscode.TextDocument, action: string): Promise<string | undefined> {
  const result = await requestCmdlets(client, document);
  if (result.script !== null) return result.script;
  const problems = describeBlocking(result);
  // Not awaited: the command returns while the message waits for the user.
  void vscode.window
    .showErrorMessage(
      `Lync Topology: ${baseName(document.uri)} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix first; the cmdlets were not ${action}. ${problems[0] ?? ''}`,
      'Show Problems',
    )
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return undefined;
}

/** A file as the user knows it: relative to the workspace where it is inside it (on vscode.dev and github.dev too, where it is no local path). */
function shown(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the script where the user chooses in the save dialog (which asks before replacing a file).
 * A target passed by another extension is used only when no file is there yet.
 */
async function saveAs(client: BaseLanguageClient, argument?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const document = await topologyDocument(argument);
  const script = document && (await scriptOf(client, document, 'saved'));
  if (!document || script === undefined) return undefined;
  let destination: vscode.Uri | undefined;
  if (target instanceof vscode.Uri) {
    if (await exists(target)) {
      void vscode.window.showErrorMessage(`Lync Topology: ${shown(target)} already exists; it was not replaced.`);
      return undefined;
    }
    destination = target;
  } else {
    const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
    destination = await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, `${baseName(document.uri)}.ps1`),
      filters: { 'PowerShell scripts': ['ps1'] },
      saveLabel: 'Save Cmdlets',
      title: 'Save Cmdlets As',
    });
  }
  if (!destination) return undefined;
  const body = new TextEncoder().encode(script.replace(/\r?\n/g, '\r\n'));
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  await vscode.workspace.fs.writeFile(destination, bytes);
  void vscode.window.showInformationMessage(`Lync Topology: cmdlets saved to ${shown(destination)}.`);
  return destination;
}

const MODE_DESCRIPTIONS: Record<NewFileParams['mode'], string> = {
  OnPremises: 'Exchange UM on your own Exchange servers',
  CrossPremises: 'Exchange UM hosted by a provider such as Exchange Online',
  Mixed: 'Some mailboxes on premises, some hosted',
};

async function newFile(client: BaseLanguageClient, mode?: unknown): Promise<vscode.TextEditor | undefined> {
  const chosen =
    EXCHANGE_UM_MODES.find((m) => m === mode) ??
    (await vscode.window.showQuickPick(
      EXCHANGE_UM_MODES.map((m) => ({ label: m, description: MODE_DESCRIPTIONS[m] })),
      { title: 'New Topology File', placeHolder: 'Where does Exchange Unified Messaging run?' },
    ))?.label;
  if (!chosen) return undefined;
  const content = await client.sendRequest(NewFileRequest, { mode: chosen as NewFileParams['mode'] });
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(document);
}

export function registerCommands(client: BaseLanguageClient, preview: CmdletsPreview): vscode.Disposable[] {
  const previewIn = (toSide: boolean) => async (argument?: unknown) => {
    const document = await topologyDocument(argument);
    return document && preview.show(document, toSide);
  };
  return [
    vscode.commands.registerCommand('lyncTopology.previewCmdlets', previewIn(false)),
    vscode.commands.registerCommand('lyncTopology.previewCmdletsToSide', previewIn(true)),
    vscode.commands.registerCommand('lyncTopology.copyCmdlets', async (argument?: unknown) => {
      const document = await topologyDocument(argument);
      const script = document && (await scriptOf(client, document, 'copied'));
      if (script === undefined) return false;
      try {
        await vscode.env.clipboard.writeText(script);
      } catch (error) {
        // A browser may refuse the clipboard (a page without focus or permission): say so, and what still works.
        void vscode.window.showErrorMessage(`Lync Topology: the cmdlets could not be copied (${error instanceof Error ? error.message : String(error)}). Save Cmdlets As and the preview still give them.`);
        return false;
      }
      void vscode.window.showInformationMessage('Lync Topology: cmdlets copied to the clipboard.');
      return true;
    }),
    vscode.commands.registerCommand('lyncTopology.saveCmdletsAs', (argument?: unknown, target?: unknown) => saveAs(client, argument, target)),
    vscode.commands.registerCommand('lyncTopology.newTopologyFile', (mode?: unknown) => newFile(client, mode)),
  ];
}
