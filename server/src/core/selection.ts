import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { Span } from './text';

/** The spans a "expand selection" steps through at `offset`, innermost first: value, property, object, and out. */
export function selectionSpans(root: Node | undefined, offset: number): Span[] {
  const spans: Span[] = [];
  for (let node = root && findNodeAtOffset(root, offset, true); node; node = node.parent) {
    const span = { start: node.offset, end: node.offset + node.length };
    const last = spans[spans.length - 1];
    if (!last || last.start !== span.start || last.end !== span.end) spans.push(span);
  }
  return spans;
}
