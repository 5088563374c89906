import type { Analysis, Diagnostic } from '../core';

/** A diagnostic as the CLI reports it: 1-based lines and columns, the end column just past the last character. */
export interface ReportedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Diagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

export function toReported(file: string, analysis: Analysis, diagnostic: Diagnostic): ReportedDiagnostic {
  const start = analysis.lines.positionAt(diagnostic.span.start);
  const end = analysis.lines.positionAt(diagnostic.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  };
}

export function formatText(d: ReportedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}
