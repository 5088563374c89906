import type { ClientCapabilities, Connection, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../core';
import { guarded } from './guard';
import type { ResultLimits } from './resultLimit';
import type { Workspace } from './workspace';

/** Folding ranges, at most as many as the setting allows and as the client says it takes (`foldingRange.rangeLimit`). */
export function registerFolding(connection: Connection, workspace: Workspace, limits: ResultLimits, client: { capabilities: ClientCapabilities }): void {
  connection.onFoldingRanges(
    guarded(connection, 'folding ranges', [] as FoldingRange[], (params: FoldingRangeParams) => {
      const entry = workspace.get(params.textDocument.uri);
      const limit = limits.for(params.textDocument.uri, client.capabilities.textDocument?.foldingRange?.rangeLimit);
      return entry ? foldingRanges(entry.analysis.model.rootNode, entry.analysis.lines, limit) : [];
    }),
  );
}
