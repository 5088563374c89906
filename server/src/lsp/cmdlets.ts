import type { Connection } from 'vscode-languageserver';
import { ResponseError, ErrorCodes } from './languageServer';
import { generate } from '../core';
import { toLspDiagnostic } from './convert';
import { guarded } from './guard';
import { CmdletsRequest, type CmdletsParams, type CmdletsResult } from './protocol';
import type { Workspace } from './workspace';

/** The generated script of an open document, for the client's preview, copy and save commands. */
export function registerCmdlets(connection: Connection, workspace: Workspace): void {
  connection.onRequest(
    CmdletsRequest,
    guarded(connection, 'cmdlets', new ResponseError<void>(ErrorCodes.InternalError, 'The cmdlets could not be generated.'), (params: CmdletsParams) => {
      const entry = typeof params?.uri === 'string' ? workspace.get(params.uri) : undefined;
      if (!entry) return new ResponseError<void>(ErrorCodes.InvalidParams, 'The document is not open in the language server.');
      const generation = generate(entry.analysis);
      return { script: generation.script ?? null, diagnostics: generation.blocking.map((d) => toLspDiagnostic(entry.document, d, workspace.documentation)) } satisfies CmdletsResult;
    }),
  );
}
