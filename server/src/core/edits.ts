import { createScanner, ScanError, SyntaxKind, type Node } from 'jsonc-parser';
import type { JsonScalar } from './catalog';
import type { TextEdit } from './diagnostics';
import { SUPPRESSION_MARKER } from './severity';
import { lineBreakOf } from './text';

/** Whether a piece of one line holds only white space and whole comments, none of them a suppression comment. */
export function isCommentsOnly(piece: string): boolean {
  // Every comment starts with a slash: without one, only white space is comments only (and no scanner is needed).
  if (!piece.includes('/')) return piece.trim() === '';
  const scanner = createScanner(piece, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia) continue;
    const comment = kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    if (!comment || scanner.getTokenError() !== ScanError.None || scanner.getTokenValue().includes(SUPPRESSION_MARKER)) return false;
  }
  return true;
}

function hasLineComment(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) if (kind === SyntaxKind.LineCommentTrivia) return true;
  return false;
}

/**
 * Builds the text edits of fixes straight from the syntax tree, in the document's own indentation.
 * An insertion after existing entries carries its own comma, so several stack at one point; one
 * into an empty object or array replaces the whole of it, so that two such conflict instead.
 */
export class EditBuilder {
  private unit: string | undefined;
  /** The document's own line break, used in every text inserted. */
  readonly eol: string;

  constructor(readonly text: string) {
    this.eol = lineBreakOf(text);
  }

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

  /**
   * Removes one property of an object, or one item of an array: its own text, its separating comma
   * (its own, else the one before it when it is the last entry) and the comments on its own line(s),
   * and the line itself when nothing else is left on it. Comments on other lines stay, and so does any
   * suppression comment, which speaks of the line after it: a line a suppression comment points at is
   * emptied, not deleted, so that the comment does not move on to the next line.
   */
  remove(node: Node): TextEdit {
    const own = node.parent?.type === 'property' ? node.parent : node;
    const list = own.parent?.children ?? [own];
    const index = list.indexOf(own);
    const ownEnd = own.offset + own.length;
    const ownComma = this.commaAfter(ownEnd);
    const cut = ownComma >= 0 ? ownComma + 1 : ownEnd;
    // A suppression comment inside the entry speaks of a line that stays, and comments between the entry
    // and its comma are not on its own line: keep every comment and line break there, in place.
    if (this.text.slice(own.offset, cut).includes(SUPPRESSION_MARKER) || /\S/.test(this.text.slice(ownEnd, cut - 1))) {
      return { span: { start: own.offset, end: cut }, newText: this.triviaOf(own.offset, cut) };
    }
    const previous = ownComma < 0 && index > 0 ? list[index - 1] : undefined;
    const previousComma = previous ? this.commaAfter(previous.offset + previous.length) : -1;
    let start = own.offset;
    let end = cut;
    const lineStart = this.lineStartOf(start);
    const lineEnd = this.lineEndOf(end);
    const before = this.text.slice(lineStart, start);
    const after = this.text.slice(end, lineEnd);
    if (/^[ \t]*$/.test(before) && isCommentsOnly(after)) {
      start = lineStart;
      end = this.pointedAt(lineStart) ? lineEnd : lineEnd + this.lineBreakAt(lineEnd).length;
    } else if (/\S/.test(after)) {
      end += /^[ \t]*/.exec(after)![0].length;
    } else {
      start -= /[ \t]*$/.exec(before)![0].length;
    }
    if (previousComma < 0) return { span: { start, end }, newText: '' };
    return { span: { start: previousComma, end }, newText: this.text.slice(previousComma + 1, start) };
  }

  /** Adds `"name": value` as the last property of an object. */
  insertProperty(objectNode: Node, name: string, value: unknown): TextEdit {
    return this.insertProperties(objectNode, [[name, value]]);
  }

  /** Adds `"name": value` pairs, in order, as the last properties of an object: one edit, which a client applies whole. */
  insertProperties(objectNode: Node, entries: readonly (readonly [string, unknown])[]): TextEdit {
    const children = objectNode.children ?? [];
    const baseIndent = this.indentOfLine(objectNode.offset);
    const written = (indent: string, separator: string) => entries.map(([name, value]) => `"${escapeKey(name)}": ${this.json(value, indent)}`).join(`,${separator}`);
    if (children.length === 0) {
      const childIndent = baseIndent + this.indentUnit();
      return this.fillEmpty(objectNode, '{', written(childIndent, `${this.eol}${childIndent}`), childIndent, '}', baseIndent);
    }
    const last = children[children.length - 1];
    const inline = !this.startsLine(last.offset) && !this.lineCommentTrails(last);
    const indent = inline ? '' : this.startsLine(last.offset) ? this.indentOfLine(last.offset) : this.indentOfLine(last.offset) + this.indentUnit();
    const separator = inline ? ' ' : `${this.eol}${indent}`;
    return this.after(last, separator, written(indent || baseIndent + this.indentUnit(), separator));
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
    return this.after(last, inline && typeof value !== 'object' && !this.lineCommentTrails(last) ? ' ' : `${this.eol}${indent}`, item);
  }

