import { parseTree, type Node } from 'jsonc-parser';
import type { ValueSpec } from '../catalog';
import type { Fix } from '../diagnostics';
import type { EditBuilder } from '../edits';
import { spanOf } from '../model';
import { fix, type Rule } from './rule';
import { hasType, isAllowedNull, isWellFormed, valueName } from '../facts/values';

/** The JSON type a value spec asks for, as messages say it. */
function expected(spec: ValueSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return 'true or false (a JSON boolean, without quotes)';
    case 'switch':
      return 'true to pass the switch, or false to leave it out';
    case 'integer':
      return `a whole number written in digits (${spec.typeName})`;
    case 'string':
    case 'enum':
      return 'a string in double quotes';
    case 'array':
      return 'an array [ ... ]';
    case 'object':
      return 'an object { ... }';
  }
}

/** Whether `json`, one JSON value, is right for `spec`: of its type, and within its values, range and format. */
function isRightAs(spec: ValueSpec, json: string): boolean {
  const node = parseTree(json);
  return node !== undefined && isWellFormed(spec, node, json);
}

/**
 * The fix that writes the same value with the right JSON type, where there is exactly one reading and
 * the value is then right: quoting 42 gives no SIP domain, and a fix must not trade one error for another.
 */
function retype(spec: ValueSpec, node: Node, edits: EditBuilder): Fix[] {
  const value: unknown = node.value;
  if (spec.kind === 'boolean' || spec.kind === 'switch') {
    const word = typeof value === 'string' ? value.trim().replace(/^\$/, '').toLowerCase() : undefined;
    const truth = word === 'true' || value === 1 ? true : word === 'false' || value === 0 ? false : undefined;
    return truth === undefined ? [] : [fix(`Change to ${truth}`, [edits.replace(node, truth)])];
  }
  if (spec.kind === 'integer' && typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    const digits = value.trim().replace(/^0+(?=\d)/, '');
    return isRightAs(spec, digits) ? [fix(`Change to ${digits}`, [edits.replaceWithText(node, digits)])] : [];
  }
  if ((spec.kind === 'string' || spec.kind === 'enum') && (node.type === 'number' || node.type === 'boolean')) {
    const text = edits.textOf(node);
    return isRightAs(spec, JSON.stringify(text)) ? [fix(`Change to "${text}"`, [edits.replace(node, text)])] : [];
  }
  if (spec.kind === 'array' && spec.items.kind !== 'object' && spec.items.kind !== 'array' && node.type === 'string') {
    // A list the cmdlet takes as one comma-separated string may be written that way: each item becomes an entry,
    // when every item is then right.
    const items = (node.value as string).split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (items.length > 1 && items.every((item) => isRightAs(spec.items, JSON.stringify(item)))) return [fix('Split the list into an array', [edits.replaceWithText(node, `[${items.map((item) => JSON.stringify(item)).join(', ')}]`)])];
    return [fix('Put the value in an array', [edits.replaceWithText(node, `[${edits.textOf(node)}]`)])];
  }
  return [];
}

export const valueType: Rule = {
  code: 'LT101',
  name: 'wrong-type',
  severity: 'error',
  blocksGeneration: true,
  check({ model, report }) {
    if (model.rootNode && model.rootNode.type !== 'object') {
      report(spanOf(model.rootNode), 'A topology file holds one JSON object { ... } at the top level.');
    }
  },
  checkObject({ model, values, edits, report }) {
    for (const value of values) {
      if (hasType(value.spec, value.node, model.text) || isAllowedNull(value)) continue;
      const number = value.spec.kind === 'integer' && value.node.type === 'number';
      const orNull = value.index === undefined && value.propertySpec.nullMeans ? `, or null (${value.propertySpec.nullMeans.summary})` : '';
      report(
        spanOf(value.node),
        number
          ? `${valueName(value)} must be a whole number written in digits, without a fraction or exponent.`
          : `${valueName(value)} must be ${expected(value.spec)}${orNull}.`,
        retype(value.spec, value.node, edits),
      );
    }
  },
};
