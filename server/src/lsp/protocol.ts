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
