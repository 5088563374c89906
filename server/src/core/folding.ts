import type { Node } from 'jsonc-parser';
import type { ResultLimit } from './limit';
import type { LineIndex } from './text';

export interface FoldingSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/** An object or array that spans lines, with its first and last line. */
interface Spanning {
  readonly node: Node;
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * A fold for every object and array that spans lines, from its opening line to the line before its close,
 * sorted by start line. Walked breadth first: with a `resultLimit`, the outer folds are kept, as VS Code's
 * JSON language service keeps the outer nesting levels, and the walk stops at the first fold past the limit.
 * Only objects and arrays that span lines are entered. A node's children are in file order, so the line of each
 * is found by going on from the one before's, and one that ends before the next line starts is passed over: a
 * list of 20,000 entries on a line each costs 20,000 steps, and no call for each, as the first requests for a
 * large file run before the engine has optimized the walk.
 */
export function foldingRanges(root: Node | undefined, lines: LineIndex, limit: ResultLimit = {}): FoldingSpan[] {
  const folds: FoldingSpan[] = [];
  if (root?.type !== 'object' && root?.type !== 'array') return folds;
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const starts = lines.lineStarts;
  const rootLine = lines.lineAt(root.offset);
  const queue: Spanning[] = [{ node: root, startLine: rootLine, endLine: lines.lineAt(root.offset + root.length, rootLine) }];
  for (let next = 0; next < queue.length; next++) {
    const { node, startLine, endLine } = queue[next];
    if (endLine - 1 > startLine) {
      if (folds.length >= max) {
        limit.onResultLimitExceeded?.();
        break;
      }
      folds.push({ startLine, endLine: endLine - 1 });
    }
    const children = node.children ?? [];
    let line = startLine;
    /** Where the line after `line` starts. */
    let lineEnd = line + 1 < starts.length ? starts[line + 1] : Number.POSITIVE_INFINITY;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      const value = child.type === 'property' ? child.children?.[1] : child;
      if (value?.type !== 'object' && value?.type !== 'array') continue;
      // Read once: a node's offset is worked out from its parents' (see SyntaxNode).
      const offset = value.offset;
      while (offset >= lineEnd) lineEnd = ++line + 1 < starts.length ? starts[line + 1] : Number.POSITIVE_INFINITY;
      const end = offset + value.length;
      if (end >= lineEnd) queue.push({ node: value, startLine: line, endLine: lines.lineAt(end, line) });
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
