import { createScanner, SyntaxKind, type Node } from 'jsonc-parser';
import type { Analysis } from './analyze';
import type { TextEdit } from './diagnostics';
import { EditBuilder } from './edits';
import { EXCHANGE_UM_MODES, existsIn, HOSTING_PROVIDER, SECTIONS_BY_KEY, type ObjectSpec, type PropertySpec, type ValueSpec } from './catalog';
import { describeProperty, entrySummary } from './describe';
import { locate } from './location';
import { entryName, nameKey, type ObjectModel, type PropertyModel } from './model';
import { chosenSwitches } from './facts/routing';
import { lineBreakOf, type Span } from './text';
import { entryTemplate, HOSTED_UM_EDGE, hostedUmProvider, newFileTemplate, toSnippet } from './templates';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'reference' | 'snippet';
  readonly detail?: string;
  /** Markdown. */
  readonly documentation: string;
  /** Snippet syntax: tab stops such as ${1:name}. */
  readonly insertText: string;
  /** What the typed text in `span` is matched against: keys and strings with their quotes. */
  readonly filterText: string;
  /** What the entry replaces. */
  readonly span: Span;
  readonly sortText: string;
  /** Edits elsewhere that the entry needs: the comma a previous entry lacks. */
  readonly additionalEdits: readonly TextEdit[];
}

/**
 * A multi-line template as JSON text laid out for where it goes: the document's indentation step and
 * line break, each line after the first indented as the line of `span` is, so that it reads right in a
 * client that inserts it as it is.
 */
function template(text: string, span: Span, value: unknown): string {
  const edits = new EditBuilder(text);
  return edits.json(value, edits.indentOfLine(span.start));
}

/**
 * The snippet a new key's value starts as. A Boolean, number or enumeration value is offered whole, and a client
 * without snippets inserts it as it is: it starts as the catalog's documented default, which changes nothing on the
 * deployment, or else as a value its checks accept (an integer's minimum).
 */
function valueSnippet(spec: PropertySpec): string {
  const value = spec.value;
  const first = <T>(values: readonly T[], preferred: unknown) => [...values].sort((a, b) => Number(b === preferred) - Number(a === preferred));
  switch (value.kind) {
    case 'boolean':
      return `\${1|${first([true, false], spec.default).join(',')}|}`;
    case 'switch':
      return 'true';
    case 'integer':
      return `\${1:${typeof spec.default === 'number' ? spec.default : String(value.min)}}`;
    case 'enum':
      return `"\${1|${first(value.values, spec.default).join(',')}|}"`;
    case 'string':
      return '"$1"';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
  }
}

const ENTRY_STARTS = new Set([SyntaxKind.StringLiteral, SyntaxKind.OpenBraceToken, SyntaxKind.OpenBracketToken]);

/** A comma to separate what is inserted from a next entry that follows it, across white space and comments. */
function separatorAfter(text: string, span: Span): string {
  const scanner = createScanner(text, true);
  scanner.setPosition(span.end);
  return ENTRY_STARTS.has(scanner.scan()) ? ',' : '';
}

const VALUE_ENDS = new Set([SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword, SyntaxKind.CloseBraceToken, SyntaxKind.CloseBracketToken]);

/** The comma a new entry needs after the entry before it: at the start of its own text, or as an edit of its own. */
interface CommaBefore {
  readonly lead: string;
  readonly edits: readonly TextEdit[];
}

/**
 * The comma a new entry at `span` needs after the entry before it, when that one ends without one: the last
 * token between the container's start (`from`) and the entry ends a value. Where that value ends right where the
 * entry goes, the comma leads the entry's own text: LSP forbids an additional edit at the position of the main one.
 */
function commaBefore(text: string, from: number, span: Span): CommaBefore {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  let last: { kind: SyntaxKind; end: number } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && scanner.getTokenOffset() < span.start; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) last = { kind, end: scanner.getTokenOffset() + scanner.getTokenLength() };
  }
  if (!last || !VALUE_ENDS.has(last.kind) || last.end > span.start) return { lead: '', edits: [] };
  return last.end === span.start ? { lead: ',', edits: [] } : { lead: '', edits: [{ span: { start: last.end, end: last.end }, newText: ',' }] };
}

