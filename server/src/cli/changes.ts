import { readFileSync } from 'node:fs';
import { analyze, importShellOutput, plan, planScript, type AnalysisSettings, type ShellSource } from '../core';
import { readTopology } from './files';
import { formatText, toReported } from './report';

interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Standard input, read whole; a terminal with nothing piped gives what is typed up to end of file. */
function readStandardInput(): string {
  return readFileSync(0, 'utf8');
}

/** `import [FILE...]`: the topology file on standard output, or each problem as `source:line: error: ...`. */
export function importCommand(files: readonly string[], output: Output): number {
  const sources: ShellSource[] =
    files.length === 0 ? [{ name: 'standard input', text: readStandardInput() }] : files.map((name) => ({ name, text: readTopology(name) }));
  const result = importShellOutput(sources);
  for (const p of result.problems) output.err(`${p.source}:${p.line}: error: ${p.message}`);
  if (result.text === undefined) return 1;
  output.out(result.text.trimEnd());
  return 0;
}

/** `plan --from DEPLOYED DESIRED`: the script (or, with json, the steps) that takes one to the other. */
export function planCommand(deployedFile: string, desiredFile: string, format: string, settings: AnalysisSettings, output: Output): number {
  const deployed = analyze(readTopology(deployedFile), settings);
  const desired = analyze(readTopology(desiredFile), settings);
  const result = plan(deployed, desired);
  if (!result.steps) {
    for (const d of result.blocking) {
      const file = desired.diagnostics.includes(d) || desired.blocking.includes(d) ? desiredFile : deployedFile;
      output.err(formatText(toReported(file, file === desiredFile ? desired : deployed, d)));
    }
    return 1;
  }
  if (format === 'json') output.out(JSON.stringify(result.steps, null, 2));
  else output.out(planScript(result, desiredFile)!.trimEnd());
  return 0;
}
