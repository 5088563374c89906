import type { Node } from 'jsonc-parser';
import { canonicalValue, type ValueSpec } from '../catalog';
import { matchesFormat } from '../formats';
import { settingName, type TypedValue } from '../model';

/** Names the value in a message: the setting, or an item of it such as `SipDomains[1]`. */
export function valueName(value: TypedValue): string {
  const name = value.propertySpec.name;
  return settingName(value.object, value.index === undefined ? name : `${name}[${value.index}]`);
}

/** A string in angle brackets: a value a template or a fix left for the user to fill in. */
export function isPlaceholder(text: string): boolean {
  return /^\s*<[^]*>\s*$/.test(text);
}

/** Characters that have no place in a setting and could end a line of the script: C0 and C1 controls, line and paragraph separators, unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A value's text as the file writes it, such as `-0` or `18446744073709551616`, for a message to quote. */
export function writtenText(node: Node, text: string): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** A JSON number written as a whole number in digits, exactly (beyond double precision too); undefined for anything else. */
export function wholeNumber(node: Node, text: string): bigint | undefined {
  if (node.type !== 'number') return undefined;
  const digits = writtenText(node, text);
  return /^-?\d+$/.test(digits) ? BigInt(digits) : undefined;
}

/** Whether a value has the JSON type its spec asks for: a boolean, a whole number in digits, a string, an array or an object. */
export function hasType(spec: ValueSpec, node: Node, text: string): boolean {
  switch (spec.kind) {
    case 'boolean':
    case 'switch':
      return node.type === 'boolean';
    case 'integer':
      return wholeNumber(node, text) !== undefined;
    case 'string':
    case 'enum':
      return node.type === 'string';
    case 'array':
      return node.type === 'array';
    case 'object':
      return node.type === 'object';
  }
}

/** Whether a value is a `null` its key may hold (PropertySpec.nullMeans): the key's own value, never an item of a list. */
export function isAllowedNull(value: TypedValue): boolean {
  return value.node.type === 'null' && value.index === undefined && value.propertySpec.nullMeans !== undefined;
}

/** Whether a value has the type, and lies within the values, range and format, its spec asks for. */
export function isWellFormed(spec: ValueSpec, node: Node, text: string): boolean {
  if (!hasType(spec, node, text)) return false;
  switch (spec.kind) {
    case 'integer': {
      const number = wholeNumber(node, text)!;
      return number >= spec.min && number <= spec.max;
    }
    case 'enum':
      return canonicalValue(spec.values, node.value as string) !== undefined;
    case 'string':
      return !isPlaceholder(node.value as string) && !UNSAFE_CHARACTER.test(node.value as string) && matchesFormat(spec.format, node.value as string);
    default:
      return true;
  }
}
