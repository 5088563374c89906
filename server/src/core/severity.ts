import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Severity } from './diagnostics';
import type { LineIndex } from './text';

export type SeveritySetting = Severity | 'off';

export const SUPPRESSION_MARKER = 'lync-topology-disable-next-line';

/** Lines whose diagnostics a suppression comment silences: every code (`all`) or the codes it names. */
export type Suppressions = ReadonlyMap<number, 'all' | ReadonlySet<string>>;

/**
 * Reads `// lync-topology-disable-next-line [CODE ...] [-- reason]` comments (block comments work
 * too); each applies to the line after the one where the comment ends.
 */
export function readSuppressions(text: string, lines: LineIndex): Suppressions {
  const suppressions = new Map<number, 'all' | Set<string>>();
  if (!text.includes(SUPPRESSION_MARKER)) return suppressions;
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    // getTokenValue() can carry white space from before a comment: read the comment's own span.
    const body = text
      .substr(scanner.getTokenOffset(), scanner.getTokenLength())
      .replace(/^\/[/*]\s*/, '')
      .replace(/\*\/$/, '');
    if (!body.startsWith(SUPPRESSION_MARKER)) continue;
    const codes = body.slice(SUPPRESSION_MARKER.length).split('--')[0].split(/[\s,]+/).filter(Boolean);
    const line = lines.positionAt(scanner.getTokenOffset() + scanner.getTokenLength()).line + 1;
    const existing = suppressions.get(line);
    if (codes.length === 0 || existing === 'all') suppressions.set(line, 'all');
    else suppressions.set(line, new Set([...(existing ?? []), ...codes.map((c) => c.toUpperCase())]));
  }
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, line: number, code: string): boolean {
  const entry = suppressions.get(line);
  return entry === 'all' || (entry !== undefined && entry.has(code));
}
