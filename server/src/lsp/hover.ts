import type { ClientCapabilities, Connection, Hover, HoverParams } from 'vscode-languageserver';
import { hover } from '../core';
import { toMarkup, toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export function registerHover(connection: Connection, workspace: Workspace, client: { capabilities: ClientCapabilities }): void {
  connection.onHover(
    guarded(connection, 'hover', null as Hover | null, (params: HoverParams) => {
      const entry = workspace.get(params.textDocument.uri);
      const info = entry && hover(entry.analysis, entry.document.offsetAt(params.position));
      return info ? { contents: toMarkup(info.markdown, client.capabilities.textDocument?.hover?.contentFormat), range: toRange(entry.document, info.span) } : null;
    }),
  );
}
