import type { Connection, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { selectionSpans } from '../core';
import { toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export function registerSelectionRanges(connection: Connection, workspace: Workspace): void {
  connection.onSelectionRanges(
    guarded(connection, 'selection ranges', [] as SelectionRange[], (params: SelectionRangeParams) => {
      const entry = workspace.get(params.textDocument.uri);
      if (!entry) return [];
      const { document, analysis } = entry;
      return params.positions.map((position) => {
        let range: SelectionRange | undefined;
        for (const span of selectionSpans(analysis.model.rootNode, document.offsetAt(position)).reverse()) {
          range = { range: toRange(document, span), parent: range };
        }
        return range ?? { range: { start: position, end: position } };
      });
    }),
  );
}
