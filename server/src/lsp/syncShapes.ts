import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * Checks of what a didOpen or didChange notification carries, made before the document is touched. A notification
 * cannot be answered: what does not have LSP's shape is thrown, and vscode-languageserver logs the message in one
 * line and drops the notification, where a text of the wrong type would have been kept and failed each later request.
 */

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && Number.isInteger(position.character);
}

function isChange(value: unknown): value is TextDocumentContentChangeEvent {
  const change = value as { range?: { start?: unknown; end?: unknown } | null; text?: unknown } | null;
  if (typeof change !== 'object' || change === null || typeof change.text !== 'string') return false;
  return !('range' in change) || (typeof change.range === 'object' && change.range !== null && isPosition(change.range.start) && isPosition(change.range.end));
}

/** Throws unless a document opened has a string URI, language id and text, and an integer version. */
export function checkOpened(uri: unknown, languageId: unknown, version: unknown, text: unknown): void {
  if (typeof uri !== 'string' || typeof languageId !== 'string' || !Number.isInteger(version) || typeof text !== 'string') {
    throw new Error('textDocument/didOpen ignored: textDocument must hold a uri, a languageId and a text as strings, and an integer version.');
  }
}

/** Throws unless a change has an integer version and a list of changes, each a text with or without a range. */
export function checkChanges(changes: unknown, version: unknown): void {
  if (!Number.isInteger(version)) throw new Error('textDocument/didChange ignored: textDocument.version must be an integer.');
  if (!Array.isArray(changes) || !changes.every(isChange)) {
    throw new Error('textDocument/didChange ignored: contentChanges must be a list of { text } or { range, text }, a range holding integer lines and characters.');
  }
}
