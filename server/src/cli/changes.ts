import { analyze, decodeText, deployedAnalysis, importShellOutput, plan, planScript, type AnalysisSettings, type Diagnostic, type ShellSource } from '../core';
import { displayName, readBytes, readTopology, STDIN } from './files';
import type { Output } from './output';
import { formatText, toReported } from './report';

/**
 * Management Shell output from a file, or from standard input (`-`): a transcript saved by Windows PowerShell is
 * UTF-16, one copied or saved elsewhere UTF-8; a terminal with nothing piped gives what is typed up to end of file.
 */
function readShellOutput(file: string): ShellSource {
  return { name: displayName(file), text: decodeText(readBytes(file)) };
}

/** `import [FILE...]`: the topology file on standard output, or each problem as `source:line: error: ...`. */
export function importCommand(files: readonly string[], output: Output): number {
  const sources = (files.length === 0 ? [STDIN] : files).map(readShellOutput);
  const result = importShellOutput(sources);
  for (const p of result.problems) output.err(`${p.source}:${p.line}: error: ${p.message}`);
  if (result.text === undefined) return 1;
  output.out(result.text.trimEnd());
  return 0;
}

/** `plan --from DEPLOYED DESIRED`: the script (or, with json, the steps) that takes one to the other. */
export function planCommand(deployedFile: string, desiredFile: string, format: string, settings: AnalysisSettings, output: Output): number {
  const deployed = deployedAnalysis(readTopology(deployedFile), settings);
  const desired = analyze(readTopology(desiredFile), settings);
  const result = plan(deployed, desired);
  const fileOf = (d: Diagnostic) => (deployed.diagnostics.includes(d) ? { file: displayName(deployedFile), analysis: deployed } : { file: displayName(desiredFile), analysis: desired });
  const shown = result.steps ? result.findings.filter((d) => d.severity === 'warning' || d.severity === 'error') : result.blocking;
  for (const d of shown) output.err(formatText(toReported(fileOf(d).file, fileOf(d).analysis, d)));
  if (!result.steps) return 1;
  if (format === 'json') output.out(JSON.stringify(result.steps, null, 2));
  else output.out(planScript(result, displayName(desiredFile))!.trimEnd());
  return 0;
}
