import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { analyze, type Analysis } from '../core';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

interface Cached {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Analysis;
}

/** The open documents, the settings, and each document's analysis, kept until its next version. */
export class Workspace {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, Cached>();
  private current: ServerSettings = DEFAULT_SETTINGS;
  /** Bumped when the settings change, so that cached analyses made with the old ones are redone. */
  private generation = 0;

  constructor(connection: Connection) {
    this.documents.onDidClose((event) => this.cache.delete(event.document.uri));
    this.documents.listen(connection);
  }

  get settings(): ServerSettings {
    return this.current;
  }

  get settingsGeneration(): number {
    return this.generation;
  }

  updateSettings(section: unknown): void {
    this.current = readSettings(section);
    this.generation++;
    this.cache.clear();
  }

  /** The document and its analysis, or undefined for a document the client has not opened. */
  get(uri: string): { document: TextDocument; analysis: Analysis } | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return { document, analysis: cached.analysis };
    const analysis = analyze(document.getText(), this.current.analysis);
    this.cache.set(uri, { version: document.version, generation: this.generation, analysis });
    return { document, analysis };
  }
}