function isOffered(spec: PropertySpec, object: ObjectModel, analysis: Analysis): boolean {
  if (spec.notEmitted) return false;
  if (!existsIn(spec, analysis.model.serverVersion)) return false;
  if (!spec.routing) return true;
  const switches = chosenSwitches(object);
  return switches.length !== 1 || switches[0].spec!.selectsRouting === spec.routing;
}

function keyEntries(analysis: Analysis, object: ObjectModel, span: Span, current: string | undefined, hasValue: boolean): CompletionEntry[] {
  const text = analysis.model.text;
  const comma = hasValue ? '' : separatorAfter(text, span);
  const { lead, edits: additionalEdits } = hasValue ? { lead: '', edits: [] } : commaBefore(text, object.node.offset, span);
  // The parser ends a key without a colon where it stands (parse.ts), so the model holds every key written.
  const written = new Set(object.properties.map((p) => (p.spec?.name ?? p.key).toLowerCase()));
  const entries: CompletionEntry[] = object.spec.properties
    .filter((spec) => (spec.name === current || !written.has(spec.name.toLowerCase())) && isOffered(spec, object, analysis))
    .map((spec, index) => ({
      label: spec.name,
      kind: 'property',
      detail: object.spec.cmdlet ?? spec.value.kind,
      documentation: describeProperty(spec, object.spec),
      filterText: `"${spec.name}"`,
      insertText: hasValue ? `"${spec.name}"` : `${lead}"${spec.name}": ${valueSnippet(spec)}${comma}`,
      span,
      sortText: `1${String(index).padStart(3, '0')}`,
      additionalEdits,
    }));
  if (object.spec.id === 'topology' && !object.byName.has('AccessEdgeConfiguration') && !hasValue) {
    entries.push({
      label: 'AccessEdgeConfiguration for a shared SIP address space',
      kind: 'snippet',
      detail: 'Set-CsAccessEdgeConfiguration',
      documentation: 'The Edge settings the hosted Exchange UM procedure uses: DNS SRV routing, federation allowed, partner discovery off.',
      filterText: '"AccessEdgeConfiguration"',
      insertText: `${lead}"AccessEdgeConfiguration": ${toSnippet(template(text, span, HOSTED_UM_EDGE))}${comma}`,
      span,
      sortText: '0',
      additionalEdits,
    });
  }
  return entries;
}

function valueEntries(analysis: Analysis, object: ObjectSpec, property: PropertyModel, value: ValueSpec, span: Span, current: string | undefined, isItem: boolean): CompletionEntry[] {
  const spec = property.spec!;
  const comma = separatorAfter(analysis.model.text, span);
  const { lead, edits: additionalEdits } = isItem && current === undefined ? commaBefore(analysis.model.text, property.valueNode!.offset, span) : { lead: '', edits: [] };
  const entry = (label: string, insert: string, documentation: string, kind: CompletionEntry['kind'] = 'value', index = 0): CompletionEntry => ({
    label,
    kind,
    documentation,
    filterText: insert,
    insertText: lead + insert.replace(/[\\$}]/g, (c) => `\\${c}`) + comma,
    span,
    sortText: `1${String(index).padStart(3, '0')}`,
    additionalEdits,
  });
  // A key that may state none offers `null` after its other values, where no string is being typed.
  const none = !isItem && current === undefined && spec.nullMeans ? [entry('null', 'null', spec.nullMeans.description, 'value', 999)] : [];
  return [...offeredValues(analysis, object, property, value, current, isItem, entry), ...none];
}

type EntryMaker = (label: string, insert: string, documentation: string, kind?: CompletionEntry['kind'], index?: number) => CompletionEntry;

