import type { Node } from 'jsonc-parser';
import { DEFAULT_SERVER_VERSION, type ServerVersion } from './catalog';
import type { Diagnostic, Fix, Severity } from './diagnostics';
import { EditBuilder } from './edits';
import { buildModel, stringValuesOf, typedValuesOf, type ObjectModel, type TopologyModel } from './model';
import { parseText, type ParsedText, type SyntaxProblem } from './parse';
import { RULES, RULES_BY_CODE } from './rules';
import { hostedUmProviders } from './facts/hostedUm';
import { isSuppressed, movedSuppressionComments, readSuppressions, suppressionComments, type SeveritySetting, type SuppressionComment } from './severity';
import { LineIndex, type Span } from './text';
import { firstIndex } from './tree';

export interface AnalysisSettings {
  /** Per-code severity, or `off`; codes not named keep their own. */
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  /** The version assumed when the file has no `ServerVersion`. */
  readonly defaultServerVersion?: ServerVersion;
  /** Longer texts are not checked: they get one LT000 information instead. */
  readonly maxLength?: number;
}

export interface Analysis {
  readonly model: TopologyModel;
  readonly lines: LineIndex;
  /** What the user sees: after severity settings and suppression comments, in document order. */
  readonly diagnostics: readonly Diagnostic[];
  /** What keeps the file from being turned into cmdlets. */
  readonly blocking: readonly Diagnostic[];
  /** The parse the model rests on, kept for an incremental update. */
  readonly parsed: ParsedText;
  /** What an incremental update takes over without reading the whole file again. */
  readonly checked: Checked;
}

/**
 * What an incremental update needs to know without looking at every entry or reading the whole text: what the
 * whole file shared when the entries' kept findings were found, which entries hosted Exchange UM, which have
 * findings, and where the suppression comments are.
 */
export interface Checked {
  readonly context: string;
  readonly hosted: ReadonlySet<ObjectModel>;
  /** The entries whose kept findings are not empty, in file order. */
  readonly flagged: readonly ObjectModel[];
  readonly comments: readonly SuppressionComment[];
}

/** A change an incremental update made, as checkModel takes it. */
export interface CheckedChange {
  /**
   * Where the text changed, in the new text: an object parsed again whole, or the space between two values. It
   * begins and ends where tokens do, and the text around it is as it was.
   */
  readonly dirty: Span;
  /** How many characters longer the text got (negative when shorter). */
  readonly delta: number;
  /** The lines of the new text. */
  readonly lines: LineIndex;
  /** What the analysis before the change found. */
  readonly previous: Checked;
  /** The entries the change took out of the model (parsed again as others, or gone). */
  readonly removed?: ReadonlySet<ObjectModel>;
}

const FILE_RULES = RULES.filter((rule) => rule.check);
const OBJECT_RULES = RULES.filter((rule) => rule.checkObject);

function moved(findings: readonly Diagnostic[], delta: number): readonly Diagnostic[] {
  if (delta === 0) return findings;
  const move = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return findings.map((d) => ({ ...d, span: move(d.span), fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: move(e.span) })) })) }));
}

/** Puts `items` at the end of `list`, one by one: spreading them into push costs more than the few there usually are. */
function appendTo<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}

/**
 * Where an entry must lie, at least in part, for a change at `dirty` to reach what its findings read outside
 * it: the line before its first line (a suppression comment there points at the entry), its first line (the
 * indentation new entries take) and the rest of its last line (whether the line goes on after it). A change
 * between two entries is given as the whole space between them, which a removal takes with it.
 */
function readsAround(lines: LineIndex, dirty: Span): Span {
  const first = lines.positionAt(dirty.start).line;
  const last = lines.positionAt(dirty.end).line;
  return { start: lines.offsetAt({ line: first, character: 0 }), end: lines.offsetAt({ line: last + 2, character: 0 }) };
}

const end = (node: Node) => node.offset + node.length;

/** Whether `node` lies, at least in part, within `span` (or touches its start). */
const reaches = (node: Node, span: Span) => end(node) >= span.start && node.offset < span.end;

/**
 * The objects that are not entries of a list section (the top level, the sections that are one object), found
 * without looking at each entry: `entries` is a part of `objects`, in the same order, in runs of entries that
 * follow one another in both, and where such a run ends is a binary search.
 */
export function notEntries(objects: readonly ObjectModel[], entries: readonly ObjectModel[]): ObjectModel[] {
  const found: ObjectModel[] = [];
  for (let i = 0, j = 0; i < objects.length; ) {
    if (objects[i] !== entries[j]) {
      found.push(objects[i++]);
      continue;
    }
    const run = firstIndex(Math.min(objects.length - i, entries.length - j), (k) => objects[i + k] !== entries[j + k]);
    i += run;
    j += run;
  }
  return found;
}

