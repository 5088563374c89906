import {
  canonicalValue,
  findProperty,
  GLOBAL_POLICY,
  isCommandOnly,
  PER_USER_PREFIX,
  SECTIONS_BY_KEY,
  SHELL_OBJECT_TYPES,
  type PropertySpec,
  type SectionObjectSpec,
  type ShellObjectType,
  type ValueSpec,
} from '../catalog';
import type { ShellObject, ShellProperty, ShellTextProblem } from './shellText';
import { joinSpaceless } from './wrapping';
import { UNSAFE_CHARACTER } from '../facts/values';

/** Properties left out of the file for one reason. */
export interface LeftOut {
  readonly names: readonly string[];
  readonly why: string;
}

/** `null` where the output shows the object has none of a value the file can state as none (no per-user policy). */
export type ImportedValue = boolean | number | string | readonly string[] | null;

/** One object of the deployment, as the topology file states it. */
export interface ImportedObject {
  readonly type: ShellObjectType;
  readonly spec: SectionObjectSpec;
  readonly line: number;
  /** Parameter name to value, in the order they were read. */
  readonly values: ReadonlyMap<string, ImportedValue>;
  /** What was printed and is not in the file: the properties, and why. */
  readonly leftOut: readonly LeftOut[];
}

export interface Recognized {
  readonly objects: readonly ImportedObject[];
  /** Objects left out of the file: their line, and why (of no type the import reads, or naming nothing). */
  readonly leftOutObjects: readonly { readonly line: number; readonly why: string }[];
  readonly problems: readonly ShellTextProblem[];
}

/** A collection with more items than `$FormatEnumerationLimit`, which the list format ends with `...`. */
const CUT_SHORT = /^\{.*(\.\.\.|\u2026)\}$/;

/** The type whose marks the object prints, the one with most marks when several do. */
function typeOf(object: ShellObject): ShellObjectType | undefined {
  const names = new Set(object.properties.map((p) => p.name));
  let best: ShellObjectType | undefined;
  for (const type of SHELL_OBJECT_TYPES) {
    if (type.marks.every((m) => names.has(m)) && (!best || type.marks.length > best.marks.length)) best = type;
  }
  return best;
}

/** A policy Identity as the file writes it: `global`; `Site:<name>` as `site:<name>`; `Tag:<name>` as `<name>`. */
export function policyIdentity(stored: string): string {
  const lower = stored.toLowerCase();
  if (lower === GLOBAL_POLICY) return GLOBAL_POLICY;
  if (lower.startsWith(PER_USER_PREFIX)) return stored.slice(PER_USER_PREFIX.length);
  const colon = stored.indexOf(':');
  return colon < 0 ? stored : lower.slice(0, colon) + stored.slice(colon);
}

/** A name of an entry of another section as the file writes it: without the scope prefix that section's names may carry (`Tag:`). */
function referenced(section: string, value: string): string {
  const prefix = SECTIONS_BY_KEY.get(section)?.section.optionalPrefix;
  return prefix && value.toLowerCase().startsWith(prefix) ? value.slice(prefix.length) : value;
}

/** The parent of a distinguished name: what follows its first unescaped comma. */
function parentDn(dn: string): string | undefined {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++;
    else if (dn[i] === ',') return dn.slice(i + 1).trim() || undefined;
  }
  return undefined;
}

