import type { Connection, FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { foldingRanges } from '../core';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export function registerFolding(connection: Connection, workspace: Workspace): void {
  connection.onFoldingRanges(
    guarded(connection, 'folding ranges', [] as FoldingRange[], (params: FoldingRangeParams) => {
      const entry = workspace.get(params.textDocument.uri);
      return entry ? foldingRanges(entry.analysis.model.rootNode, entry.analysis.lines) : [];
    }),
  );
}
