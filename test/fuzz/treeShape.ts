import type { Node } from 'jsonc-parser';

/** A syntax tree as plain data, what every feature reads from it: types, offsets, lengths, colons, values, children. */
export function treeShape(node: Node | undefined): unknown {
  if (!node) return undefined;
  return { type: node.type, offset: node.offset, length: node.length, colonOffset: node.colonOffset, value: node.value, children: node.children?.map(treeShape) };
}