/**
 * The objects whose findings an update for a change at `near` must look at, in file order: those that are not
 * entries of a list (always checked), the entries within `near`, the entries that had findings (to take them
 * over, moved), and those that host Exchange UM now and did not before, or the other way round. Every other
 * entry keeps its record of no findings as it is.
 */
function objectsToCheck(model: TopologyModel, near: Span, previous: Checked, hosted: ReadonlySet<ObjectModel>, removed: ReadonlySet<ObjectModel> | undefined): ObjectModel[] {
  const { entries } = model;
  // An entry the change took out of the model is passed over below as those near it are: the model no longer has it.
  const isNear = (entry: ObjectModel) => removed?.has(entry) === true || reaches(entry.node, near);
  const chosen = new Set<ObjectModel>(notEntries(model.objects, entries));
  // Entries lie one after another, so both their starts and their ends are in file order.
  for (let i = firstIndex(entries.length, (j) => end(entries[j].node) >= near.start); i < entries.length && isNear(entries[i]); i++) {
    chosen.add(entries[i]);
  }
  // The entries of the analysis before that lie near the change were taken above as the model has them now: an
  // entry rebuilt since is no longer in it, and every other entry still is.
  for (const entry of previous.flagged) if (!isNear(entry)) chosen.add(entry);
  for (const entry of previous.hosted) if (!hosted.has(entry) && !isNear(entry)) chosen.add(entry);
  for (const entry of hosted) if (!previous.hosted.has(entry)) chosen.add(entry);
  return [...chosen].sort((a, b) => a.node.offset - b.node.offset);
}

/**
 * The innermost object or array whose text holds `span`, found by a binary search among the children at each
 * level (they are in file order and do not overlap).
 */
function containerOf(root: Node, span: Span): Node {
  let container = root;
  for (;;) {
    const children = container.children ?? [];
    const child = children[firstIndex(children.length, (i) => end(children[i]) >= span.start)];
    const node = child?.type === 'property' ? child.children?.[1] : child;
    if (!node || (node.type !== 'object' && node.type !== 'array') || node.offset > span.start || span.end > end(node)) return container;
    container = node;
  }
}

/**
 * The findings with the fixes that edit an object or array holding a syntax error left out: where the
 * parser had to guess, an edit placed by its guess can break the file further.
 */
function withSafeFixes(found: readonly Diagnostic[], root: Node | undefined, problems: readonly SyntaxProblem[]): Diagnostic[] {
  if (problems.length === 0 || !root) return [...found];
  const broken = (span: Span) => {
    const container = containerOf(root, span);
    return problems.some((p) => p.span.start <= end(container) && p.span.end >= container.offset);
  };
  return found.map((d) => (d.fixes.length === 0 ? d : { ...d, fixes: d.fixes.filter((f) => !f.edits.some((e) => broken(e.span))) }));
}

export const FILE_TOO_LARGE = 'LT000';

/** How `maxLength` counts the megabytes of `lyncTopology.maxFileSizeMB`: in characters (UTF-16 code units). */
export const CHARACTERS_PER_MB = 1_000_000;

/** `characters` in megabytes as lyncTopology.maxFileSizeMB counts them, to three significant digits. */
const megabytes = (characters: number) => +(characters / CHARACTERS_PER_MB).toPrecision(3);

function tooLarge(text: string, maxLength: number): Analysis {
  const diagnostic: Diagnostic = {
    code: FILE_TOO_LARGE,
    severity: 'info',
    message: `This file holds ${megabytes(text.length)} MB of text, more than the ${megabytes(maxLength)} MB Lync Topology checks (setting lyncTopology.maxFileSizeMB, a million characters to the MB); it is not checked.`,
    span: { start: 0, end: 0 },
    fixes: [],
  };
  const parsed = { root: undefined, problems: [], flattened: false };
  const checked = { context: '', hosted: new Set<ObjectModel>(), flagged: [], comments: [] };
  return { model: buildModel(text, undefined), lines: new LineIndex(text), diagnostics: [diagnostic], blocking: [diagnostic], parsed, checked };
}

/** Parses the text, runs every rule, and applies the severity settings and suppression comments. */
export function analyze(text: string, settings: AnalysisSettings = {}): Analysis {
  if (settings.maxLength !== undefined && text.length > settings.maxLength) return tooLarge(text, settings.maxLength);
  const parsed = parseText(text);
  return checkModel(parsed, buildModel(text, parsed.root, settings.defaultServerVersion ?? DEFAULT_SERVER_VERSION), settings);
}

