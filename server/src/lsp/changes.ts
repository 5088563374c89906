import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from './languageServer';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeBase64, decodeText, deployedAnalysis, importShellOutput, plan, planScript, type Analysis, type AnalysisSettings, type ShellSource } from '../core';
import { documentName, toLspDiagnostic } from './convert';
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
  // The preview asks again after each edit of the desired file with the same deployed text: analyzing that
  // once keeps a plan of a large deployment from costing a whole analysis per keystroke.
  let last: { text: string; settings: AnalysisSettings; analysis: Analysis } | undefined;
  const deployedOnce = (text: string, settings: AnalysisSettings): Analysis => {
    if (last?.text !== text || last.settings !== settings) last = { text, settings, analysis: deployedAnalysis(text, settings) };
    return last.analysis;
  };
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
      const deployed = deployedOnce(params.deployed.text, workspace.settings.analysis);
      const result = plan(deployed, entry.analysis);
      const ofDeployed = new Set(deployed.diagnostics);
      const deployedDocument = TextDocument.create(params.deployed.name, 'jsonc', 0, params.deployed.text);
      return {
        script: planScript(result, documentName(entry.document.uri)) ?? null,
        steps: result.steps ? [...result.steps] : null,
        diagnostics: result.blocking.filter((d) => !ofDeployed.has(d)).map((d) => toLspDiagnostic(entry.document, d, workspace.documentation)),
        deployedDiagnostics: result.blocking.filter((d) => ofDeployed.has(d)).map((d) => toLspDiagnostic(deployedDocument, d, workspace.documentation)),
      } satisfies PlanResult;
    }),
  );
}
