import { createScanner, SyntaxKind, type Node } from 'jsonc-parser';
import type { JsonScalar } from './catalog';
import type { TextEdit } from './diagnostics';

/**
 * Builds the text edits of fixes straight from the syntax tree, in the document's own indentation.
 * An insertion after existing entries carries its own comma, so several stack at one point; one
 * into an empty object or array replaces the whole of it, so that two such conflict instead.
 */
export class EditBuilder {
  private unit: string | undefined;

  constructor(readonly text: string) {}

  replace(node: Node, value: JsonScalar): TextEdit {
    return { span: { start: node.offset, end: node.offset + node.length }, newText: JSON.stringify(value) };
  }

  /** The source text of a node, as written. */
  textOf(node: Node): string {
    return this.text.slice(node.offset, node.offset + node.length);
  }

  replaceWithText(node: Node, newText: string): TextEdit {
    return { span: { start: node.offset, end: node.offset + node.length }, newText };
  }

  /** Removes one property of an object, or one item of an array, with the comma that separates it. */
  remove(node: Node): TextEdit {
    const siblings = node.parent?.type === 'property' ? node.parent.parent?.children : node.parent?.children;
    const own = node.parent?.type === 'property' ? node.parent : node;
    const list = siblings ?? [own];
    const index = list.indexOf(own);
    const end = own.offset + own.length;
    if (index >= 0 && index < list.length - 1) return { span: { start: own.offset, end: list[index + 1].offset }, newText: '' };
    if (index > 0) {
      const previous = list[index - 1];
      return { span: { start: previous.offset + previous.length, end }, newText: '' };
    }
    const comma = this.commaAfter(end);
    return { span: { start: own.offset, end: comma >= 0 ? comma + 1 : end }, newText: '' };
  }

  /** Adds `"name": value` as the last property of an object. */
  insertProperty(objectNode: Node, name: string, value: unknown): TextEdit {
    const children = objectNode.children ?? [];
    const baseIndent = this.indentOfLine(objectNode.offset);
    if (children.length === 0) {
      const childIndent = baseIndent + this.indentUnit();
      return this.fillEmpty(objectNode, '{', `"${escapeKey(name)}": ${this.json(value, childIndent)}`, childIndent, '}', baseIndent);
    }
    const last = children[children.length - 1];
    const inline = !this.startsLine(last.offset);
    const indent = inline ? '' : this.indentOfLine(last.offset);
    const entry = `"${escapeKey(name)}": ${this.json(value, indent || baseIndent + this.indentUnit())}`;
    return this.after(last, inline ? ' ' : `\n${indent}`, entry);
  }

  /** Adds a value as the last item of an array. */
  appendItem(arrayNode: Node, value: unknown): TextEdit {
    const children = arrayNode.children ?? [];
    if (children.length === 0) {
      const baseIndent = this.indentOfLine(arrayNode.offset);
      const childIndent = baseIndent + this.indentUnit();
      return this.fillEmpty(arrayNode, '[', this.json(value, childIndent), childIndent, ']', baseIndent);
    }
    const last = children[children.length - 1];
    const inline = !this.startsLine(last.offset);
    const indent = inline ? this.indentOfLine(last.offset) + this.indentUnit() : this.indentOfLine(last.offset);
    const item = this.json(value, indent);
    return this.after(last, inline && typeof value !== 'object' ? ' ' : `\n${indent}`, item);
  }

  /**
   * Places `entry` after the last one: after its trailing comma, with a comma of its own, when it has
   * one; else behind a new comma. Either way several such insertions at one point stack.
   */
  private after(last: Node, separator: string, entry: string): TextEdit {
    const end = last.offset + last.length;
    const comma = this.commaAfter(end);
    if (comma >= 0) return { span: { start: comma + 1, end: comma + 1 }, newText: `${separator}${entry},` };
    return { span: { start: end, end }, newText: `,${separator}${entry}` };
  }

  /** Replaces an empty object or array, comments inside it included, by one holding `entry`. */
  private fillEmpty(node: Node, open: string, entry: string, childIndent: string, close: string, baseIndent: string): TextEdit {
    if (this.text[node.offset + node.length - 1] !== close || node.length < 2) {
      return { span: { start: node.offset + 1, end: node.offset + 1 }, newText: `\n${childIndent}${entry}` };
    }
    const inner = this.text.slice(node.offset + 1, node.offset + node.length - 1).trim();
    const kept = inner ? `\n${childIndent}${inner}` : '';
    return {
      span: { start: node.offset, end: node.offset + node.length },
      newText: `${open}${kept}\n${childIndent}${entry}\n${baseIndent}${close}`,
    };
  }

  /** JSON text of a value, its inner lines indented to sit at `indent`. */
  json(value: unknown, indent: string): string {
    return JSON.stringify(value, null, this.indentUnit()).replace(/\n/g, `\n${indent}`);
  }

  /** The document's indentation step, guessed from its first indented line; two spaces when it has none. */
  indentUnit(): string {
    if (this.unit === undefined) {
      const match = /\n([ \t]+)\S/.exec(this.text);
      this.unit = match ? (match[1].startsWith('\t') ? '\t' : match[1]) : '  ';
    }
    return this.unit;
  }

  private indentOfLine(offset: number): string {
    const start = this.lineStartOf(offset);
    let end = start;
    while (end < this.text.length && (this.text[end] === ' ' || this.text[end] === '\t')) end++;
    return this.text.slice(start, end);
  }

  private startsLine(offset: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStartOf(offset), offset));
  }

  private lineStartOf(offset: number): number {
    let start = offset;
    while (start > 0 && this.text[start - 1] !== '\n' && this.text[start - 1] !== '\r') start--;
    return start;
  }

  /** Offset of a comma that follows `offset` across white space and comments only, or -1. */
  private commaAfter(offset: number): number {
    const scanner = createScanner(this.text, false);
    scanner.setPosition(offset);
    for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
      if (kind === SyntaxKind.CommaToken) return scanner.getTokenOffset();
      if (kind !== SyntaxKind.Trivia && kind !== SyntaxKind.LineBreakTrivia && kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) return -1;
    }
    return -1;
  }
}

function escapeKey(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}
