/** The analysis core: plain functions over text, used alike by the CLI, the language server and the tests. */
export { analyze, type Analysis, type AnalysisSettings } from './analyze';
export * from './catalog';
export { SEVERITIES, type Diagnostic, type Fix, type Severity, type TextEdit } from './diagnostics';
export { applyEdits, preferredFixEdits } from './fixes';
export { generate, type Generation } from './generate';
export type { TopologyModel } from './model';
export { psComment, psQuote } from './quote';
export { RULES, RULES_BY_CODE, type Rule } from './rules';
export { topologySchema } from './schema';
export { SUPPRESSION_MARKER, type SeveritySetting } from './severity';
export { LineIndex, type Position, type Span } from './text';
