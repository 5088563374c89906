import type { ClientCapabilities, CompletionItem, CompletionParams, Connection } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, InsertTextMode } from './languageServer';
import { complete, snippetToPlainText, type CompletionEntry } from '../core';
import { toLspEdit, toMarkup, toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
};

/**
 * Completion items as the client can take them: snippets where it supports them, else plain text with
 * every default filled in. A multi-line text comes laid out in the document's indentation already, so
 * it is marked to be inserted as it is (`insertTextMode: asIs`), not indented a second time.
 */
export function registerCompletion(connection: Connection, workspace: Workspace, client: { capabilities: ClientCapabilities }): void {
  connection.onCompletion(
    guarded(connection, 'completion', [] as CompletionItem[], (params: CompletionParams) => {
      const entry = workspace.get(params.textDocument.uri);
      if (!entry) return [];
      const { document, analysis } = entry;
      const snippets = client.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      const formats = client.capabilities.textDocument?.completion?.completionItem?.documentationFormat;
      return complete(analysis, document.offsetAt(params.position)).map((item): CompletionItem => {
        const newText = snippets ? item.insertText : snippetToPlainText(item.insertText);
        return {
          label: item.label,
          kind: KINDS[item.kind],
          detail: item.detail,
          documentation: toMarkup(item.documentation, formats),
          filterText: item.filterText,
          sortText: item.sortText,
          insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          ...(/[\r\n]/.test(newText) ? { insertTextMode: InsertTextMode.asIs } : {}),
          textEdit: { range: toRange(document, item.span), newText },
          ...(item.additionalEdits.length > 0 ? { additionalTextEdits: item.additionalEdits.map((e) => toLspEdit(document, e)) } : {}),
        };
      });
    }),
  );
}
