import type { Analysis } from './analyze';
import { describeProperty, entrySummary } from './describe';
import { locate } from './location';
import { SECTIONS_BY_KEY } from './catalog';
import { spanOf } from './model';
import { nameLinksAt } from './references';
import type { Span } from './text';

export interface HoverInfo {
  /** Markdown. */
  readonly markdown: string;
  readonly span: Span;
}

/** What to show for the key or value at `offset`: the catalog's documentation, or the entry a name points to. */
export function hover(analysis: Analysis, offset: number): HoverInfo | undefined {
  const { model } = analysis;
  const location = locate(model, offset);
  if (location.kind === 'key') {
    const spec = location.property?.spec;
    return spec && location.property ? { markdown: describeProperty(spec, location.object.spec), span: location.span } : undefined;
  }
  if (location.kind !== 'value' || !location.node) return undefined;
  const span = spanOf(location.node);
  const links = nameLinksAt(model, offset);
  const spec = location.property.spec;
  if (links && spec?.references) {
    const title = SECTIONS_BY_KEY.get(links.section)!.title;
    const entries = links.entries;
    const markdown = entries.length > 0 ? entries.map((e) => entrySummary(e, model.text)).join('\n\n---\n\n') : `No ${title} in this file is named ${JSON.stringify(links.name)}.`;
    return { markdown, span };
  }
  if (!spec) return undefined;
  const value = location.item && spec.value.kind === 'array' ? spec.value.items : spec.value;
  const word = location.node.type === 'string' ? (location.node.value as string) : undefined;
  const meaning = value.kind === 'enum' && word !== undefined ? value.meanings?.[value.values.find((v) => v.toLowerCase() === word.toLowerCase()) ?? ''] : undefined;
  const stated = location.node.type === 'null' && !location.item ? spec.nullMeans : undefined;
  const named = links && links.references.length > 0 ? `\n\nNamed ${links.references.length === 1 ? 'once' : `${links.references.length} times`} elsewhere in the file (find references to see where).` : '';
  const intro = meaning ? `\`${word}\`: ${meaning}\n\n---\n\n` : stated ? `\`null\`: ${stated.description}\n\n---\n\n` : '';
  return { markdown: intro + describeProperty(spec, location.object.spec) + named, span };
}
