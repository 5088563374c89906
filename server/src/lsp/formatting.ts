import type { Connection, DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../core';
import { toLspEdit, toSpan } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export function registerFormatting(connection: Connection, workspace: Workspace): void {
  const run = (params: DocumentFormattingParams | DocumentRangeFormattingParams): TextEdit[] => {
    const entry = workspace.get(params.textDocument.uri);
    if (!entry) return [];
    const { document, analysis } = entry;
    const span = 'range' in params ? toSpan(document, params.range) : undefined;
    const { tabSize, insertSpaces, insertFinalNewline, trimFinalNewlines, trimTrailingWhitespace } = params.options;
    const options = { tabSize, insertSpaces, insertFinalNewline, trimFinalNewlines, trimTrailingWhitespace };
    return formatEdits(document.getText(), span, options, workspace.settings.analysis, analysis).map((edit) => toLspEdit(document, edit));
  };
  connection.onDocumentFormatting(guarded(connection, 'formatting', [] as TextEdit[], run));
  connection.onDocumentRangeFormatting(guarded(connection, 'range formatting', [] as TextEdit[], run));
}
