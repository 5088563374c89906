import { createScanner, format, ScanError, SyntaxKind } from 'jsonc-parser';
import type { TextEdit } from './diagnostics';
import type { Span } from './text';

export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** A string left open ends at the line break: moving that line break would change what the text says. */
function hasUnclosedString(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (scanner.getTokenError() === ScanError.UnexpectedEndOfString) return true;
  }
  return false;
}

/**
 * Edits that re-indent the document, or the part of it in `span`; comments are kept, only white
 * space changes. A document with a string left open is left alone.
 */
export function formatEdits(text: string, span: Span | undefined, options: FormatOptions): TextEdit[] {
  if (hasUnclosedString(text)) return [];
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const range = span && { offset: span.start, length: span.end - span.start };
  return format(text, range, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, keepLines: false }).map((edit) => ({
    span: { start: edit.offset, end: edit.offset + edit.length },
    newText: edit.content,
  }));
}
