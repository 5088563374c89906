/**
 * Readers of what the Management Shell prints: PowerShell's list format (`Name : Value` lines) and the CSV that
 * `Export-Csv -NoTypeInformation` writes. Both give the same objects: property names and their printed values,
 * with the 1-based line each starts on. Layout facts from shell-output.md.
 */
import { joinWrapped, wrappingOf, type WrappedValue } from './wrapping';

export interface ShellProperty {
  readonly name: string;
  /**
   * The value as printed; a value the console wrapped onto several lines is joined as text that may hold spaces
   * (`joinWrapped`). Empty when nothing was printed.
   */
  readonly value: string;
  /** A value printed on several lines, as printed: a value of a kind that holds no spaces is joined from it without any. */
  readonly wrapped?: WrappedValue;
  readonly line: number;
}

export interface ShellObject {
  readonly line: number;
  /** Whether PowerShell's list format printed it, or Export-Csv wrote it. */
  readonly layout: 'list' | 'csv';
  readonly properties: readonly ShellProperty[];
}

export interface ShellTextProblem {
  readonly line: number;
  readonly message: string;
}

export interface ShellText {
  readonly objects: readonly ShellObject[];
  readonly problems: readonly ShellTextProblem[];
}

/** `Name : Value`: the name padded with spaces, at least one, before the colon; the value after `: `. */
const PROPERTY_LINE = /^([A-Za-z][A-Za-z0-9_]*) +:(?: (.*))?$/;
/**
 * What was typed rather than printed, as people paste it with the output: a prompt and its command, a Lync
 * cmdlet, an assignment (`$FormatEnumerationLimit = -1`), and the `#TYPE` line Export-Csv writes without
 * -NoTypeInformation. Printed lines never start with these; continuation lines start with spaces.
 */
