import type { Connection, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from './languageServer';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, type OutlineSymbol } from '../core';
import { toRange } from './convert';
import { guarded } from './guard';
import type { ResultLimits } from './resultLimit';
import type { Workspace } from './workspace';

const KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  entry: SymbolKind.Object,
  setting: SymbolKind.Property,
  value: SymbolKind.String,
};

function toSymbol(document: TextDocument, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    detail: symbol.detail,
    kind: KINDS[symbol.kind],
    range: toRange(document, symbol.span),
    selectionRange: toRange(document, symbol.selectionSpan),
    // Left out when empty: at the limit, thousands of symbols have none, and each is sent as JSON.
    ...(symbol.children.length > 0 ? { children: symbol.children.map((child) => toSymbol(document, child)) } : {}),
  };
}

export function registerOutline(connection: Connection, workspace: Workspace, limits: ResultLimits): void {
  connection.onDocumentSymbol(
    guarded(connection, 'document symbols', [] as DocumentSymbol[], (params: DocumentSymbolParams) => {
      const entry = workspace.get(params.textDocument.uri);
      return entry ? documentSymbols(entry.analysis.model, limits.for(params.textDocument.uri)).map((s) => toSymbol(entry.document, s)) : [];
    }),
  );
}
