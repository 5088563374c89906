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

/** The line of `offset`, going forward line by line from `from`; searched for if it lies before `from`. */
function forwardTo(lines: LineIndex, from: number, offset: number): number {
  if (from > 0 && offset < lines.nextLineStart(from - 1)) return lines.lineAt(offset);
  let line = from;
  while (lines.nextLineStart(line) <= offset) line++;
  return line;
}

/**
 * A fold for every object and array that spans lines, from its opening line to the line before its close,
 * sorted by start line. Walked breadth first: with a `resultLimit`, the outer folds are kept, as VS Code's
 * JSON language service keeps the outer nesting levels, and the walk stops at the first fold past the limit.
 * Only objects and arrays that span lines are entered, and the lines of a node's children are found going
 * forward from the node's first line (they are in order), not searched for: a list of 20,000 entries on a
 * line each costs 20,000 steps.
 */
export function foldingRanges(root: Node | undefined, lines: LineIndex, limit: ResultLimit = {}): FoldingSpan[] {
  const folds: FoldingSpan[] = [];
  const max = limit.resultLimit ?? Number.POSITIVE_INFINITY;
  const queue: Spanning[] = [];
  const isContainer = (node: Node | undefined): node is Node => node?.type === 'object' || node?.type === 'array';
  if (isContainer(root)) {
    const startLine = lines.lineAt(root.offset);
    queue.push({ node: root, startLine, endLine: forwardTo(lines, startLine, root.offset + root.length) });
  }
  for (let next = 0; next < queue.length; next++) {
    const { node, startLine, endLine } = queue[next];
    if (endLine === startLine) continue;
    if (endLine - 1 > startLine) {
      if (folds.length >= max) {
        limit.onResultLimitExceeded?.();
        break;
      }
      folds.push({ startLine, endLine: endLine - 1 });
    }
    let line = startLine;
    for (const child of node.children ?? []) {
      const value = child.type === 'property' ? child.children?.[1] : child;
      if (!isContainer(value)) continue;
      const offset = value.offset;
      line = forwardTo(lines, line, offset);
      const last = forwardTo(lines, line, offset + value.length);
      if (last > line) queue.push({ node: value, startLine: line, endLine: last });
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}
