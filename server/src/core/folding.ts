import type { Node } from 'jsonc-parser';
import type { ResultLimit } from './limit';
import type { LineIndex } from './text';

export interface FoldingSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * A fold for every object and array that spans lines, from its opening line to the line before its close,
 * sorted by start line. Walked breadth first: with a `resultLimit`, the outer folds are kept, as VS Code's
 * JSON language service keeps the outer nesting levels, and the walk stops at the first fold past the limit.
 * A node on one line is not entered, as nothing in it can span lines.
 */
export function foldingRanges(root: Node | undefined, lines: LineIndex, limit: ResultLimit = {}): FoldingSpan[] {
  const folds: FoldingSpan[] = [];
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const queue: Node[] = root ? [root] : [];
  for (let next = 0; next < queue.length; next++) {
    const node = queue[next];
    const startLine = lines.positionAt(node.offset).line;
    const endLine = lines.positionAt(node.offset + node.length).line;
    if (endLine === startLine) continue;
    if ((node.type === 'object' || node.type === 'array') && endLine - 1 > startLine) {
      if (folds.length >= max) {
        limit.onResultLimitExceeded?.();
        break;
      }
      folds.push({ startLine, endLine: endLine - 1 });
    }
    for (const child of node.children ?? []) queue.push(child);
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