/** The values offered for a key or an item: the names of the entries it refers to, or the values its type and the catalog suggest. */
function offeredValues(analysis: Analysis, object: ObjectSpec, property: PropertyModel, value: ValueSpec, current: string | undefined, isItem: boolean, entry: EntryMaker): CompletionEntry[] {
  const spec = property.spec!;
  const target = spec.references === undefined ? undefined : SECTIONS_BY_KEY.get(spec.references)?.section;
  if (target && (isItem || value.kind === 'string')) {
    // In a list of names, the names it holds already are not offered again.
    const listed = new Set(isItem ? analysis.model.references.filter((r) => r.property === property).map((r) => nameKey(target, r.value)) : []);
    // An entry that exists already (the global policy) or names another scope (`site:`) is not one to refer to;
    // a name is offered without its optional prefix.
    const bare = (name: string) => (target.optionalPrefix && name.toLowerCase().startsWith(target.optionalPrefix) ? name.slice(target.optionalPrefix.length) : name);
    return (analysis.model.sections.get(target.key) ?? [])
      .map((named) => ({ named, name: entryName(named) }))
      .filter((e): e is { named: ObjectModel; name: string } => e.name !== undefined && !target.modifyExisting?.names.includes(nameKey(target, e.name)))
      .map(({ named, name }) => ({ named, name: bare(name) }))
      .filter(({ name }) => !/^[A-Za-z]+:/.test(name) && (!listed.has(nameKey(target, name)) || name === current))
      .map(({ named, name }, index) => entry(name, JSON.stringify(name), entrySummary(named, analysis.model.text), 'reference', index));
  }
  switch (value.kind) {
    case 'boolean':
    case 'switch':
      return ['true', 'false'].map((v, i) => entry(v, v, describeProperty(spec, object), 'value', i));
    case 'enum':
      return value.values.map((v, i) => entry(v, JSON.stringify(v), value.meanings?.[v] ?? describeProperty(spec, object), 'value', i));
    case 'string':
      return (spec.suggestions ?? []).map((s, i) => entry(s.value, JSON.stringify(s.value), s.description, 'value', i));
    default:
      return [];
  }
}

function fileEntries(text: string, span: Span): CompletionEntry[] {
  const eol = lineBreakOf(text);
  return EXCHANGE_UM_MODES.map((mode, index) => ({
    label: `New topology file: ${mode}`,
    kind: 'snippet',
    documentation: `A complete topology file for Exchange UM mode ${mode}; fill in the placeholders.`,
    filterText: `New topology file: ${mode}`,
    insertText: toSnippet(newFileTemplate(mode).replace(/\n/g, eol)),
    span,
    sortText: `0${index}`,
    additionalEdits: [],
  }));
}

/** Snippets for a new entry of a list section; for a hosting provider, also one set up for hosted Exchange UM. */
function newEntryEntries(analysis: Analysis, spec: ObjectSpec, array: Node, span: Span): CompletionEntry[] {
  const text = analysis.model.text;
  const comma = separatorAfter(text, span);
  const { lead, edits: additionalEdits } = commaBefore(text, array.offset, span);
  const snippet = (label: string, documentation: string, value: Record<string, unknown>, sortText: string): CompletionEntry => ({
    label,
    kind: 'snippet',
    detail: spec.cmdlet,
    documentation,
    filterText: label,
    insertText: lead + toSnippet(template(text, span, value)) + comma,
    span,
    sortText,
    additionalEdits,
  });
  const entries = [snippet(`New ${spec.title}`, `A new ${spec.title} with the keys it needs; fill in the placeholders.`, entryTemplate(spec), '1')];
  if (spec === HOSTING_PROVIDER) {
    entries.unshift(
      snippet(
        'Hosting provider for hosted Exchange UM',
        'A provider set up as hosted Exchange UM needs it: enabled, sharing the SIP address space, hosting no Lync users, outside the topology.',
        hostedUmProvider('<name of the hosting provider>'),
        '0',
      ),
    );
  }
  return entries;
}

/** Completions at `offset`: keys valid there, values of the key, provider names, and snippets. */
export function complete(analysis: Analysis, offset: number): CompletionEntry[] {
  const { model } = analysis;
  const location = locate(model, offset);
  if (!model.rootNode) return fileEntries(model.text, location.span);
  switch (location.kind) {
    case 'key':
      return keyEntries(analysis, location.object, location.span, location.property?.spec?.name, location.property?.valueNode !== undefined);
    case 'value': {
      const spec = location.property.spec;
      if (!spec) return [];
      const value = location.item && spec.value.kind === 'array' ? spec.value.items : spec.value;
      if (!location.item && spec.value.kind === 'array') return [];
      const current = location.node?.type === 'string' ? (location.node.value as string) : undefined;
      return valueEntries(analysis, location.object.spec, location.property, value, location.span, current, location.item);
    }
    case 'item': {
      const value = location.property.spec?.value;
      const items = value?.kind === 'array' && value.items.kind === 'object' ? value.items.spec : undefined;
      const array = location.property.valueNode;
      return items?.section?.list && array ? newEntryEntries(analysis, items, array, location.span) : [];
    }
    case 'none':
      return [];
  }
}
