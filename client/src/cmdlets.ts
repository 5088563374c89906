import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CmdletsRequest, type CmdletsResult } from '../../server/src/lsp/protocol';

export function requestCmdlets(client: BaseLanguageClient, document: vscode.TextDocument): Promise<CmdletsResult> {
  return client.sendRequest(CmdletsRequest, { uri: document.uri.toString() });
}

/** One line a problem that blocks the script, as `line:column code message`. */
export function describeBlocking(result: CmdletsResult): string[] {
  return result.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}`);
}
