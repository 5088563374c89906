import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic, MarkupContent, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity, MarkupKind } from './languageServer';
import { markdownToPlainText, RULES_BY_CODE, FILE_TOO_LARGE, type Diagnostic, type Span, type TextEdit } from '../core';

export const SOURCE = 'lync-topology';

/**
 * The name a document's URI gives it, for messages and script headers: the last segment of its path (RFC 3986
 * §3.3; `Untitled-1` of `untitled:Untitled-1`), percent-decoded, or as written where an escape is malformed.
 */
export function documentName(uri: string): string {
  const path = uri.replace(/[?#].*$/s, '').replace(/^[a-z][a-z0-9+.-]*:/i, '');
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * What turns offsets into positions: a TextDocument, or the LineIndex an analysis of the same text already has
 * (a TextDocument reads a large text's lines again the first time it is asked).
 */
export type Positions = Pick<TextDocument, 'positionAt'>;

export function toRange(document: Positions, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

export function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(document, edit.span), newText: edit.newText };
}

/**
 * The core's markdown as the client can show it: markdown where `formats` (a client's `contentFormat` or
 * `documentationFormat`) names it, else plain text, as LSP leaves a client that names no format with none assumed.
 */
export function toMarkup(markdown: string, formats: readonly string[] | undefined): MarkupContent {
  return formats?.includes(MarkupKind.Markdown) ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic tells the client of its fixes: their titles, as a hint. No edits: a code action
 * takes them from the analysis of the document as it is when asked, never from a diagnostic that
 * may have been made for an older text.
 */
export interface FixData {
  readonly fixes: readonly { readonly title: string; readonly preferred: boolean }[];
}

function anchor(code: string): string {
  const name = code === FILE_TOO_LARGE ? 'file-too-large' : RULES_BY_CODE.get(code)?.name;
  return `${code.toLowerCase()}-${name}`;
}

/** `documentation` is the URL of docs/diagnostics.md, which each code links into; none, no link. */
export function toLspDiagnostic(document: Positions, diagnostic: Diagnostic, documentation: string | undefined): LspDiagnostic {
  const data: FixData = { fixes: diagnostic.fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred })) };
  return {
    range: toRange(document, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(documentation ? { codeDescription: { href: `${documentation}#${anchor(diagnostic.code)}` } } : {}),
    source: SOURCE,
    message: diagnostic.message,
    data,
  };
}
