import type { Analysis } from './analyze';
import { describeProperty, providerSummary } from './describe';
import { locate } from './location';
import { spanOf } from './model';
import { providerLinksAt } from './references';
import type { Span } from './text';

export interface HoverInfo {
  /** Markdown. */
  readonly markdown: string;
  readonly span: Span;
}

/** What to show for the key or value at `offset`: the catalog's documentation, or the provider a name points to. */
export function hover(analysis: Analysis, offset: number): HoverInfo | undefined {
  const { model } = analysis;
  const location = locate(model, offset);
  if (location.kind === 'key') {
    const spec = location.property?.spec;
    return spec && location.property ? { markdown: describeProperty(spec, location.object.spec), span: location.span } : undefined;
  }
  if (location.kind !== 'value' || !location.node) return undefined;
  const span = spanOf(location.node);
  const links = providerLinksAt(model, offset);
  if (links && location.item) {
    const providers = links.providers;
    const markdown = providers.length > 0 ? providers.map((p) => providerSummary(p, model.text)).join('\n\n---\n\n') : `No hosting provider has the Identity ${JSON.stringify(links.identity)}.`;
    return { markdown, span };
  }
  const spec = location.property.spec;
  if (!spec) return undefined;
  const value = location.item && spec.value.kind === 'array' ? spec.value.items : spec.value;
  const word = location.node.type === 'string' ? (location.node.value as string) : undefined;
  const meaning = value.kind === 'enum' && word !== undefined ? value.meanings?.[value.values.find((v) => v.toLowerCase() === word.toLowerCase()) ?? ''] : undefined;
  const named = links && links.references.length > 0 ? `\n\nNamed in \`ExchangeUM.HostingProviders\`, as a provider that hosts Exchange UM.` : '';
  const intro = meaning ? `\`${word}\`: ${meaning}\n\n---\n\n` : '';
  return { markdown: intro + describeProperty(spec, location.object.spec) + named, span };
}
