import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { analyze, decodeBase64, decodeText, importShellOutput, plan, planScript, type ShellSource } from '../core';
import { toLspDiagnostic } from './convert';
import { guarded } from './guard';
import { ImportRequest, PlanRequest, type ImportParams, type ImportResult, type PlanParams, type PlanResult } from './protocol';
import type { Workspace } from './workspace';

function isSource(value: unknown): value is { name: string; text: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && typeof (value as { text?: unknown }).text === 'string';
}

/** A source of the import request as text: given as text, or decoded from a file's bytes; undefined when it is neither. */
function shellSource(value: unknown): ShellSource | undefined {
  if (isSource(value)) return value;
  const file = value as { name?: unknown; base64?: unknown } | null;
  if (typeof file !== 'object' || file === null || typeof file.name !== 'string' || typeof file.base64 !== 'string') return undefined;
  const bytes = decodeBase64(file.base64);
  return bytes && { name: file.name, text: decodeText(bytes) };
}

/** Import of Management Shell output, and the plan from a deployed file to an open one. */
export function registerChanges(connection: Connection, workspace: Workspace): void {
  connection.onRequest(
    ImportRequest,
    guarded(connection, 'import', new ResponseError<void>(ErrorCodes.InternalError, 'The output could not be imported.'), (params: ImportParams) => {
      const sources = Array.isArray(params?.sources) ? params.sources.map(shellSource) : undefined;
      if (!sources?.every((source) => source !== undefined))
        return new ResponseError<void>(ErrorCodes.InvalidParams, 'sources must be a list of {name, text} or {name, base64}, base64 holding the bytes of a file.');
      const result = importShellOutput(sources);
      return { text: result.text ?? null, problems: result.problems } satisfies ImportResult;
    }),
  );
  connection.onRequest(
    PlanRequest,
    guarded(connection, 'plan', new ResponseError<void>(ErrorCodes.InternalError, 'The plan could not be made.'), (params: PlanParams) => {
      const entry = typeof params?.uri === 'string' ? workspace.get(params.uri) : undefined;
      if (!entry) return new ResponseError<void>(ErrorCodes.InvalidParams, 'The document is not open in the language server.');
      if (!isSource(params.deployed)) return new ResponseError<void>(ErrorCodes.InvalidParams, 'deployed must be {name, text}.');
      const deployed = analyze(params.deployed.text, workspace.settings.analysis);
      const result = plan(deployed, entry.analysis);
      const desiredErrors = result.blocking.filter((d) => !deployed.diagnostics.includes(d));
      return {
        script: planScript(result, entry.document.uri.replace(/^.*\//, '')) ?? null,
        steps: result.steps ? [...result.steps] : null,
        diagnostics: desiredErrors.map((d) => toLspDiagnostic(entry.document, d, workspace.documentation)),
      } satisfies PlanResult;
    }),
  );
}
