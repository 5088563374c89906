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
 * Only objects and arrays are visited, and one on a single line is not entered: nothing in it can span lines.
 */
export function foldingRanges(root: Node | undefined, lines: LineIndex, limit: ResultLimit = {}): FoldingSpan[] {
  const folds: FoldingSpan[] = [];
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const queue: Node[] = [];
  const enqueue = (node: Node | undefined) => {
    if (node?.type === 'object' || node?.type === 'array') queue.push(node);
  };
  enqueue(root);
  for (let next = 0; next < queue.length; next++) {
    const node = queue[next];
    const startLine = lines.lineAt(node.offset);
    const endLine = lines.lineAt(node.offset + node.length);
    if (endLine === startLine) continue;
    if (endLine - 1 > startLine) {
      if (folds.length >= max) {
        limit.onResultLimitExceeded?.();
        break;
      }
      folds.push({ startLine, endLine: endLine - 1 });
    }
    for (const child of node.children ?? []) enqueue(child.type === 'property' ? child.children?.[1] : child);
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
