import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic } from 'vscode-languageserver';
import { preferredFixEdits, SUPPRESSION_MARKER } from '../core';
import { SOURCE, toLspEdit, type FixData } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

function fixData(diagnostic: Diagnostic): FixData['fixes'] {
  const data = diagnostic.data as Partial<FixData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function registerCodeActions(connection: Connection, workspace: Workspace): void {
  connection.onCodeAction(
    guarded(connection, 'code actions', [] as CodeAction[], (params: CodeActionParams) => {
      const entry = workspace.get(params.textDocument.uri);
      if (!entry) return [];
      const { document, analysis } = entry;
      const uri = params.textDocument.uri;
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
      if (wants(only, CodeActionKind.QuickFix)) {
        for (const diagnostic of ours) {
          for (const fix of fixData(diagnostic)) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [uri]: [...fix.edits] } } });
          }
        }
        for (const diagnostic of ours) {
          const line = diagnostic.range.start.line;
          const indent = /^[ \t]*/.exec(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
          actions.push({
            title: `Suppress ${diagnostic.code} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// ${SUPPRESSION_MARKER} ${diagnostic.code}\n` }] } },
          });
        }
      }
      if (only && wants(only, CodeActionKind.SourceFixAll)) {
        const edits = preferredFixEdits(analysis.diagnostics);
        if (edits.length > 0) {
          actions.push({ title: 'Fix all Lync Topology problems that have one obvious fix', kind: CodeActionKind.SourceFixAll, edit: { changes: { [uri]: edits.map((e) => toLspEdit(document, e)) } } });
        }
      }
      return actions;
    }),
  );
}
