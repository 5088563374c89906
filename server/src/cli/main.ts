import { parseArgs } from 'node:util';
import { analyze, DEFAULT_SERVER_VERSION, RULES_BY_CODE, SERVER_VERSIONS, SEVERITIES, STUBS_FILE_NAME, generate, stubModule, type AnalysisSettings, type ServerVersion, type SeveritySetting } from '../core';
import { importCommand, planCommand } from './changes';
import { displayName, readTopology, STDIN, UsageError, writePowerShell } from './files';
import type { Output } from './output';
import { formatText, toReported, type ReportedDiagnostic } from './report';

const HELP = `Usage:
  lync-topology check [--format text|json] [--severity CODE=LEVEL]... FILE...
  lync-topology cmdlets [--severity CODE=LEVEL]... FILE
  lync-topology stubs [--out FILE] [--server-version VERSION]
  lync-topology import [FILE...]
  lync-topology plan --from DEPLOYED [--format text|json] [--severity CODE=LEVEL]... DESIRED
  lync-topology --help | --version

A FILE (or DEPLOYED) given as - is standard input; --out - is standard output. Topology files are read as UTF-8,
or as UTF-16 with a byte order mark (what Windows PowerShell's > writes).

check     Checks topology files (*.lync.jsonc, *.lync.json) and lists what is wrong.
          Text lines read file:line:column: severity code: message.
cmdlets   Prints the Lync Server Management Shell cmdlets for one topology file;
          when the file has errors, prints them on standard error instead.
stubs     Writes LyncTopology.Stubs.psm1, a PowerShell module of stand-ins for those
          cmdlets that bind parameters as the real ones do and change nothing, to
          dry-run a script: Import-Module ./LyncTopology.Stubs.psm1; ./my-script.ps1
import    Reads what the Management Shell printed (Get-Cs* output in list format,
          or Export-Csv CSV) from the files, or standard input when none, and
          prints the topology file of that deployment.
plan      Prints only the cmdlets that take the deployment DEPLOYED describes
          (an imported file) to what DESIRED says, each with a comment saying why.

Options:
  --format text|json     How check reports, or plan prints its steps (default text).
  --from DEPLOYED        The topology file of the deployment as it is (plan).
  --severity CODE=LEVEL  Sets the severity of a diagnostic code: error, warning,
                         info, hint or off. May be repeated.
  --out FILE             Where stubs writes the module (default ./LyncTopology.Stubs.psm1;
                         - prints it).
  --server-version V     The version whose parameters the stubs declare
                         (default "Lync Server 2013").

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.
Diagnostic codes are described in docs/diagnostics.md.`;

function severitySettings(values: readonly string[]): AnalysisSettings['severity'] {
  const settings: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const [code, level] = value.split('=');
    const upper = code?.toUpperCase() ?? '';
    if (!RULES_BY_CODE.has(upper)) throw new UsageError(`unknown diagnostic code in --severity ${value}`);
    if (!(SEVERITIES as readonly string[]).includes(level) && level !== 'off') {
      throw new UsageError(`--severity ${value}: the level must be error, warning, info, hint or off`);
    }
    settings[upper] = level as SeveritySetting;
  }
  return settings;
}

function check(files: readonly string[], format: string, settings: AnalysisSettings, output: Output): number {
  const reported: ReportedDiagnostic[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = readTopology(file);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      output.err(`lync-topology: ${error.message}`);
      unreadable = true;
      continue;
    }
    const analysis = analyze(text, settings);
    reported.push(...analysis.diagnostics.map((d) => toReported(displayName(file), analysis, d)));
  }
  if (format === 'json') output.out(JSON.stringify(reported, null, 2));
  else for (const d of reported) output.out(formatText(d));
  if (unreadable) return 2;
  return reported.some((d) => d.severity === 'error') ? 1 : 0;
}

function cmdlets(file: string, settings: AnalysisSettings, output: Output): number {
  const analysis = analyze(readTopology(file), settings);
  const generation = generate(analysis);
  const shown = generation.script === undefined ? generation.blocking : analysis.diagnostics.filter((d) => d.severity === 'warning');
  for (const d of shown) output.err(formatText(toReported(displayName(file), analysis, d)));
  if (generation.script === undefined) return 1;
  output.out(generation.script.trimEnd());
  return 0;
}

function stubs(file: string, version: string, output: Output): number {
  if (!(SERVER_VERSIONS as readonly string[]).includes(version)) {
    throw new UsageError(`--server-version takes one of ${SERVER_VERSIONS.map((v) => `"${v}"`).join(', ')}`);
  }
  const text = stubModule(version as ServerVersion);
  if (file === STDIN) {
    output.out(text.trimEnd());
    return 0;
  }
  writePowerShell(file, text);
  output.err(`lync-topology: wrote ${file}`);
  return 0;
}

/** Runs the command line; returns the exit status. */
export function run(args: readonly string[], version: string, output: Output): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        from: { type: 'string' },
        severity: { type: 'string', multiple: true, default: [] },
        out: { type: 'string', default: STUBS_FILE_NAME },
        'server-version': { type: 'string', default: DEFAULT_SERVER_VERSION },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    if (values.help) {
      output.out(HELP);
      return 0;
    }
    if (values.version) {
      output.out(version);
      return 0;
    }
    const [command, ...files] = positionals;
    const settings: AnalysisSettings = { severity: severitySettings(values.severity) };
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format takes text or json');
    if ([...files, values.from].filter((file) => file === STDIN).length > 1) throw new UsageError(`standard input is read once: give ${STDIN} as one file only`);
    if (command === 'check' && files.length > 0) return check(files, values.format, settings, output);
    if (command === 'cmdlets' && files.length === 1) return cmdlets(files[0], settings, output);
    if (command === 'stubs' && files.length === 0) return stubs(values.out, values['server-version'], output);
    if (command === 'import') return importCommand(files, output);
    if (command === 'plan' && values.from !== undefined && files.length === 1) return planCommand(values.from, files[0], values.format, settings, output);
    throw new UsageError(command === undefined ? 'no command given' : `cannot run "${positionals.join(' ')}"`);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && 'code' in error)) throw error;
    output.err(`lync-topology: ${error.message}. See lync-topology --help.`);
    return 2;
  }
}