  /**
   * Places `entry` after the last one: after its trailing comma, with a comma of its own, when it has
   * one; else behind a new comma. Either way several such insertions at one point stack. Comments that
   * trail the last entry on its line stay with it: the entry goes after them, in one edit that writes
   * them again (and so conflicts with another such insertion, which waits for the next round of fixes).
   */
  private after(last: Node, separator: string, entry: string): TextEdit {
    const { at, hasComma } = this.placeAfter(last);
    const [ownComma, nextComma] = hasComma ? ['', ','] : [',', ''];
    const comments = this.trailingCommentsEnd(at);
    return this.keepingLine({ span: { start: at, end: comments }, newText: `${ownComma}${this.text.slice(at, comments)}${separator}${entry}${nextComma}` });
  }

  /** Whether a line comment trails `last` (and its comma) on its line, so that what goes after it starts a new line. */
  private lineCommentTrails(last: Node): boolean {
    const { at } = this.placeAfter(last);
    return hasLineComment(this.text.slice(at, this.trailingCommentsEnd(at)));
  }

  /** Where what follows `last` goes: just after the comma that follows it, if one does, else just after it. */
  private placeAfter(last: Node): { at: number; hasComma: boolean } {
    const end = last.offset + last.length;
    const comma = this.commaAfter(end);
    return comma >= 0 ? { at: comma + 1, hasComma: true } : { at: end, hasComma: false };
  }

  /**
   * Where the comments that follow `offset` on its line end, before the next token or line break; `offset`
   * when none does. A suppression comment and what follows it are not taken: it speaks of the next line,
   * which must stay the one after it.
   */
  private trailingCommentsEnd(offset: number): number {
    const scanner = createScanner(this.text, false);
    scanner.setPosition(offset);
    let end = offset;
    for (let kind = scanner.scan(); kind === SyntaxKind.Trivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia; kind = scanner.scan()) {
      if (kind === SyntaxKind.Trivia) continue;
      if (scanner.getTokenValue().includes(SUPPRESSION_MARKER) || scanner.getTokenError() !== ScanError.None) break;
      end = scanner.getTokenOffset() + scanner.getTokenLength();
    }
    return end;
  }

  /**
   * The edit on one line, when it would break a line a suppression comment points at: what follows
   * the edit there would move to a new line, out of the comment's reach.
   */
  private keepingLine(edit: TextEdit): TextEdit {
    const lineStart = this.lineStartOf(edit.span.end);
    const rest = this.text.slice(edit.span.end, this.lineEndOf(edit.span.end));
    const flat = edit.newText.replace(/(?:\r\n?|\n)[ \t]*/g, ' ');
    const breaksLine = flat !== edit.newText && !/[\r\n]/.test(this.text.slice(edit.span.start, edit.span.end));
    if (!breaksLine || isCommentsOnly(rest) || !this.pointedAt(lineStart) || hasLineComment(edit.newText)) return edit;
    return { span: edit.span, newText: flat };
  }

  /** Replaces an empty object or array, comments inside it included, by one holding `entry`. */
  private fillEmpty(node: Node, open: string, entry: string, childIndent: string, close: string, baseIndent: string): TextEdit {
    if (this.text[node.offset + node.length - 1] !== close || node.length < 2) {
      return this.keepingLine({ span: { start: node.offset + 1, end: node.offset + 1 }, newText: `${this.eol}${childIndent}${entry}` });
    }
    const inner = this.text.slice(node.offset + 1, node.offset + node.length - 1).trim();
    const kept = inner ? `${this.eol}${childIndent}${inner}` : '';
    return this.keepingLine({
      span: { start: node.offset, end: node.offset + node.length },
      newText: `${open}${kept}${this.eol}${childIndent}${entry}${this.eol}${baseIndent}${close}`,
    });
  }

  /** JSON text of a value, its inner lines indented to sit at `indent`. */
  json(value: unknown, indent: string): string {
    return JSON.stringify(value, null, this.indentUnit()).replace(/\n/g, `${this.eol}${indent}`);
  }

  /** The document's indentation step, guessed from its first indented line; two spaces when it has none. */
  indentUnit(): string {
    if (this.unit === undefined) {
      const match = /[\r\n]([ \t]+)\S/.exec(this.text);
      this.unit = match ? (match[1].startsWith('\t') ? '\t' : match[1]) : '  ';
    }
    return this.unit;
  }

  /** The white space a line starts with, for the line holding `offset`. */
  indentOfLine(offset: number): string {
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

  private lineEndOf(offset: number): number {
    let end = offset;
    while (end < this.text.length && this.text[end] !== '\n' && this.text[end] !== '\r') end++;
    return end;
  }

  /** The line break at `offset`, or '' at the end of the text. */
  private lineBreakAt(offset: number): string {
    return this.text[offset] === '\r' && this.text[offset + 1] === '\n' ? '\r\n' : this.text.slice(offset, offset + 1);
  }

  /** Whether the line before the one starting at `lineStart` holds a suppression comment, which points at this line. */
  private pointedAt(lineStart: number): boolean {
    if (lineStart === 0) return false;
    const previousEnd = this.text.startsWith('\r\n', lineStart - 2) ? lineStart - 2 : lineStart - 1;
    return this.text.slice(this.lineStartOf(previousEnd), previousEnd).includes(SUPPRESSION_MARKER);
  }

  /** The comments, white space and line breaks between two offsets, without the tokens between them. */
  private triviaOf(start: number, end: number): string {
    const scanner = createScanner(this.text.slice(start, end), false);
    let kept = '';
    for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
      if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
        kept += this.text.substr(start + scanner.getTokenOffset(), scanner.getTokenLength());
      }
    }
    return kept;
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
