import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams, type Connection } from 'vscode-languageserver';
import { complete, type CompletionEntry } from '../core';
import { toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

export function registerCompletion(connection: Connection, workspace: Workspace): void {
  connection.onCompletion(
    guarded(connection, 'completion', [] as CompletionItem[], (params: CompletionParams) => {
      const entry = workspace.get(params.textDocument.uri);
      if (!entry) return [];
      const { document, analysis } = entry;
      return complete(analysis, document.offsetAt(params.position)).map((item) => ({
        label: item.label,
        kind: KINDS[item.kind],
        detail: item.detail,
        documentation: { kind: MarkupKind.Markdown, value: item.documentation },
        filterText: item.filterText,
        sortText: item.sortText,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: toRange(document, item.span), newText: item.insertText },
      }));
    }),
  );
}