const TYPED_LINE = /^(PS [^>]*>|[A-Z][a-z]+-Cs[A-Za-z]+\b|\$[A-Za-z_]\w*\s*=|#TYPE )/;
/** The dashes under the header of the table format. */
const TABLE_RULE = /^-+( +-+)+\s*$/;
const CSV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** A header row without quotes, as `Export-Csv -UseQuotes AsNeeded` (PowerShell 7) writes it. */
const UNQUOTED_HEADER = /^[A-Za-z][A-Za-z0-9_]*(,[A-Za-z][A-Za-z0-9_]*)+$/;
/** Properties that name an object; a CSV row of names holding one of them is a header. */
const NAMING_PROPERTIES = ['Identity', 'SipAddress'];

/** A property as the list format printed it, before the whole text says how its wrapped lines join. */
interface Printed extends WrappedValue {
  readonly name: string;
  readonly line: number;
  readonly lines: string[];
}

interface Paragraph {
  readonly properties: Printed[];
}

interface ListObject {
  readonly line: number;
  readonly properties: readonly Printed[];
}

/** Splits one CSV record starting at `lines[index]`; a quoted field may span lines. */
function csvRecord(lines: readonly string[], index: number): { fields: string[]; next: number } | undefined {
  const fields: string[] = [];
  let row = index;
  let text = lines[row];
  let i = 0;
  let field = '';
  let quoted = false;
  for (;;) {
    if (quoted) {
      if (i >= text.length) {
        if (row + 1 >= lines.length) return undefined;
        field += '\n';
        text = lines[++row];
        i = 0;
        continue;
      }
      const c = text[i++];
      if (c !== '"') field += c;
      else if (text[i] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (i >= text.length) {
      fields.push(field);
      return { fields, next: row + 1 };
    }
    const c = text[i++];
    if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '"' && field === '') quoted = true;
    else field += c;
  }
}

function isCsvHeader(fields: readonly string[]): boolean {
  return fields.length > 1 && fields.every((f) => CSV_NAME.test(f)) && fields.some((f) => NAMING_PROPERTIES.includes(f));
}

/** Whether a CSV table starts at this line: a quoted field, or a header row of property names without quotes. */
function startsCsv(line: string): boolean {
  return line.startsWith('"') || (UNQUOTED_HEADER.test(line) && isCsvHeader(line.split(',')));
}

/** Reads CSV tables from `lines[start]` on, up to a blank line or a typed command; returns where it stopped. */
function readCsv(lines: readonly string[], start: number, objects: ShellObject[], problems: ShellTextProblem[]): number {
  let header: string[] | undefined;
  let index = start;
  while (index < lines.length && !isBlank(lines[index]) && !TYPED_LINE.test(lines[index])) {
    const record = csvRecord(lines, index);
    if (!record) {
      problems.push({ line: index + 1, message: 'This CSV field is never closed: a double quote is missing.' });
      return lines.length;
    }
    if (isCsvHeader(record.fields)) header = record.fields;
    else if (!header) problems.push({ line: index + 1, message: 'This CSV row comes before any header row naming the properties.' });
    else if (record.fields.length !== header.length)
      problems.push({ line: index + 1, message: `This CSV row has ${record.fields.length} fields; the header names ${header.length}.` });
    else {
      const line = index + 1;
      objects.push({ line, layout: 'csv', properties: header.map((name, i) => ({ name, value: record.fields[i], line })) });
    }
    index = record.next;
  }
  return index;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * Objects in list format, from paragraphs: the console separates objects by blank lines; documentation pages
 * that put every line in a paragraph of its own are read as one object per run of one-line paragraphs, a new
 * object starting where the run's first property name comes again.
 */
function objectsOf(paragraphs: readonly Paragraph[]): ListObject[] {
  const objects: ListObject[] = [];
  let run: Printed[] = [];
  const endRun = () => {
    let current: Printed[] = [];
    for (const property of run) {
      if (current.length > 0 && property.name === current[0].name) {
        objects.push({ line: current[0].line, properties: current });
        current = [];
      }
      current.push(property);
    }
    if (current.length > 0) objects.push({ line: current[0].line, properties: current });
    run = [];
  };
  for (const paragraph of paragraphs) {
    if (paragraph.properties.length === 1) {
      run.push(paragraph.properties[0]);
      continue;
    }
    endRun();
    objects.push({ line: paragraph.properties[0].line, properties: paragraph.properties });
  }
  endRun();
  return objects;
}

/** The part of a continuation line from the value column on; all after its indentation when that is shorter. */
function continued(line: string, column: number): string {
  return /^\s*/.exec(line)![0].length >= column ? line.slice(column) : line.trimStart();
}

/** List-format objects with their values joined, as the wrapping of the whole text tells. */
function joined(objects: readonly ListObject[]): ShellObject[] {
  const wrapping = wrappingOf(objects.flatMap((o) => o.properties));
  return objects.map((object) => ({
    line: object.line,
    layout: 'list',
    properties: object.properties.map(({ name, line, column, lines }) =>
      lines.length === 1 ? { name, line, value: lines[0].trimEnd() } : { name, line, value: joinWrapped({ column, lines }, wrapping), wrapped: { column, lines } },
    ),
  }));
}

/**
 * Reads pasted Management Shell output. Lines that are neither properties, their continuations, CSV, blank
 * nor typed commands are problems, each with its line number.
 */
export function readShellText(text: string): ShellText {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const objects: ShellObject[] = [];
  const listObjects: ListObject[] = [];
  const problems: ShellTextProblem[] = [];
  let paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  const flush = () => {
    listObjects.push(...objectsOf(paragraphs));
    paragraphs = [];
    current = undefined;
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    const number = index + 1;
    const last = current?.properties.at(-1);
    // A word as wide as the room is cut before the space after it, which then gets a line of its own (or of
    // padding, in a rectangular console selection, where a line of spaces between objects is no such line).
    const spaceAlone = isBlank(line) && line.length > (last?.column ?? Infinity) && /^\s+\S/.test(lines[index + 1] ?? '');
    if (last && /^\s/.test(line) && (!isBlank(line) || spaceAlone)) {
      last.lines.push(continued(line, last.column));
      index++;
      continue;
    }
    if (isBlank(line) || TYPED_LINE.test(line)) {
      current = undefined;
      if (!isBlank(line)) flush();
      index++;
      continue;
    }
    if (startsCsv(line)) {
      flush();
      index = readCsv(lines, index, objects, problems);
      continue;
    }
    index++;
    const property = PROPERTY_LINE.exec(line);
    if (property) {
      if (!current) paragraphs.push((current = { properties: [] }));
      const value = property[2] ?? '';
      current.properties.push({ name: property[1], line: number, column: property[2] === undefined ? line.trimEnd().length + 1 : line.length - value.length, lines: [value] });
      continue;
    }
    current = undefined;
    problems.push({
      line: number,
      message: TABLE_RULE.test(line)
        ? 'This is the table format, which cuts values to the column width: run the command with `| Format-List` (or `| Select-Object *`) instead.'
        : `This line is not a \`Name : Value\` line of PowerShell's list format, nor CSV: ${JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}...` : line)}.`,
    });
  }
  flush();
  objects.push(...joined(listObjects));
  objects.sort((a, b) => a.line - b.line);
  return { objects, problems };
}
