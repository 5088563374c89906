import type { Connection, Location, PrepareRenameParams, Range, ReferenceParams, RenameParams, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from './languageServer';
import { nameLinksAt, renameName } from '../core';
import { toLspEdit, toRange } from './convert';
import { guarded } from './guard';
import type { Workspace } from './workspace';

/**
 * Go to definition, find references and rename between an entry's name (a provider's or a policy's Identity)
 * and the settings that refer to it (ExchangeUM.HostingProviders, a granted HostedVoicemailPolicy).
 */
export function registerNames(connection: Connection, workspace: Workspace): void {
  const linksAt = (params: TextDocumentPositionParams) => {
    const entry = workspace.get(params.textDocument.uri);
    const links = entry && nameLinksAt(entry.analysis.model, entry.document.offsetAt(params.position));
    return entry && links ? { ...entry, links } : undefined;
  };

  connection.onDefinition(
    guarded(connection, 'definition', [] as Location[], (params: TextDocumentPositionParams) => {
      const found = linksAt(params);
      if (!found) return [];
      return found.links.definitions.map((node) => ({ uri: params.textDocument.uri, range: toRange(found.document, { start: node.offset, end: node.offset + node.length }) }));
    }),
  );

  connection.onReferences(
    guarded(connection, 'references', [] as Location[], (params: ReferenceParams) => {
      const found = linksAt(params);
      if (!found) return [];
      const nodes = [...(params.context.includeDeclaration ? found.links.definitions : []), ...found.links.references];
      return nodes.map((node) => ({ uri: params.textDocument.uri, range: toRange(found.document, { start: node.offset, end: node.offset + node.length }) }));
    }),
  );

  connection.onPrepareRename(
    guarded(connection, 'prepare rename', null as { range: Range; placeholder: string } | null, (params: PrepareRenameParams) => {
      const found = linksAt(params);
      if (!found) return null;
      return { range: toRange(found.document, found.links.bareSpan), placeholder: found.links.bareName };
    }),
  );

  connection.onRenameRequest(
    guarded(connection, 'rename', null as WorkspaceEdit | ResponseError<void> | null, (params: RenameParams) => {
      const entry = workspace.get(params.textDocument.uri);
      const offset = entry?.document.offsetAt(params.position);
      const rename = entry && renameName(entry.analysis, offset!, params.newName, workspace.settings.analysis);
      if (!rename) return new ResponseError<void>(ErrorCodes.InvalidParams, 'Only a hosting provider name can be renamed here, or the name of a hosted voice mail policy.');
      if ('refused' in rename) return new ResponseError<void>(LSPErrorCodes.RequestFailed, rename.refused);
      return { changes: { [params.textDocument.uri]: rename.edits.map((edit) => toLspEdit(entry.document, edit)) } };
    }),
  );
}
