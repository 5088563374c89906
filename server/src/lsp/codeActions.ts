import type { ClientCapabilities, CodeAction, CodeActionParams, Connection, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from './languageServer';
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
 * Quick fixes and suppressions for the diagnostics the client sends, and fix-all. Each diagnostic is
 * matched to a finding of the current analysis, whose fixes are offered: the client's copy may have
 * been moved by later edits, and a fix made for an older text would damage this one.
 */
export function registerCodeActions(connection: Connection, workspace: Workspace, client: { capabilities: ClientCapabilities }): void {
  connection.onCodeAction(
    guarded(connection, 'code actions', [] as CodeAction[], (params: CodeActionParams) => {
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
      return actions;
    }),
  );
}
