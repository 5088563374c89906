import type { Fix, Severity } from '../diagnostics';
import type { EditBuilder } from '../edits';
import type { ObjectModel, StringValue, TopologyModel, TypedValue } from '../model';
import type { SyntaxProblem } from '../parse';
import type { Span } from '../text';

export interface RuleContext {
  readonly model: TopologyModel;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly edits: EditBuilder;
  report(span: Span, message: string, fixes?: readonly Fix[]): void;
}

/** What a rule sees of one object: findings about it depend on nothing else, so they can be kept with it. */
export interface ObjectRuleContext {
  readonly model: TopologyModel;
  readonly object: ObjectModel;
  readonly values: readonly TypedValue[];
  readonly strings: readonly StringValue[];
  /** A hosting provider named in ExchangeUM.HostingProviders, in a hosted mode. */
  readonly hostsExchangeUm: boolean;
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
  /** Findings about the file as a whole. */
  check?(context: RuleContext): void;
  /** Findings about one object of the catalog, from that object alone (and the server version). */
  checkObject?(context: ObjectRuleContext): void;
}

export { fix } from '../diagnostics';
