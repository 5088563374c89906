import * as vscode from 'vscode';
import { LANGUAGE_ID } from './languageClient';
import { PREVIEW_SCHEME } from './preview';

/**
 * The topology document a command is for: the one it was given (an editor title button passes its
 * URI), else the active editor's, or the source of the active cmdlets preview.
 */
export async function topologyDocument(argument?: unknown): Promise<vscode.TextDocument | undefined> {
  if (argument instanceof vscode.Uri) return vscode.workspace.openTextDocument(argument);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  if (active?.uri.scheme === PREVIEW_SCHEME) return vscode.workspace.openTextDocument(vscode.Uri.parse(active.uri.query));
  void vscode.window.showWarningMessage('Lync Topology: open a topology file (*.lync.jsonc) first.');
  return undefined;
}

/** The file name without `.lync.jsonc` or `.lync.json`. */
export function baseName(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.replace(/\.lync\.jsonc?$/i, '').replace(/\.[^.]*$/, '') || 'cmdlets';
}
