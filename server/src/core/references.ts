import type { Node } from 'jsonc-parser';
import { analyze, type Analysis, type AnalysisSettings } from './analyze';
import { SECTIONS_BY_KEY, type SectionSpec } from './catalog';
import type { TextEdit } from './diagnostics';
import { applyEdits } from './fixes';
import { locate } from './location';
import { nameKey, nameProperty, REFERABLE_SECTIONS, type ObjectModel, type TopologyModel } from './model';
import { isLeftOpen } from './parse';
import type { Span } from './text';

/** The name of a section's entry, with where it is defined and every place that names it. */
export interface NameLinks {
  /** The key of the section the name belongs to. */
  readonly section: string;
  /** The name under the cursor, as written there. */
  readonly name: string;
  /** The entries with this name (more than one is LT501). */
  readonly entries: readonly ObjectModel[];
  /** Their naming values. */
  readonly definitions: readonly Node[];
  /** The strings that refer to it: items of `ExchangeUM.HostingProviders`, granted policies. */
  readonly references: readonly Node[];
  /** The string under the cursor. */
  readonly node: Node;
  /** The name under the cursor without the section's optional prefix (`ExRedmond` of `tag:ExRedmond`): what a rename changes. */
  readonly bareName: string;
  /** Where `bareName` is written: inside the quotes, past the prefix when it is written without escapes. */
  readonly bareSpan: Span;
}

/** The section's optional prefix as `name` writes it (`tag:`, `Tag:`), or '' when it has none. */
function writtenPrefix(section: SectionSpec, name: string): string {
  const prefix = section.optionalPrefix;
  return prefix !== undefined && name.toLowerCase().startsWith(prefix) ? name.slice(0, prefix.length) : '';
}

/**
 * The name under the cursor: the naming value of an entry that other settings refer to (a provider's
 * Identity, a policy's Identity), or a reference to one. Undefined elsewhere.
 */
export function nameLinksAt(model: TopologyModel, offset: number): NameLinks | undefined {
  const location = locate(model, offset);
  if (location.kind !== 'value' || location.node?.type !== 'string') return undefined;
  const spec = location.property.spec;
  const referenced = spec?.references;
  const isReference = referenced !== undefined && (location.item || spec!.value.kind === 'string');
  const owner = location.object.spec.section;
  const isName = owner?.list === true && REFERABLE_SECTIONS.has(owner.key) && nameProperty(location.object) === location.property;
  const section = isReference ? referenced : isName ? owner!.key : undefined;
  const target = section && SECTIONS_BY_KEY.get(section);
  if (!section || !target) return undefined;
  const node = location.node;
  const name = node.value as string;
  const key = nameKey(target.section, name);
  const entries = model.entriesByName.get(section)?.get(key) ?? [];
  const prefix = writtenPrefix(target.section, name);
  const inside = node.offset + 1;
  const start = model.text.startsWith(prefix, inside) ? inside + prefix.length : inside;
  return {
    section,
    name,
    entries,
    definitions: entries.map((entry) => nameProperty(entry)!.valueNode!),
    references: model.references.filter((r) => r.section === section && nameKey(target.section, r.value) === key).map((r) => r.node),
    node,
    bareName: name.slice(prefix.length),
    bareSpan: { start, end: Math.max(start, node.offset + node.length - 1) },
  };
}

/** What renaming gives: the edits, or why the new name is refused (and nothing changes). */
export type NameRename = { readonly edits: TextEdit[] } | { readonly refused: string };

/**
 * Renames the entry whose name is under `offset` (UTF-16 offset into the analysed text) to `newName`, at
 * its name and every setting that refers to it (a hosting provider's Identity and the entries of
 * ExchangeUM.HostingProviders, a policy's Identity and the grants of it). A section's optional prefix is not
 * part of the name: each place keeps it as it writes it, or goes without it (a per-user policy's Identity
 * `tag:ExRedmond` renamed to `Seattle` becomes `tag:Seattle`, its grants `Seattle`), and a `newName` that
 * starts with it is taken without it. Refused when the renamed
 * file would have a finding the file does not have now, under the same `settings` (an empty name is LT104,
 * a line break LT105, another entry's name LT501...): the reason is that finding's message, preferably
 * one about a renamed name; also refused while one of the names is a string left open, which runs to the end
 * of its line. Undefined when no such name is under `offset`.
 */
export function renameName(analysis: Analysis, offset: number, newName: string, settings: AnalysisSettings = {}): NameRename | undefined {
  const links = nameLinksAt(analysis.model, offset);
  if (!links) return undefined;
  const section = SECTIONS_BY_KEY.get(links.section)!.section;
  const bare = newName.slice(writtenPrefix(section, newName).length);
  const nodes = [...links.definitions, ...links.references].sort((a, b) => a.offset - b.offset);
  const text = analysis.model.text;
  if (nodes.some((node) => isLeftOpen(text, node))) return { refused: `${links.name} cannot be renamed while one of its names lacks its closing quote: close it first.` };
  const edits = nodes.map((node) => ({
    span: { start: node.offset, end: node.offset + node.length },
    newText: JSON.stringify(writtenPrefix(section, node.value as string) + bare),
  }));
  let moved = 0;
  const renamed = edits.map((edit) => {
    const start = edit.span.start + moved;
    moved += edit.newText.length - (edit.span.end - edit.span.start);
    return { start, end: start + edit.newText.length };
  });
  const before = new Map<string, number>();
  for (const d of analysis.diagnostics) before.set(d.code, (before.get(d.code) ?? 0) + 1);
  const added = analyze(applyEdits(text, edits), settings).diagnostics.filter((d) => {
    const left = before.get(d.code) ?? 0;
    before.set(d.code, left - 1);
    return left <= 0;
  });
  const onName = added.find((d) => renamed.some((span) => span.start <= d.span.start && d.span.end <= span.end));
  const reason = onName ?? added[0];
  return reason ? { refused: `${links.name} cannot be renamed to ${JSON.stringify(newName)}: ${reason.message}` } : { edits };
}