/** The items of a printed collection `{a, b}`, or of a separated string. */
function items(value: string, separator: string): string[] {
  const inner = /^\{(.*)\}$/.exec(value)?.[1];
  return (inner ?? value)
    .split(inner === undefined ? separator : ',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** String formats that never hold a space: a value of one the console wrapped is joined without one. */
const SPACELESS = new Set(['fqdn', 'url', 'sipDomain', 'hostName', 'sipAddress', 'phoneNumber']);

/** Whether a value of this kind holds no space but around its separators: a string of a spaceless format, or a list of them. */
function holdsNoSpace(kind: ValueSpec): boolean {
  return kind.kind === 'array' ? holdsNoSpace(kind.items) : kind.kind === 'string' && SPACELESS.has(kind.format);
}

/**
 * The kind of value a property prints for a parameter: the parameter's, but a name the type prints in one form
 * only (a user's SipAddress, read as the Identity) is of that form.
 */
function printedKind(type: ShellObjectType, spec: SectionObjectSpec, parameter: PropertySpec, renamed: boolean): ValueSpec {
  return renamed && type.printedNames && spec.section.names?.includes(parameter.name) ? { kind: 'string', format: type.printedNames.format } : parameter.value;
}

/**
 * What Export-Csv writes for a collection instead of its items: its .NET type's name, such as `System.String[]`,
 * ``System.Collections.Generic.List`1[System.String]`` or `Microsoft.Rtc.Management.WritableConfig...`.
 */
const TYPE_NAME = /^(?:(?:System|Microsoft)(?:\.[A-Z]\w*)+\[\]|(?:System|Microsoft)(?:\.[A-Z]\w*){2,}|[A-Za-z_][\w.+]*`\d+\[.*\])$/;

/** The problem of a CSV field that holds a type's name: the output does not say the items. */
function typeNameProblem(spec: PropertySpec, value: string): string {
  const joined = `@{Name='${spec.name}'; Expression={$_.${spec.name} -join '${spec.joinedWith ?? ','}'}}`;
  return (
    `${spec.name} holds ${JSON.stringify(value)}, the name of its type, not its items: Export-Csv writes a collection so. ` +
    `Export the items joined, with \`Select-Object ${joined}, * -ExcludeProperty ${spec.name}\` before Export-Csv, or paste the command's list format (\`| Format-List\`) instead.`
  );
}

/** The printed value as the parameter's type; a string is a problem to report. */
function typed(spec: PropertySpec, property: ShellProperty, printed: ValueSpec): ImportedValue | { problem: string } {
  const kind = spec.value;
  const value = holdsNoSpace(printed) && property.wrapped ? joinSpaceless(property.wrapped) : property.value;
  switch (kind.kind) {
    case 'boolean':
    case 'switch':
      if (/^true$/i.test(value)) return true;
      if (/^false$/i.test(value)) return false;
      return { problem: `${spec.name} should print True or False, not ${JSON.stringify(value)}.` };
    case 'integer': {
      const number = /^\d+$/.test(value) ? BigInt(value) : undefined;
      if (number === undefined || number < kind.min || number > kind.max || number > BigInt(Number.MAX_SAFE_INTEGER))
        return { problem: `${spec.name} should print a whole number from ${kind.min} to ${kind.max}, not ${JSON.stringify(value)}.` };
      return Number(number);
    }
    case 'enum':
      return canonicalValue(kind.values, value) ?? { problem: `${spec.name} should print one of ${kind.values.join(', ')}, not ${JSON.stringify(value)}.` };
    case 'string':
      return value;
    case 'array':
      if (spec.joinedWith !== undefined && kind.items.kind === 'string') return items(value, spec.joinedWith);
      return { problem: `${spec.name} cannot be read from printed text.` };
    default:
      return { problem: `${spec.name} cannot be read from printed text.` };
  }
}

/**
 * Why a property that copies another is left out: it repeats it; or it differs, and either the cmdlet takes one
 * of the two only (a domain's Identity or Domain), or no parameter sets it (a provider's Name) and the file
 * cannot state it. Undefined when it differs and is a parameter of its own, to be read as one.
 */
function copyWhy(spec: SectionObjectSpec, object: ShellObject, property: ShellProperty, original: string): string | undefined {
  const value = object.properties.find((p) => p.name === original)?.value;
  if (value === property.value) return `repeats the ${original}`;
  const differs = `is ${JSON.stringify(property.value)}, not the ${original}${value === undefined ? '' : ` ${JSON.stringify(value)}`}`;
  if (!findProperty(spec, property.name))
    return `${differs}; no parameter of ${spec.cmdlet} sets it, so the file cannot state it: a plan leaves it as it is, and cannot give it to a ${spec.title} it creates again`;
  if (spec.exactlyOne?.some((set) => set.includes(property.name) && set.includes(original)))
    return `${differs}; ${spec.cmdlet} takes ${original} or ${property.name}, not both, and the file states the ${original}`;
  return undefined;
}

/** The property a type prints for the parameter `parameter`: the one its readings rename to it, or the same name. */
function printedName(type: ShellObjectType, parameter: string): string {
  return Object.entries(type.readings).find(([, reading]) => reading.kind === 'renamed' && reading.parameter === parameter)?.[0] ?? parameter;
}

/**
 * Recognises each printed object's type from its properties and maps the properties back to parameters
 * through the catalog (`SHELL_OBJECT_TYPES`, then same-named parameters of the section's cmdlet). Empty values
 * are left out (nothing was set), but for a key that can state none (PropertySpec.nullMeans), which is `null`;
 * what has no parameter is listed in `leftOut`.
 */
export function recognize(objects: readonly ShellObject[]): Recognized {
  const recognized: ImportedObject[] = [];
  const leftOutObjects: { line: number; why: string }[] = [];
  const problems: ShellTextProblem[] = [];
  for (const object of objects) {
    for (const property of object.properties) {
      if (CUT_SHORT.test(property.value))
        problems.push({
          line: property.line,
          message: `${property.name} is cut short (it ends with "..."): the shell printed only the first items. Run \`$FormatEnumerationLimit = -1\`, then the command again, and paste its output.`,
        });
    }
    const type = typeOf(object);
    if (!type) {
      leftOutObjects.push({ line: object.line, why: `(${object.properties.map((p) => p.name).join(', ')}) is of no kind the import reads` });
      continue;
    }
    const spec = SECTIONS_BY_KEY.get(type.section)!;
    const values = new Map<string, ImportedValue>();
    const leftOut: LeftOut[] = [];
    const leave = (name: string, why: string) => {
      const same = leftOut.find((l) => l.why === why);
      if (same) (same.names as string[]).push(name);
      else leftOut.push({ names: [name], why });
    };
    const seen = new Map<string, ShellProperty>();
    const set = (property: ShellProperty, parameter: PropertySpec, value: ImportedValue | { problem: string }) => {
      if (value !== null && typeof value === 'object' && 'problem' in value) problems.push({ line: property.line, message: value.problem });
      else if (!(Array.isArray(value) && value.length === 0)) values.set(parameter.name, value);
    };
    for (const property of object.properties) {
      const earlier = seen.get(property.name);
      if (earlier) {
        if (earlier.value !== property.value)
          problems.push({ line: property.line, message: `${property.name} is printed twice in one object (first at line ${earlier.line}) with different values.` });
        continue;
      }
      seen.set(property.name, property);
      const reading = type.readings[property.name];
      if (reading?.kind === 'leftOut') {
        leave(property.name, reading.why);
        continue;
      }
      const copy = reading?.kind === 'copyOf' && property.value !== '' ? copyWhy(spec, object, property, reading.property) : undefined;
      if (copy !== undefined) {
        leave(property.name, copy);
        continue;
      }
      if (property.value === '') {
        // Nothing was set. Where the file can say so (`null`: no per-user policy granted), it does, so that a plan
        // knows the object has none rather than not knowing.
        const parameter = reading ? undefined : findProperty(spec, property.name);
        if (parameter?.nullMeans) values.set(parameter.name, null);
        continue;
      }
      if (reading?.kind === 'switchNamed') {
        const selected = findProperty(spec, property.value);
        if (selected?.value.kind === 'switch') values.set(selected.name, true);
        else problems.push({ line: property.line, message: `${property.name} should name a switch of ${spec.cmdlet}, not ${JSON.stringify(property.value)}.` });
        continue;
      }
      if (reading?.kind === 'parentOf') {
        const parent = parentDn(property.value);
        if (parent === undefined) leave(property.name, `not a distinguished name, so it does not give ${reading.parameter}`);
        else {
          values.set(reading.parameter, parent);
          leave(property.name, `a distinguished name, from which the file takes ${reading.parameter}`);
        }
        continue;
      }
      const name = reading?.kind === 'renamed' ? reading.parameter : property.name;
      const parameter = isCommandOnly(spec, name) ? undefined : findProperty(spec, name);
      if (!parameter || parameter.notEmitted) {
        // The file states only some of the parameters of a cmdlet that changes what exists (Set-CsUser has many more).
        leave(property.name, spec.section.modifies ? `a topology file does not manage them` : `no parameter of ${spec.cmdlet} takes them`);
        continue;
      }
      if (object.layout === 'csv' && TYPE_NAME.test(property.value)) {
        problems.push({ line: property.line, message: typeNameProblem(parameter, property.value) });
        continue;
      }
      if (UNSAFE_CHARACTER.test(property.value)) {
        problems.push({
          line: property.line,
          message: `${property.name} holds a line break or another control character, which no setting of a topology file may hold (LT105): a file with it could not be planned from. Remove it on the deployment, or from this output, and import again.`,
        });
        continue;
      }
      const printed = printedKind(type, spec, parameter, reading?.kind === 'renamed');
      set(property, parameter, reading?.kind === 'policyIdentity' ? policyIdentity(property.value) : parameter.references ? referenced(parameter.references, property.value) : typed(parameter, property, printed));
    }
    const names = spec.section.list ? (spec.section.names ?? []) : [];
    if (names.length > 0 && !names.some((name) => values.has(name))) {
      // An entry without a name is no object the file can state, nor one a plan can match.
      leftOutObjects.push({ line: object.line, why: `(${type.command}) prints no ${printedName(type, names[0])}, so it names no ${spec.title}` });
      continue;
    }
    const hidden = type.hiddenByDefault;
    if (hidden && !hidden.properties.some((name) => seen.has(name)))
      leftOut.push({ names: hidden.properties, why: `the default view hides them, so they are unknown: run \`${hidden.showWith}\` to read them` });
    recognized.push({ type, spec, line: object.line, values, leftOut });
  }
  return { objects: recognized, leftOutObjects, problems };
}
