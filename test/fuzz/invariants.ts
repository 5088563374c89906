import assert from 'node:assert/strict';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import {
  analyze,
  applyEdits,
  complete,
  documentSymbols,
  foldingRanges,
  formatEdits,
  generate,
  hover,
  selectionSpans,
  type OutlineSymbol,
  type Span,
  type TextEdit,
} from '../../server/src/core';

function assertInside(span: Span, length: number, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: ${JSON.stringify(span)} outside 0..${length}`);
}

function assertEditsApply(edits: readonly TextEdit[], length: number, what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  sorted.forEach((edit, i) => {
    assertInside(edit.span, length, what);
    if (i > 0) assert.ok(sorted[i - 1].span.end <= edit.span.start, `${what}: edits overlap`);
  });
}

/** The tokens of a text, white space and line breaks left out: what formatting must keep. */
function tokens(text: string): string[] {
  const scanner = createScanner(text, false);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    out.push(text.substr(scanner.getTokenOffset(), scanner.getTokenLength()));
  }
  return out;
}

function symbolSpans(symbols: readonly OutlineSymbol[]): Span[] {
  return symbols.flatMap((s) => [s.span, s.selectionSpan, ...symbolSpans(s.children)]);
}

/** Every invariant of the core on one document; `positions` are where completion and hover are asked. */
export function checkDocument(text: string, positions: readonly number[]): void {
  const analysis = analyze(text);
  const syntaxBroken = analysis.diagnostics.some((d) => d.code === 'LT001');
  for (const diagnostic of analysis.diagnostics) {
    assertInside(diagnostic.span, text.length, diagnostic.code);
    for (const fix of diagnostic.fixes) {
      assertEditsApply(fix.edits, text.length, `${diagnostic.code} ${fix.title}`);
      const fixed = applyEdits(text, fix.edits);
      if (!syntaxBroken) {
        const after = analyze(fixed).diagnostics.filter((d) => d.code === 'LT001');
        assert.deepEqual(after, [], `${diagnostic.code} "${fix.title}" broke the syntax:\n${text}\n---\n${fixed}`);
      }
    }
  }
  for (const raw of positions) {
    const offset = text.length === 0 ? 0 : raw % (text.length + 1);
    for (const item of complete(analysis, offset)) assertInside(item.span, text.length, `completion ${item.label}`);
    const info = hover(analysis, offset);
    if (info) assertInside(info.span, text.length, 'hover');
    for (const span of selectionSpans(analysis.model.rootNode, offset)) assertInside(span, text.length, 'selection');
  }
  for (const span of symbolSpans(documentSymbols(analysis.model))) assertInside(span, text.length, 'symbol');
  for (const fold of foldingRanges(analysis.model.rootNode, analysis.lines)) assert.ok(fold.startLine < fold.endLine);
  const edits = formatEdits(text, undefined, { tabSize: 2, insertSpaces: true });
  assertEditsApply(edits, text.length, 'format');
  for (const edit of edits) assert.match(edit.newText, /^\s*$/, 'formatting writes only white space');
  assert.deepEqual(tokens(applyEdits(text, edits)), tokens(text), 'formatting keeps every token and comment');
  const generation = generate(analysis);
  assert.ok((generation.script === undefined) !== (generation.blocking.length === 0), 'a script, or what blocks it');
}
