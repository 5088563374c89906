import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Connection, Range } from 'vscode-languageserver';
import { TextDocuments } from './languageServer';
import { analyze, applyEdits, changeBetween, reanalyze, type Analysis, type TextChange } from '../core';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { checkChanges, checkOpened } from './syncShapes';

interface Cached {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Analysis;
}

/** The changes made to a document since its version `from`, as offsets in the text each applies to. */
interface Pending {
  readonly from: number;
  readonly changes: TextChange[];
}

/** A ranged change as offsets; a range given end first is read as TextDocument reads it, from its start. */
function spanOf(document: TextDocument, range: Range, newText: string): TextChange {
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  return { span: { start: Math.min(from, to), end: Math.max(from, to) }, newText };
}

/**
 * Ranged changes each of which lies wholly before the one sent before it, as a rename, a replace-all or a fix-all
 * comes from VS Code (from the end of the document back), as offsets in the text they were all sent against; none
 * moves the text the others apply to. Undefined for any other list of changes.
 */
function backToFront(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): TextChange[] | undefined {
  const spans: TextChange[] = [];
  for (const change of changes) {
    if (!('range' in change)) return undefined;
    const span = spanOf(document, change.range, change.text);
    if (spans.length > 0 && span.span.end > spans[spans.length - 1].span.start) return undefined;
    spans.push(span);
  }
  return spans;
}

/**
 * At most this many changes are replayed onto an analysis. Each costs a few milliseconds in a file of 20,000 users,
 * where reading the file whole costs a few hundred: past a few dozen, as after a rename of a policy that thousands
 * of users grant, reading it whole is quicker.
 */
const MAX_REPLAYED = 32;

/**
 * The open documents, the settings, and each document's analysis. An analysis is kept until the
 * document changes; then the changes made since are replayed onto it where core's `reanalyze` can
 * follow them (within the entries of a list section, inside a one-object section or a value of the top level,
 * or in the white space between values), and the text is analyzed whole where it cannot.
 */
export class Workspace {
  readonly documents = new TextDocuments({
    create: (uri, languageId, version, text) => {
      checkOpened(uri, languageId, version, text);
      return TextDocument.create(uri, languageId, version, text);
    },
    update: (document, changes, version) => {
      checkChanges(changes, version);
      return this.update(document, changes, version);
    },
  });
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Pending>();
  private current: ServerSettings = DEFAULT_SETTINGS;
  /** The URL of docs/diagnostics.md that diagnostic codes link into, if the server knows one. */
  documentation: string | undefined;
  /** Bumped when the settings change, so that cached analyses made with the old ones are redone. */
  private generation = 0;
  /** Counts the documents opened, to tell one opening of a URI from the next: each starts its versions afresh. */
  private openings = 0;
  private readonly opening = new Map<string, number>();

  constructor(connection: Connection) {
    const forget = (uri: string) => {
      this.cache.delete(uri);
      this.pending.delete(uri);
    };
    // A client may open a document it has open (a didOpen twice) with another text at the same version.
    this.documents.onDidOpen((event) => {
      forget(event.document.uri);
      this.opening.set(event.document.uri, ++this.openings);
    });
    this.documents.onDidClose((event) => {
      forget(event.document.uri);
      this.opening.delete(event.document.uri);
    });
    this.documents.listen(connection);
  }

  /**
   * What the diagnostics of an open document were made from, as a pull's result id: its opening, its version and
   * the settings; undefined for a document that is not open.
   */
  revision(uri: string): string | undefined {
    const document = this.documents.get(uri);
    return document && `${this.opening.get(uri)}/${document.version}/${this.generation}`;
  }

  get settings(): ServerSettings {
    return this.current;
  }

  updateSettings(section: unknown): void {
    this.current = readSettings(section);
    this.generation++;
    this.cache.clear();
    this.pending.clear();
  }

  /** Applies changes one by one, noting each as offsets in the text it applies to. */
  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const pending = this.pending.get(document.uri) ?? { from: document.version, changes: [] };
    const kept = pending.changes;
    // vscode-languageserver-textdocument copies the whole text for each change: thousands of them in a large file
    // take seconds.
    const batch = changes.length > 1 ? backToFront(document, changes) : undefined;
    if (batch) {
      kept.push(...batch);
      this.pending.set(document.uri, { from: pending.from, changes: kept });
      // Made together in one pass, front to back: two insertions at one place keep the order their sequence gives
      // (the later one first), as applyEdits keeps edits that start together in the order it is given them.
      return TextDocument.create(document.uri, document.languageId, version, applyEdits(document.getText(), [...batch].reverse()));
    }
    for (const change of changes) {
      // A client that syncs the whole text sends it for every keystroke: what differs is the edit it stands for.
      if ('range' in change) kept.push(spanOf(document, change.range, change.text));
      else kept.push(changeBetween(document.getText(), change.text));
      document = TextDocument.update(document, [change], version);
    }
    this.pending.set(document.uri, { from: pending.from, changes: kept });
    return document;
  }

  /** The cached analysis brought up to the document's text by its pending changes, or undefined. */
  private replay(uri: string, text: string): Analysis | undefined {
    const cached = this.cache.get(uri);
    const pending = this.pending.get(uri);
    if (!cached || !pending || cached.version !== pending.from || cached.generation !== this.generation || pending.changes.length > MAX_REPLAYED) return undefined;
    this.cache.delete(uri);
    let analysis: Analysis | undefined = cached.analysis;
    const last = pending.changes.length - 1;
    // The last change leads to the document's own text, which the analysis takes instead of a copy of its own.
    pending.changes.forEach((change, i) => (analysis = analysis && reanalyze(analysis, change, this.current.analysis, i === last ? text : undefined)));
    return analysis?.model.text === text ? analysis : undefined;
  }

  /** The cached analysis when it is of this version, under the current settings. */
  private fresh(uri: string, version: number): Analysis | undefined {
    const cached = this.cache.get(uri);
    return cached && cached.version === version && cached.generation === this.generation ? cached.analysis : undefined;
  }

  /** The document and its analysis, or undefined for a document the client has not opened. */
  get(uri: string): { document: TextDocument; analysis: Analysis } | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const fresh = this.fresh(uri, document.version);
    if (fresh) return { document, analysis: fresh };
    const text = document.getText();
    const replayed = this.replay(uri, text);
    // The analysis of an older text is let go before the whole text is analyzed: a large file would need room for both.
    if (!replayed) this.cache.delete(uri);
    const analysis = replayed ?? analyze(text, this.current.analysis);
    this.cache.set(uri, { version: document.version, generation: this.generation, analysis });
    this.pending.delete(uri);
    return { document, analysis };
  }
}
