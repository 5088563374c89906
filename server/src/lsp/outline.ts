import type { Connection, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { SymbolKind } from './languageServer';
import { documentSymbols, type LineIndex, type OutlineSymbol, type Position } from '../core';
import { guarded } from './guard';
import type { ResultLimits } from './resultLimit';
import type { Workspace } from './workspace';

const KINDS: Record<OutlineSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  entry: SymbolKind.Object,
  setting: SymbolKind.Property,
  value: SymbolKind.String,
};

/**
 * The outline as LSP symbols. Each symbol's offsets are converted in file order (its start, its name, its
 * children, its end), so each position is found from the line of the one before rather than searched for.
 */
function toSymbols(lines: LineIndex, symbols: readonly OutlineSymbol[]): DocumentSymbol[] {
  let line = 0;
  const at = (offset: number): Position => {
    const position = lines.positionAt(offset, line);
    line = position.line;
    return position;
  };
  const convert = (symbol: OutlineSymbol): DocumentSymbol => {
    const start = at(symbol.span.start);
    const selectionRange = { start: at(symbol.selectionSpan.start), end: at(symbol.selectionSpan.end) };
    const children = symbol.children.length > 0 ? symbol.children.map(convert) : undefined;
    const converted: DocumentSymbol = { name: symbol.name || ' ', detail: symbol.detail, kind: KINDS[symbol.kind], range: { start, end: at(symbol.span.end) }, selectionRange };
    // Left out when empty: at the limit, thousands of symbols have none, and each is sent as JSON.
    if (children) converted.children = children;
    return converted;
  };
  return symbols.map(convert);
}

export function registerOutline(connection: Connection, workspace: Workspace, limits: ResultLimits): void {
  connection.onDocumentSymbol(
    guarded(connection, 'document symbols', [] as DocumentSymbol[], (params: DocumentSymbolParams) => {
      const entry = workspace.get(params.textDocument.uri);
      return entry ? toSymbols(entry.analysis.lines, documentSymbols(entry.analysis.model, limits.for(params.textDocument.uri))) : [];
    }),
  );
}
