import type { Span } from './text';

export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Replace `span` of the document with `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A deterministic fix, carried by the diagnostic so that editors can offer it without recomputing. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one obvious fix: applied by "fix all". */
  readonly preferred: boolean;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fixes: readonly Fix[];
}

export function fix(title: string, edits: Fix['edits'], preferred = true): Fix {
  return { title, edits, preferred };
}
