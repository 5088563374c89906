import type { Fix, Severity } from '../diagnostics';
import type { EditBuilder } from '../edits';
import type { TopologyModel } from '../model';
import type { SyntaxProblem } from '../parse';
import type { Span } from '../text';

export interface RuleContext {
  readonly model: TopologyModel;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly edits: EditBuilder;
  report(span: Span, message: string, fixes?: readonly Fix[]): void;
}

export interface Rule {
  /** Stable code, documented in docs/diagnostics.md under a heading of its own. */
  readonly code: string;
  /** Short kebab-case name, shown in the documentation beside the code. */
  readonly name: string;
  readonly severity: Severity;
  /**
   * The file cannot be turned into cmdlets while this is reported, whatever its severity is set to:
   * a value the generator cannot emit faithfully.
   */
  readonly blocksGeneration?: boolean;
  check(context: RuleContext): void;
}

export function fix(title: string, edits: Fix['edits'], preferred = true): Fix {
  return { title, edits, preferred };
}
