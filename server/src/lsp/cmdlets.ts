import { ResponseError, ErrorCodes, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { generate } from '../core';
import { toLspDiagnostic } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

export const CMDLETS_REQUEST = 'lyncTopology/cmdlets';

export interface CmdletsParams {
  readonly uri: string;
}

export interface CmdletsResult {
  /** The script, or null when something blocks it. */
  readonly script: string | null;
  /** What blocks the script. */
  readonly diagnostics: Diagnostic[];
}

/** The generated script of an open document, for the client's preview, copy and save commands. */
export function registerCmdlets(connection: Connection, workspace: Workspace): void {
  connection.onRequest(
    CMDLETS_REQUEST,
    guarded(connection, 'cmdlets', new ResponseError<void>(ErrorCodes.InternalError, 'The cmdlets could not be generated.'), (params: CmdletsParams) => {
      const entry = typeof params?.uri === 'string' ? workspace.get(params.uri) : undefined;
      if (!entry) return new ResponseError<void>(ErrorCodes.InvalidParams, 'The document is not open in the language server.');
      const generation = generate(entry.analysis);
      return { script: generation.script ?? null, diagnostics: generation.blocking.map((d) => toLspDiagnostic(entry.document, d)) } satisfies CmdletsResult;
    }),
  );
}
