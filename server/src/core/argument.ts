import { getNodeValue, type Node } from 'jsonc-parser';
import { canonicalValue, type PropertySpec } from './catalog';
import { writtenText } from './facts/values';
import type { PropertyModel } from './model';
import { psQuote } from './quote';

/** A parameter's value as a file states it; `null` only where a plan takes a grant away (`-PolicyName $Null`). */
export type ParameterValue = boolean | number | string | readonly string[] | null;

/**
 * The value a file states for a parameter (`node`, a value of `text`). A whole number stays a JSON number while
 * that is exact; past 2^53 (a UInt64) it is kept as the digits the file writes, so that it is neither rounded
 * when written nor taken for another number when compared.
 */
export function statedValue(spec: PropertySpec, node: Node, text: string): ParameterValue {
  const value = getNodeValue(node) as ParameterValue;
  return spec.value.kind === 'integer' && node.type === 'number' && !Number.isSafeInteger(value) ? writtenText(node, text) : value;
}

/**
 * What a granted property (PropertySpec.grant) of an entry states: the name of the policy to grant, `null` to
 * take the per-user policy away (PropertySpec.nullMeans), undefined when it is no grant or holds neither.
 */
export function grantedValue(property: PropertyModel): string | null | undefined {
  const spec = property.spec;
  const node = property.valueNode;
  if (!spec?.grant || !node) return undefined;
  if (node.type === 'string') return node.value as string;
  return node.type === 'null' && spec.nullMeans ? null : undefined;
}

/**
 * How a value is written after its parameter name on a command line, by the parameter's catalog type (`spec`;
 * undefined for a parameter the catalog does not type, such as a grant's -PolicyName, which takes a string):
 * a switch bare (`''`) when true and left out (undefined) when false, Booleans `$True`/`$False`, `null` as
 * `$Null`, numbers in digits, enumeration values bare in their canonical spelling (about_Parsing: argument mode
 * reads them as strings), an array as the one string its cmdlet takes (`joinedWith`), any other string in single
 * quotes (quote.ts). Throws for a value it cannot write or that is not of the parameter's type (a string for a
 * Boolean or a number), rather than leave out a setting the file states or write what it does not.
 */
export function psArgument(spec: PropertySpec | undefined, value: ParameterValue): string | undefined {
  if (value === null) return '$Null';
  const kind = spec?.value ?? { kind: 'string' };
  switch (kind.kind) {
    case 'switch':
      if (typeof value === 'boolean') return value ? '' : undefined;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? '$True' : '$False';
      break;
    case 'integer':
      // Digits only: a number, or the digits of a UInt64 past 2^53 (statedValue); anything else would be code.
      if ((typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?[0-9]+$/.test(value))) return String(value);
      break;
    case 'enum':
      return canonicalValue(kind.values, String(value)) ?? psQuote(String(value));
    case 'string':
      return psQuote(String(value));
    case 'array':
      // An array the cmdlet does not take as one string is not something a command line here can pass.
      if (spec?.joinedWith !== undefined) {
        const passed = passedValue(spec, value);
        if (typeof passed === 'string') return psQuote(passed);
      }
      break;
  }
  throw new Error(`${spec?.name}: Lync Topology cannot write this ${kind.kind} value on a command line`);
}

/**
 * The value a command line passes for a parameter, as data (a plan's `--format json`): an array the cmdlet takes
 * as one string joined as it is written (`joinedWith`; an already joined string as it is), an enumeration value
 * in its canonical spelling, anything else as stated.
 */
export function passedValue(spec: PropertySpec | undefined, value: ParameterValue): ParameterValue {
  const kind = spec?.value;
  if (kind?.kind === 'array' && spec?.joinedWith !== undefined && Array.isArray(value)) return value.join(spec.joinedWith);
  if (kind?.kind === 'enum' && typeof value === 'string') return canonicalValue(kind.values, value) ?? value;
  return value;
}
