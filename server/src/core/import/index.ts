import { DEFAULT_SERVER_VERSION, findProperty, SECTIONS, SERVER_VERSIONS, type ServerVersion } from '../catalog';
import { nameKey } from '../model';
import { recognize, type ImportedObject, type ImportedValue } from './recognize';
import { readShellText } from './shellText';

/** One pasted text: a file's content, the clipboard, standard input. `name` says where it came from. */
export interface ShellSource {
  readonly name: string;
  readonly text: string;
}

export interface ImportProblem {
  /** The source's name. */
  readonly source: string;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export interface ImportResult {
  /** The topology file, or undefined when any problem keeps it from being written. */
  readonly text: string | undefined;
  readonly problems: readonly ImportProblem[];
}

/** Widest line an entry is written on before it is spread over several lines, as the examples are. */
const LINE_WIDTH = 120;

/** Comment text on one line, whatever the value holds (a file name may hold a line break). */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex -- line breaks and controls would end or garble the comment
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** `// ` lines holding `text`, broken at spaces so that each stays within the line width where it can. */
function comment(indent: string, text: string): string {
  const prefix = `${indent}// `;
  const lines: string[] = [];
  let line = '';
  for (const word of commentText(text).split(' ')) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(prefix + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, prefix + line].join('\n');
}

/** A value as JSON, arrays with a space after each comma as the examples write them. */
function json(value: ImportedValue | undefined): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]` : JSON.stringify(value);
}

/** An object's members on one line when it fits, else one per line (always for the one-object Edge section). */
function entryText(values: ReadonlyMap<string, ImportedValue>, order: readonly string[], indent: string, spread: boolean): string {
  const inner = `${indent}  `;
  const names = [...values.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const members = names.map((name) => `${JSON.stringify(name)}: ${json(values.get(name))}`);
  const oneLine = `{ ${members.join(', ')} }`;
  if (members.length === 0) return '{}';
  if (!spread && indent.length + oneLine.length + 1 <= LINE_WIDTH) return oneLine;
  return `{\n${members.map((m) => `${inner}${m}`).join(',\n')}\n${indent}}`;
}

function leftOutComment(indent: string, object: ImportedObject): string[] {
  return object.leftOut.length === 0 ? [] : [comment(indent, `Left out of ${object.type.command}: ${object.leftOut.map((l) => `${l.names.join(', ')} (${l.why})`).join('; ')}.`)];
}

/**
 * The earliest server version that has every parameter read, when it is later than the default: output with
 * Skype for Business Server properties comes from at least that version, and the file must say so to be clean.
 */
function versionOf(objects: readonly ImportedObject[]): ServerVersion | undefined {
  let latest = SERVER_VERSIONS.indexOf(DEFAULT_SERVER_VERSION);
  for (const object of objects)
    for (const name of object.values.keys()) {
      const since = findProperty(object.spec, name)?.since;
      if (since) latest = Math.max(latest, SERVER_VERSIONS.indexOf(since));
    }
  return latest > SERVER_VERSIONS.indexOf(DEFAULT_SERVER_VERSION) ? SERVER_VERSIONS[latest] : undefined;
}

/** The topology file: sections in the catalog's order, entries in the order they were printed. */
function write(objects: readonly Sourced[], header: readonly string[]): string {
  const lines = [...header.map((h) => comment('', h)), '{'];
  const sections: string[][] = [];
  const version = versionOf(objects);
  if (version) sections.push([comment('  ', `The output has parameters that ${version} and later have.`), `  "ServerVersion": ${JSON.stringify(version)}`]);
  for (const spec of SECTIONS) {
    const own = objects.filter((o) => o.spec === spec);
    if (own.length === 0) continue;
    const order = spec.properties.map((p) => p.name);
    const key = JSON.stringify(spec.section.key);
    if (!spec.section.list) {
      const object = own[0];
      sections.push([...leftOutComment('  ', object), `  ${key}: ${entryText(object.values, order, '  ', true)}`]);
      continue;
    }
    const entries = own.map((object, index) => [
      ...leftOutComment('    ', object),
      `    ${entryText(object.values, order, '    ', false)}${index < own.length - 1 ? ',' : ''}`,
    ]);
    sections.push([`  ${key}: [`, ...entries.flat(), '  ]']);
  }
  sections.forEach((section, index) => {
    if (index < sections.length - 1) section[section.length - 1] += ',';
    lines.push(...section);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

type Sourced = ImportedObject & { readonly source: string };

/** An object's values but its names, to compare two objects of one name. */
function settingsOf(object: Sourced): string {
  const names = object.spec.section.names ?? [];
  return JSON.stringify([...object.values].filter(([name]) => !names.includes(name)));
}

/**
 * Each entry of a list once: the same object pasted twice is read once; two objects of one kind named alike
 * are a problem (the deployment has one of them), whether their values differ or only their names' letter case,
 * which the server does not tell apart.
 */
function once(objects: readonly Sourced[], problems: ImportProblem[]): Sourced[] {
  const seen = new Map<string, { object: Sourced; name: string }>();
  const kept: Sourced[] = [];
  for (const object of objects) {
    const section = object.spec.section;
    const name = section.names?.map((n) => object.values.get(n)).find((v) => typeof v === 'string');
    const key = section.list && typeof name === 'string' ? `${section.key}\n${nameKey(section, name)}` : undefined;
    const earlier = key === undefined ? undefined : seen.get(key);
    if (!earlier) {
      if (key !== undefined) seen.set(key, { object, name: name as string });
      kept.push(object);
      continue;
    }
    const where = `line ${earlier.object.line} of ${earlier.object.source}`;
    const otherValues = settingsOf(earlier.object) !== settingsOf(object);
    if (earlier.name !== name) {
      const also = otherValues ? ', here with other values too' : '';
      problems.push({
        source: object.source,
        line: object.line,
        message: `${object.type.command} printed ${JSON.stringify(earlier.name)} (${where}) and ${JSON.stringify(name)}${also}: the server compares these names without regard to letter case, so they cannot be two objects of the deployment. Paste one output of each command.`,
      });
    } else if (otherValues)
      problems.push({
        source: object.source,
        line: object.line,
        message: `${object.type.command} printed ${JSON.stringify(name)} before (${where}) with other values: paste one output of each command.`,
      });
  }
  return kept;
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * What the Management Shell printed, as a topology file (JSONC, formatted like the examples, headed by a
 * comment naming the sources and the commands read). Problems (a source without any output, unreadable lines
 * with their numbers, cut-short collections, values of the wrong type, a second Edge configuration) mean no file.
 */
export function importShellOutput(sources: readonly ShellSource[]): ImportResult {
  const problems: ImportProblem[] = [];
  const objects: Sourced[] = [];
  const leftOut: string[] = [];
  for (const source of sources) {
    const read = readShellText(source.text);
    if (read.objects.length === 0 && read.problems.length === 0)
      problems.push({
        source: source.name,
        line: 1,
        message: `No Management Shell output was found in ${source.name}: no \`Name : Value\` line of the list format, no CSV row. Paste what a Get-Cs* command printed.`,
      });
    const recognized = recognize(read.objects);
    for (const p of [...read.problems, ...recognized.problems]) problems.push({ source: source.name, ...p });
    objects.push(...recognized.objects.map((o) => ({ ...o, source: source.name })));
    for (const o of recognized.leftOutObjects) leftOut.push(`the object at line ${o.line} of ${source.name} ${o.why}`);
  }
  const unique = once(objects, problems);
  const edges = unique.filter((o) => !o.spec.section.list);
  for (const extra of edges.slice(1))
    problems.push({ source: extra.source, line: extra.line, message: `A second ${extra.type.command} object: the deployment has only one (the first is at line ${edges[0].line} of ${edges[0].source}).` });
  if (problems.length > 0) return { text: undefined, problems: problems.sort((a, b) => (a.source === b.source ? a.line - b.line : 0)) };
  const read = [...new Set(unique.map((o) => o.type))].map((type) => `${type.command} (${counted(unique.filter((o) => o.type === type).length, 'object')})`);
  const header = [
    `Imported by Lync Topology from Management Shell output: ${sources.map((s) => s.name).join(', ')}.`,
    read.length > 0 ? `Read: ${read.join(', ')}.` : 'Nothing was read into this file.',
    ...leftOut.map((o) => `Left out: ${o}.`),
  ];
  return { text: write(unique, header), problems: [] };
}