/**
 * Runs every rule on a model, and applies the severity settings and suppression comments. `change`, for an
 * incremental update, says where the text changed since the analysis the model was taken over from: the entries
 * far enough from it keep their findings, and the suppression comments outside it are moved rather than read.
 */
export function checkModel(parsed: ParsedText, model: TopologyModel, settings: AnalysisSettings, change?: CheckedChange): Analysis {
  const lines = change?.lines ?? new LineIndex(model.text);
  const dirty = change?.dirty;
  const previous = change?.previous;
  const text = model.text;
  const edits = new EditBuilder(text);
  const found: Diagnostic[] = [];
  for (const rule of FILE_RULES) {
    const report = (span: Span, message: string, fixes: readonly Fix[] = []) => found.push({ code: rule.code, severity: rule.severity, message, span, fixes });
    rule.check!({ model, syntaxProblems: parsed.problems, edits, report });
  }
  const hosted = new Set(hostedUmProviders(model));
  // The findings of an entry of a list section (a hosting provider, a user, ...) are kept with its model: when
  // an edit elsewhere leaves the entry as it was, they are reused, moved by as much as the entry moved. Only
  // entries: an edit never lies inside one without rebuilding it, so everything they report moves with them.
  // What a finding and its edits read outside the entry is either the same for the whole file (the version,
  // the document's indentation step and line break), whether the entry hosts Exchange UM, or the text next to
  // the entry (see readsAround): an entry whose neighbourhood the change reached is checked again.
  const shared = `${model.serverVersion}|${edits.indentUnit()}|${edits.eol}`;
  const near = dirty && readsAround(lines, dirty);
  const toCheck = near && previous?.context === shared ? objectsToCheck(model, near, previous, hosted, change?.removed) : model.objects;
  const flagged: ObjectModel[] = [];
  const noneHosted = { context: shared, hosted: true, offset: 0, diagnostics: [] };
  const noneElsewhere = { context: shared, hosted: false, offset: 0, diagnostics: [] };
  let findings: Diagnostic[] = [];
  let rule = OBJECT_RULES[0];
  const report = (span: Span, message: string, fixes: readonly Fix[] = []) => findings.push({ code: rule.code, severity: rule.severity, message, span, fixes });
  for (const object of toCheck) {
    const list = object.spec.section?.list === true;
    const kept = object.kept;
    const isHosted = hosted.has(object);
    const start = object.node.offset;
    if (list && near && kept?.context === shared && kept.hosted === isHosted && !reaches(object.node, near)) {
      if (kept.diagnostics.length > 0) {
        appendTo(found, moved(kept.diagnostics, start - kept.offset));
        flagged.push(object);
      }
      continue;
    }
    findings = [];
    const values = typedValuesOf(object);
    const context = { model, object, values, strings: stringValuesOf(values), hostsExchangeUm: isHosted, edits, report };
    for (rule of OBJECT_RULES) rule.checkObject!(context);
    if (findings.length === 0) {
      // Most entries have no findings: they share a record of none, which never moves.
      if (list) object.kept = isHosted ? noneHosted : noneElsewhere;
      continue;
    }
    if (list) {
      object.kept = { context: shared, hosted: isHosted, offset: start, diagnostics: findings };
      flagged.push(object);
    }
    appendTo(found, findings);
  }
  const comments = change ? movedSuppressionComments(change.previous.comments, text, change.dirty, change.delta) : suppressionComments(text);
  const suppressions = readSuppressions(comments, lines);
  const diagnostics: Diagnostic[] = [];
  const blocking: Diagnostic[] = [];
  for (const diagnostic of withSafeFixes(found, parsed.root, parsed.problems)) {
    const setting = settings.severity?.[diagnostic.code] ?? diagnostic.severity;
    const shown = setting !== 'off' && !isSuppressed(suppressions, lines.positionAt(diagnostic.span.start).line, diagnostic.code);
    const effective = shown && setting !== diagnostic.severity ? { ...diagnostic, severity: setting as Severity } : diagnostic;
    if (shown) diagnostics.push(effective);
    if (RULES_BY_CODE.get(diagnostic.code)?.blocksGeneration || (shown && effective.severity === 'error')) blocking.push(effective);
  }
  const checked = { context: shared, hosted, flagged, comments };
  return { model, lines, diagnostics: diagnostics.sort(byPosition), blocking: blocking.sort(byPosition), parsed, checked };
}
