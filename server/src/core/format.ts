import { format } from 'jsonc-parser';
import type { TextEdit } from './diagnostics';
import type { Span } from './text';

export interface FormatOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

/** Edits that re-indent the document, or the part of it in `span`; comments are kept, only white space changes. */
export function formatEdits(text: string, span: Span | undefined, options: FormatOptions): TextEdit[] {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const range = span && { offset: span.start, length: span.end - span.start };
  return format(text, range, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, keepLines: false }).map((edit) => ({
    span: { start: edit.offset, end: edit.offset + edit.length },
    newText: edit.content,
  }));
}
