import type { Analysis } from './analyze';
import { EXCHANGE_UM_MODES, existsIn, HOSTING_PROVIDER, SECTIONS_BY_KEY, type ObjectSpec, type PropertySpec, type ValueSpec } from './catalog';
import { describeProperty, entrySummary } from './describe';
import { locate } from './location';
import { entryName, nameKey, type ObjectModel, type PropertyModel } from './model';
import { chosenSwitches } from './facts/routing';
import type { Span } from './text';
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
}

/** The snippet a new key's value starts as. */
function valueSnippet(value: ValueSpec): string {
  switch (value.kind) {
    case 'boolean':
      return '${1|true,false|}';
    case 'switch':
      return 'true';
    case 'integer':
      return '${1:0}';
    case 'enum':
      return `"\${1|${value.values.join(',')}|}"`;
    case 'string':
      return '"$1"';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
  }
}

/** A comma to separate what is inserted from a next entry that follows it directly. */
function separatorAfter(text: string, span: Span): string {
  const next = /\S/.exec(text.slice(span.end));
  return next && (next[0] === '"' || next[0] === '{' || next[0] === '[') ? ',' : '';
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
      insertText: hasValue ? `"${spec.name}"` : `"${spec.name}": ${valueSnippet(spec.value)}${comma}`,
      span,
      sortText: `1${String(index).padStart(3, '0')}`,
    }));
  if (object.spec.id === 'topology' && !object.byName.has('AccessEdgeConfiguration') && !hasValue) {
    entries.push({
      label: 'AccessEdgeConfiguration for a shared SIP address space',
      kind: 'snippet',
      detail: 'Set-CsAccessEdgeConfiguration',
      documentation: 'The Edge settings the hosted Exchange UM procedure uses: DNS SRV routing, federation allowed, partner discovery off.',
      filterText: '"AccessEdgeConfiguration"',
      insertText: `"AccessEdgeConfiguration": ${toSnippet(JSON.stringify(HOSTED_UM_EDGE, null, 2))}${comma}`,
      span,
      sortText: '0',
    });
  }
  return entries;
}

function valueEntries(analysis: Analysis, object: ObjectSpec, property: PropertyModel, value: ValueSpec, span: Span, current: string | undefined, isItem: boolean): CompletionEntry[] {
  const spec = property.spec!;
  const comma = separatorAfter(analysis.model.text, span);
  const entry = (label: string, insert: string, documentation: string, kind: CompletionEntry['kind'] = 'value', index = 0): CompletionEntry => ({
    label,
    kind,
    documentation,
    filterText: insert,
    insertText: insert.replace(/[\\$}]/g, (c) => `\\${c}`) + comma,
    span,
    sortText: `1${String(index).padStart(3, '0')}`,
  });
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

function fileEntries(span: Span): CompletionEntry[] {
  return EXCHANGE_UM_MODES.map((mode, index) => ({
    label: `New topology file: ${mode}`,
    kind: 'snippet',
    documentation: `A complete topology file for Exchange UM mode ${mode}; fill in the placeholders.`,
    filterText: `New topology file: ${mode}`,
    insertText: toSnippet(newFileTemplate(mode)),
    span,
    sortText: `0${index}`,
  }));
}

/** Snippets for a new entry of a list section; for a hosting provider, also one set up for hosted Exchange UM. */
function newEntryEntries(analysis: Analysis, spec: ObjectSpec, span: Span): CompletionEntry[] {
  const comma = separatorAfter(analysis.model.text, span);
  const snippet = (label: string, documentation: string, value: Record<string, unknown>, sortText: string): CompletionEntry => ({
    label,
    kind: 'snippet',
    detail: spec.cmdlet,
    documentation,
    filterText: label,
    insertText: toSnippet(JSON.stringify(value, null, 2)) + comma,
    span,
    sortText,
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
  if (!model.rootNode) return fileEntries(location.span);
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
      return items?.section?.list ? newEntryEntries(analysis, items, location.span) : [];
    }
    case 'none':
      return [];
  }
}
