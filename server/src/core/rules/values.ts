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

/** Whether a value has the type, and lies within the values, range and format, its spec asks for. */
export function isWellFormed(spec: ValueSpec, node: Node, text: string): boolean {
  switch (spec.kind) {
    case 'boolean':
    case 'switch':
      return node.type === 'boolean';
    case 'integer': {
      const digits = node.type === 'number' ? text.slice(node.offset, node.offset + node.length) : '';
      return /^-?\d+$/.test(digits) && BigInt(digits) >= spec.min && BigInt(digits) <= spec.max;
    }
    case 'enum':
      return node.type === 'string' && canonicalValue(spec.values, node.value as string) !== undefined;
    case 'string':
      return node.type === 'string' && !isPlaceholder(node.value as string) && !UNSAFE_CHARACTER.test(node.value as string) && matchesFormat(spec.format, node.value as string);
    case 'array':
      return node.type === 'array';
    case 'object':
      return node.type === 'object';
  }
}
