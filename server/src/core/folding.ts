import type { Node } from 'jsonc-parser';
import type { LineIndex } from './text';

export interface FoldingSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/** A fold for every object and array that spans lines, from its opening line to the line before its close. */
export function foldingRanges(root: Node | undefined, lines: LineIndex): FoldingSpan[] {
  const folds: FoldingSpan[] = [];
  const pending: Node[] = root ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'object' || node.type === 'array') {
      const startLine = lines.positionAt(node.offset).line;
      const endLine = lines.positionAt(node.offset + node.length).line - 1;
      if (endLine > startLine) folds.push({ startLine, endLine });
    }
    for (const child of node.children ?? []) pending.push(child);
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
