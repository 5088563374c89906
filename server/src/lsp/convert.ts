import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { RULES_BY_CODE, FILE_TOO_LARGE, type Diagnostic, type Span, type TextEdit } from '../core';

export const SOURCE = 'lync-topology';

export function toRange(document: TextDocument, span: Span): Range {
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

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** docs/diagnostics.md, found beside the built server (in the repository and in the packaged extension). */
function documentationUrl(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'docs', 'diagnostics.md');
    if (existsSync(file)) return pathToFileURL(file).href;
    if (dirname(dir) === dir) return undefined;
  }
}

const DOCUMENTATION = documentationUrl();

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

export function toLspDiagnostic(document: TextDocument, diagnostic: Diagnostic): LspDiagnostic {
  const data: FixData = { fixes: diagnostic.fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred })) };
  return {
    range: toRange(document, diagnostic.span),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(DOCUMENTATION ? { codeDescription: { href: `${DOCUMENTATION}#${anchor(diagnostic.code)}` } } : {}),
    source: SOURCE,
    message: diagnostic.message,
    data,
  };
}
