import type { Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from './languageServer';
import { toLspDiagnostic } from './convert';
import { guarded, sendAndForget } from './guard';
import type { Workspace } from './workspace';

export function diagnosticsFor(workspace: Workspace, uri: string): Diagnostic[] | undefined {
  const entry = workspace.get(uri);
  if (!entry) return undefined;
  if (!workspace.settings.validate) return [];
  return entry.analysis.diagnostics.map((d) => toLspDiagnostic(entry.analysis.lines, d, workspace.documentation));
}

/**
 * Serves diagnostics by pull (textDocument/diagnostic) to clients that ask for them, and pushes them
 * (publishDiagnostics, with the document version) to clients that cannot pull. Returns a refresh
 * for when the settings change.
 */
export function registerDiagnostics(connection: Connection, workspace: Workspace, pull: boolean, canRefresh: boolean): () => void {
  if (pull) {
    connection.languages.diagnostics.on(
      guarded(connection, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (params) => {
        const resultId = workspace.revision(params.textDocument.uri);
        if (resultId && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsFor(workspace, params.textDocument.uri) ?? [] };
      }),
    );
    return () => {
      if (canRefresh) sendAndForget(connection, 'workspace/diagnostic/refresh', connection.languages.diagnostics.refresh());
    };
  }
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const publish = (uri: string) => {
    timers.delete(uri);
    try {
      const document = workspace.documents.get(uri);
      const diagnostics = diagnosticsFor(workspace, uri);
      if (document && diagnostics) sendAndForget(connection, 'textDocument/publishDiagnostics', connection.sendDiagnostics({ uri, version: document.version, diagnostics }));
    } catch (error) {
      connection.console.error(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  // Pushed once the changes already received are applied: changes that arrive while a slow analysis runs are
  // read before the timer fires, and make one analysis together. An edit is analyzed incrementally, so no
  // delay is waited for.
  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(publish, 0, uri));
  };
  workspace.documents.onDidChangeContent((event) => schedule(event.document.uri));
  workspace.documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    sendAndForget(connection, 'textDocument/publishDiagnostics', connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  });
  return () => {
    for (const document of workspace.documents.all()) schedule(document.uri);
  };
}
