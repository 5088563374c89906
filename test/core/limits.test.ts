import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'jsonc-parser';
import { documentSymbols, foldingRanges, type OutlineSymbol } from '../../server/src/core';
import { check, repoFile } from '../helpers';

const EXAMPLE = repoFile('examples/exchange-online.lync.jsonc');

/** Every symbol, outer levels first and each level in file order, as `level:name`. */
function breadthFirst(symbols: readonly OutlineSymbol[]): string[] {
  const names: string[] = [];
  let level = 0;
  for (let row = symbols; row.length > 0; row = row.flatMap((s) => s.children), level++) names.push(...row.map((s) => `${level}:${s.name}`));
  return names;
}

describe('the outline and the folding ranges under a result limit', () => {
  const analysis = check(EXAMPLE);
  const whole = documentSymbols(analysis.model);
  const all = breadthFirst(whole);
  const folds = foldingRanges(analysis.model.rootNode, analysis.lines);

  it('computes the whole outline and says nothing when the limit is not reached', () => {
    let exceeded = 0;
    assert.deepEqual(documentSymbols(analysis.model, { resultLimit: all.length, onResultLimitExceeded: () => exceeded++ }), whole);
    assert.equal(exceeded, 0);
    assert.ok(whole.some((s) => s.children.some((c) => c.children.length > 0)), 'the example nests three levels deep');
  });

  it('keeps the outer levels whole and in file order, nested symbols counted, and says once that it stopped', () => {
    for (const limit of [1, whole.length, whole.length + 1, Math.floor(all.length / 2), all.length - 1]) {
      let exceeded = 0;
      const cut = documentSymbols(analysis.model, { resultLimit: limit, onResultLimitExceeded: () => exceeded++ });
      assert.deepEqual(breadthFirst(cut), all.slice(0, limit), `limit ${limit}`);
      assert.equal(exceeded, 1, `limit ${limit}`);
    }
  });

  it('keeps the outer folds, in line order, and says once that it stopped', () => {
    assert.ok(folds.length >= 4, `${folds.length} folds`);
    let exceeded = 0;
    assert.deepEqual(foldingRanges(analysis.model.rootNode, analysis.lines, { resultLimit: folds.length, onResultLimitExceeded: () => exceeded++ }), folds);
    assert.equal(exceeded, 0);
    const limit = 3;
    const cut = foldingRanges(analysis.model.rootNode, analysis.lines, { resultLimit: limit, onResultLimitExceeded: () => exceeded++ });
    assert.equal(exceeded, 1);
    assert.equal(cut.length, limit);
    assert.deepEqual(cut, [...cut].sort((a, b) => a.startLine - b.startLine));
    // Kept: the folds no other fold left out encloses; each kept fold's enclosing folds are kept too.
    const encloses = (outer: { startLine: number; endLine: number }, inner: { startLine: number; endLine: number }) =>
      outer !== inner && outer.startLine <= inner.startLine && inner.endLine <= outer.endLine;
    for (const kept of cut) {
      for (const outer of folds.filter((f) => encloses(f, kept))) assert.ok(cut.some((c) => c.startLine === outer.startLine && c.endLine === outer.endLine), `${outer.startLine} encloses ${kept.startLine}`);
    }
    assert.deepEqual(cut[0], folds[0], 'the whole file folds first');
  });
});

describe('folding ranges', () => {
  /** Every object and array over more than one line, found by visiting every node and searching for its lines. */
  function everyFold(root: Node | undefined, lineOf: (offset: number) => number): string[] {
    const folds: string[] = [];
    const visit = (node: Node) => {
      const [start, end] = [lineOf(node.offset), lineOf(node.offset + node.length) - 1];
      if ((node.type === 'object' || node.type === 'array') && end > start) folds.push(`${start}-${end}`);
      node.children?.forEach(visit);
    };
    if (root) visit(root);
    return folds.sort((a, b) => parseInt(a) - parseInt(b));
  }

  it('finds every object and array that spans lines among entries on one line each, whatever the line breaks', () => {
    const users = Array.from({ length: 30 }, (_, i) =>
      i % 7 === 3 ? `{ "Identity": "sip:u${i}@contoso.com",\n      "HostedVoiceMail": true\n    }` : `{ "Identity": "sip:u${i}@contoso.com", "HostedVoiceMail": true }`,
    );
    const text = `// users\n{\n  "SipDomains": ["contoso.com",\n    "contoso.net"],\n  "Users": [\n    ${users.join(',\n    ')}\n  ], "ExchangeUM": { "Mode": "Mixed" }\n}\n`;
    for (const eol of ['\n', '\r\n', '\r']) {
      const analysis = check(text.replace(/\n/g, eol));
      const folds = foldingRanges(analysis.model.rootNode, analysis.lines).map((f) => `${f.startLine}-${f.endLine}`);
      assert.deepEqual(folds, everyFold(analysis.model.rootNode, (offset) => analysis.lines.positionAt(offset).line), JSON.stringify(eol));
      assert.equal(folds.length, 6, JSON.stringify(eol)); // the file, Users, and the four entries over three lines
    }
  });
});
