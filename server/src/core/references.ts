import type { Node } from 'jsonc-parser';
import { analyze, type Analysis, type AnalysisSettings } from './analyze';
import type { TextEdit } from './diagnostics';
import { applyEdits } from './fixes';
import { locate } from './location';
import type { ObjectModel, TopologyModel } from './model';
import { isLeftOpen } from './parse';

/** A hosting provider's name, with where it is defined (its Identity) and every place that names it. */
export interface ProviderLinks {
  readonly identity: string;
  /** The providers with this name (more than one is LT501). */
  readonly providers: readonly ObjectModel[];
  /** Their Identity values. */
  readonly definitions: readonly Node[];
  /** The entries of ExchangeUM.HostingProviders that name it. */
  readonly references: readonly Node[];
  /** The string under the cursor. */
  readonly node: Node;
}

/** The provider name under the cursor: a provider's Identity value or an entry of ExchangeUM.HostingProviders. */
export function providerLinksAt(model: TopologyModel, offset: number): ProviderLinks | undefined {
  const location = locate(model, offset);
  if (location.kind !== 'value' || location.node?.type !== 'string') return undefined;
  const isReference = location.item && location.property.spec?.references === 'hostingProvider';
  const isIdentity = location.object.spec.id === 'hostingProvider' && location.property.spec?.name === 'Identity';
  if (!isReference && !isIdentity) return undefined;
  const identity = location.node.value as string;
  const key = identity.toLowerCase();
  const providers = model.providersByIdentity.get(key) ?? [];
  return {
    identity,
    providers,
    definitions: providers.map((provider) => provider.byName.get('Identity')!.valueNode!),
    references: model.providerReferences.filter((r) => r.value.toLowerCase() === key).map((r) => r.node),
    node: location.node,
  };
}

/** What renaming a provider gives: the edits, or why the new name is refused (and nothing changes). */
export type ProviderRename = { readonly edits: TextEdit[] } | { readonly refused: string };

/**
 * Renames the provider whose name is under `offset` (UTF-16 offset into the analysed text) to `newName`,
 * at its Identity and every entry of ExchangeUM.HostingProviders that names it. Refused when the renamed
 * file would have a finding the file does not have now, under the same `settings` (an empty name is LT104,
 * a line break LT105, another provider's name LT501...): the reason is that finding's message, preferably
 * one about a renamed name; also refused while one of the names is a string left open, which runs to the end
 * of its line. Undefined when no provider name is under `offset`.
 */
export function renameProvider(analysis: Analysis, offset: number, newName: string, settings: AnalysisSettings = {}): ProviderRename | undefined {
  const links = providerLinksAt(analysis.model, offset);
  if (!links) return undefined;
  const newText = JSON.stringify(newName);
  const nodes = [...links.definitions, ...links.references].sort((a, b) => a.offset - b.offset);
  const text = analysis.model.text;
  if (nodes.some((node) => isLeftOpen(text, node))) return { refused: `${links.identity} cannot be renamed while one of its names lacks its closing quote: close it first.` };
  const edits = nodes.map((node) => ({ span: { start: node.offset, end: node.offset + node.length }, newText }));
  let moved = 0;
  const renamed = edits.map((edit) => {
    const start = edit.span.start + moved;
    moved += newText.length - (edit.span.end - edit.span.start);
    return { start, end: start + newText.length };
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
  return reason ? { refused: `${links.identity} cannot be renamed to ${newText}: ${reason.message}` } : { edits };
}
