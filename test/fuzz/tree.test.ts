import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { PARSE_OPTIONS } from '../../server/src/core/parse';
import { parseSyntaxTree } from '../../server/src/core/tree';
import { anyDocument } from './documents';
import { TEXTS } from './editedTexts';
import { treeShape } from './treeShape';

/** Whether every child names its parent, as jsonc-parser's nodes do. */
function parentsAgree(node: Node): boolean {
  return (node.children ?? []).every((child) => child.parent === node && parentsAgree(child));
}

/** How many objects and arrays lie inside one another at the deepest point of `node`. */
function depthOf(node: Node | undefined): number {
  if (!node) return 0;
  const inner = Math.max(0, ...(node.children ?? []).map(depthOf));
  return inner + (node.type === 'object' || node.type === 'array' ? 1 : 0);
}

function compare(text: string): void {
  const expectedErrors: ParseError[] = [];
  const expected = parseTree(text, expectedErrors, PARSE_OPTIONS);
  const errors: ParseError[] = [];
  const { root, depth } = parseSyntaxTree(text, errors, PARSE_OPTIONS);
  assert.deepEqual(treeShape(root), treeShape(expected));
  assert.deepEqual(errors, expectedErrors);
  assert.equal(depth, depthOf(expected));
  if (root) assert.ok(parentsAgree(root), 'every child names its parent');
}

describe('the syntax tree', () => {
  it('is the tree jsonc-parser parseTree gives, with the same errors, for every fuzz document', () => {
    fc.assert(fc.property(anyDocument, compare), { seed: 31, numRuns: 1500 });
  });

  it('is the tree jsonc-parser parseTree gives for the edited texts, and for each of them cut off anywhere', () => {
    for (const text of TEXTS) {
      compare(text);
      for (let end = 0; end < text.length; end += 7) compare(text.slice(0, end));
    }
  });
});
