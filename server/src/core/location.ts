import { createScanner, findNodeAtOffset, ScanError, SyntaxKind, type Node } from 'jsonc-parser';
import { firstObjectFrom, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
import { isLeftOpen } from './parse';
import type { Span } from './text';

/** What the cursor is on, in the terms of the catalog. */
export type CursorLocation =
  /** Where a key is, or could be typed, in a catalog object; `property` when on an existing key. */
  | { readonly kind: 'key'; readonly object: ObjectModel; readonly property?: PropertyModel; readonly span: Span }
  /** Where the value of a property is, or could be typed; `item` for an element of an array value. */
  | { readonly kind: 'value'; readonly object: ObjectModel; readonly property: PropertyModel; readonly node?: Node; readonly item: boolean; readonly span: Span }
  /** Between the items of an array of objects (`HostingProviders`). */
  | { readonly kind: 'item'; readonly property: PropertyModel; readonly span: Span }
  | { readonly kind: 'none'; readonly span: Span };

const WORD = /[\w$.-]/;

/** The span of a bare word typed just before `offset` (a partial `tru`), possibly empty. */
function wordBefore(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  return { start, end: offset };
}

/**
 * The span a completion at `offset` replaces on `node`: the whole node, except for a string left open,
 * which the parser runs to the end of its line: then it ends with the word at `offset`, so that the
 * brackets and comments after it on the line stay.
 */
function spanOf(text: string, node: Node, offset: number): Span {
  const end = node.offset + node.length;
  if (!isLeftOpen(text, node)) return { start: node.offset, end };
  let stop = Math.max(node.offset + 1, Math.min(offset, end));
  while (stop < end && WORD.test(text[stop])) stop++;
  return { start: node.offset, end: stop };
}


function isAfterClose(text: string, node: Node, offset: number): boolean {
  const end = node.offset + node.length;
  return offset === end && text[end - 1] === (node.type === 'object' ? '}' : ']');
}

function objectFor(model: TopologyModel, node: Node | undefined): ObjectModel | undefined {
  const object = node && model.objects[firstObjectFrom(model.objects, node.offset)];
  return object?.node === node ? object : undefined;
}

function propertyFor(object: ObjectModel, propertyNode: Node): PropertyModel | undefined {
  return object.properties.find((p) => p.node === propertyNode);
}

/**
 * Whether `offset` lies in a comment between the children of `node` (an object, array or property): after a line
 * comment's `//` up to the end of its line, or inside a block comment (or one left open). Only the text from the
 * child before `offset` on is read, so that a list of thousands of entries is not read again.
 */
function inComment(text: string, node: Node, offset: number): boolean {
  const before = node.children?.filter((child) => child.offset + child.length <= offset).pop();
  const scanner = createScanner(text, false);
  scanner.setPosition(before ? before.offset + before.length : node.offset);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; kind = scanner.scan()) {
    const end = scanner.getTokenOffset() + scanner.getTokenLength();
    if (kind === SyntaxKind.LineCommentTrivia && offset <= end) return true;
    if (kind === SyntaxKind.BlockCommentTrivia && (offset < end || scanner.getTokenError() === ScanError.UnexpectedEndOfComment)) return true;
  }
  return false;
}

/** Whether `value`, the parser's value of a property, is the key of the next property, the value itself not yet typed. */
function isNextKey(text: string, value: Node): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(value.offset + value.length);
  return value.type === 'string' && scanner.scan() === SyntaxKind.ColonToken;
}

/** Where `offset` lies: on a key, on a value, between items, or nowhere the catalog knows. */
export function locate(model: TopologyModel, offset: number): CursorLocation {
  const none: CursorLocation = { kind: 'none', span: wordBefore(model.text, offset) };
  if (!model.rootNode) return none;
  let node = findNodeAtOffset(model.rootNode, offset, true);
  if (!node) return none;
  if ((node.type === 'object' || node.type === 'array' || node.type === 'property') && inComment(model.text, node, offset)) return none;
  // Before an opening or after a closing brace or bracket, the cursor is outside the container.
  if ((node.type === 'object' || node.type === 'array') && (offset === node.offset || isAfterClose(model.text, node, offset))) {
    // Right before the object or array a property holds, nothing but that value can go.
    if (offset === node.offset && node.parent?.type === 'property') return none;
    node = node.parent?.type === 'property' ? node.parent.parent : node.parent;
    if (!node) return none;
  }
  if (node.type === 'object') {
    const object = objectFor(model, node);
    return object ? { kind: 'key', object, span: wordBefore(model.text, offset) } : none;
  }
  if (node.type === 'property') return locateInProperty(model, node, offset, none);
  const parent = node.parent;
  if (parent?.type === 'property') {
    const object = objectFor(model, parent.parent);
    const property = object && propertyFor(object, parent);
    if (!object || !property) return none;
    if (parent.children?.[0] === node) return { kind: 'key', object, property, span: spanOf(model.text, node, offset) };
    if (node.type === 'array') return locateInArray(model, object, property, undefined, offset);
    return { kind: 'value', object, property, node, item: false, span: spanOf(model.text, node, offset) };
  }
  if (parent?.type === 'array') {
    const holder = parent.parent;
    const object = objectFor(model, holder?.parent);
    const property = object && holder && propertyFor(object, holder);
    if (!object || !property) return none;
    return locateInArray(model, object, property, node, offset);
  }
  return none;
}

function locateInProperty(model: TopologyModel, node: Node, offset: number, none: CursorLocation): CursorLocation {
  const object = objectFor(model, node.parent);
  const property = object && propertyFor(object, node);
  if (!object || !property) return none;
  const afterColon = node.colonOffset !== undefined && offset > node.colonOffset;
  if (!afterColon) {
    // Between a key and its colon, the key is replaced only from within it: a range must hold the caret.
    const key = spanOf(model.text, property.keyNode, offset);
    return offset <= key.end ? { kind: 'key', object, property, span: key } : none;
  }
  // Between the colon and a value written after it, nothing can go but in place of that value.
  const value = property.valueNode;
  if (value && offset <= value.offset && !isNextKey(model.text, value)) return none;
  return { kind: 'value', object, property, item: false, span: wordBefore(model.text, offset) };
}

function locateInArray(model: TopologyModel, object: ObjectModel, property: PropertyModel, item: Node | undefined, offset: number): CursorLocation {
  const items = property.spec?.value.kind === 'array' ? property.spec.value.items : undefined;
  if (items?.kind === 'object') return { kind: 'item', property, span: item ? spanOf(model.text, item, offset) : wordBefore(model.text, offset) };
  return { kind: 'value', object, property, node: item, item: true, span: item ? spanOf(model.text, item, offset) : wordBefore(model.text, offset) };
}
