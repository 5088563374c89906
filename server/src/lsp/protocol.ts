import { RequestType, type Diagnostic } from 'vscode-languageserver-protocol';
import type { ExchangeUmMode } from '../core/catalog/modes';

export { EXCHANGE_UM_MODES } from '../core/catalog/modes';

/** The requests Lync Topology adds to LSP; the VS Code client and the server both build on these. */

export interface CmdletsParams {
  readonly uri: string;
}

export interface CmdletsResult {
  /** The script, or null when something blocks it. */
  readonly script: string | null;
  /** What blocks the script. */
  readonly diagnostics: Diagnostic[];
}

/** The generated script of an open document, for a preview, copy or save. */
export const CmdletsRequest = new RequestType<CmdletsParams, CmdletsResult, void>('lyncTopology/cmdlets');

export interface NewFileParams {
  readonly mode: ExchangeUmMode;
}

/** The text of a new topology file for a mode: it checks clean once its placeholders are filled in. */
export const NewFileRequest = new RequestType<NewFileParams, string, void>('lyncTopology/newFile');

/** One pasted Management Shell output: `name` says where it came from (a file, the clipboard, a selection). */
export interface ImportSource {
  readonly name: string;
  readonly text: string;
}

/**
 * A file of Management Shell output as its bytes, base64-encoded: the server decodes them as the command line
 * reads a file (UTF-16 in either byte order by its byte order mark, as Windows PowerShell's `>` writes it, else
 * UTF-8).
 */
export interface ImportFile {
  readonly name: string;
  readonly base64: string;
}

export interface ImportParams {
  readonly sources: readonly (ImportSource | ImportFile)[];
}

export interface ImportResult {
  /** The topology file, or null when a problem keeps it from being written. */
  readonly text: string | null;
  /** Each with its source's name and 1-based line. */
  readonly problems: readonly { readonly source: string; readonly line: number; readonly message: string }[];
}

/** The topology file of the deployment the Management Shell output describes (`lync-topology import`). */
export const ImportRequest = new RequestType<ImportParams, ImportResult, void>('lyncTopology/import');

export interface PlanParams {
  /** The open topology file that says what the deployment should be. */
  readonly uri: string;
  /** The topology file of the deployment as it is (an imported file, or the file at git HEAD), and its name. */
  readonly deployed: ImportSource;
}

export interface PlanResult {
  /** The plan as a script, or null when the desired file's errors block it. */
  readonly script: string | null;
  /** The steps as `lync-topology plan --format json` gives them, or null when blocked. */
  readonly steps: readonly unknown[] | null;
  /** What blocks the plan, in the desired document. */
  readonly diagnostics: Diagnostic[];
  /** What blocks the plan in the deployed file: it does not parse, or a value holds a control character. */
  readonly deployedDiagnostics: Diagnostic[];
}

/** The smallest change from a deployed topology file to an open one (`lync-topology plan`). */
export const PlanRequest = new RequestType<PlanParams, PlanResult, void>('lyncTopology/plan');
