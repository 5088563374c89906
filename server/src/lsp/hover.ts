import type { Connection, Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from './languageServer';
import { hover } from '../core';
import { toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export function registerHover(connection: Connection, workspace: Workspace): void {
  connection.onHover(
    guarded(connection, 'hover', null as Hover | null, (params: HoverParams) => {
      const entry = workspace.get(params.textDocument.uri);
      const info = entry && hover(entry.analysis, entry.document.offsetAt(params.position));
      return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(entry.document, info.span) } : null;
    }),
  );
}
