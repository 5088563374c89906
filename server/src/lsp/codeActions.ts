import type { ClientCapabilities, CodeAction, CodeActionParams, Command, Connection, ExecuteCommandParams, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind, ErrorCodes, LSPErrorCodes, ResponseError } from './languageServer';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentFinding, preferredFixEdits, suppressionEdit, type TextEdit } from '../core';
import { SOURCE, toLspEdit, toSpan } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/**
 * Edits for the document's current version: versioned `documentChanges` where the client takes them
 * (a client that applies them refuses an edit made for another version), `changes` where it does not.
 */
function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lspEdits = edits.map((e) => toLspEdit(document, e));
  if (versioned) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  return { changes: { [document.uri]: lspEdits } };
}

/**
 * The command a fix becomes for a client that takes no code action literals (LSP: it is answered commands only);
 * its arguments are the document's URI, the version the fix was made for, and the WorkspaceEdit.
 */
export const APPLY_FIX_COMMAND = 'lyncTopology.applyFix';

/**
 * How a client takes fixes: as code actions, as commands that the server applies through workspace/applyEdit,
 * or not at all (neither is announced).
 */
export function fixesAs(capabilities: ClientCapabilities): 'actions' | 'commands' | 'none' {
  if (capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined) return 'actions';
  return capabilities.workspace?.applyEdit === true ? 'commands' : 'none';
}

/**
 * Quick fixes and suppressions for the diagnostics the client sends, and fix-all. Each diagnostic is
 * matched to a finding of the current analysis, whose fixes are offered: the client's copy may have
 * been moved by later edits, and a fix made for an older text would damage this one.
 */
export function registerCodeActions(connection: Connection, workspace: Workspace, client: { capabilities: ClientCapabilities }): void {
  connection.onCodeAction(
    guarded(connection, 'code actions', [] as (CodeAction | Command)[], (params: CodeActionParams) => {
      const entry = workspace.get(params.textDocument.uri);
      if (!entry) return [];
      const { document, analysis } = entry;
      const versioned = client.capabilities.workspace?.workspaceEdit?.documentChanges === true;
      const only = params.context.only;
      const actions: CodeAction[] = [];
      if (wants(only, CodeActionKind.QuickFix)) {
        const matched = params.context.diagnostics
          .filter((d) => d.source === SOURCE && typeof d.code === 'string')
          .map((diagnostic) => ({ diagnostic, finding: currentFinding(analysis.diagnostics, diagnostic.code as string, toSpan(document, diagnostic.range), typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value) }))
          .filter((m) => m.finding !== undefined);
        for (const { diagnostic, finding } of matched) {
          for (const fix of finding!.fixes) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(document, fix.edits, versioned) });
          }
        }
        for (const { diagnostic, finding } of matched) {
          const suppress = suppressionEdit(analysis.model.text, analysis.lines, analysis.lines.positionAt(finding!.span.start).line, finding!.code);
          if (suppress) actions.push({ title: `Suppress ${finding!.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [suppress], versioned) });
        }
      }
      if (only && wants(only, CodeActionKind.SourceFixAll)) {
        const edits = preferredFixEdits(analysis.diagnostics);
        if (edits.length > 0) actions.push({ title: 'Fix all Lync Topology problems that have one obvious fix', kind: CodeActionKind.SourceFixAll, edit: workspaceEdit(document, edits, versioned) });
      }
      switch (fixesAs(client.capabilities)) {
        case 'actions':
          return actions;
        case 'commands':
          return actions.map((action): Command => ({ title: action.title, command: APPLY_FIX_COMMAND, arguments: [document.uri, document.version, action.edit] }));
        case 'none':
          return [];
      }
    }),
  );
  connection.onExecuteCommand(
    guarded(connection, 'apply fix', null, async (params: ExecuteCommandParams) => {
      const [uri, version, edit] = params.arguments ?? [];
      if (params.command !== APPLY_FIX_COMMAND || typeof uri !== 'string' || typeof edit !== 'object' || edit === null) {
        return new ResponseError<void>(ErrorCodes.InvalidParams, `The server runs only ${APPLY_FIX_COMMAND}, with the arguments of the command it offered.`);
      }
      // A fix is made for one version: applied to another, its ranges would land on other text.
      if (workspace.documents.get(uri)?.version !== version) {
        return new ResponseError<void>(LSPErrorCodes.ContentModified, 'The document has changed since the fix was offered: ask for the fixes again.');
      }
      const result = await connection.workspace.applyEdit({ edit: edit as WorkspaceEdit }).catch((error: unknown) => ({ applied: false, failureReason: error instanceof Error ? error.message : String(error) }));
      return result.applied ? null : new ResponseError<void>(LSPErrorCodes.RequestFailed, `The client did not apply the fix: ${result.failureReason ?? 'it gave no reason'}.`);
    }),
  );
}
