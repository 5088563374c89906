import { CMDLET_SIGNATURES, DEFAULT_SERVER_VERSION, existenceDisputed, existsIn, type CmdletSignature, type DocumentedType, type ServerVersion, type SignatureParameter } from './catalog';
import { psComment, psQuote } from './quote';

/** The file name `lync-topology stubs` writes by default. */
export const STUBS_FILE_NAME = 'LyncTopology.Stubs.psm1';

/** The PowerShell type each documented type binds as; the Lync-specific classes are strings to a stub. */
const POWERSHELL_TYPES: Readonly<Record<DocumentedType, string>> = {
  Boolean: 'bool',
  SwitchParameter: 'switch',
  UInt32: 'uint32',
  UInt64: 'uint64',
  String: 'string',
  PSObject: 'psobject',
  XdsIdentity: 'string',
  XdsGlobalRelativeIdentity: 'string',
  VerificationLevelType: 'string',
  UserIdParameter: 'string',
  OUIdParameter: 'string',
  Fqdn: 'string',
  Guid: 'guid',
};

const INDENT = '    ';

/** The `[Parameter(...)]` attributes: one per set the parameter is in, or one for every set. */
function parameterAttributes(parameter: SignatureParameter): string[] {
  const shared = [
    ...(parameter.mandatory ? ['Mandatory = $true'] : []),
    ...(parameter.position !== undefined ? [`Position = ${parameter.position}`] : []),
  ];
  const sets = parameter.parameterSets ?? [undefined];
  return sets.map((set) => `[Parameter(${[...(set === undefined ? [] : [`ParameterSetName = ${psQuote(set)}`]), ...shared].join(', ')})]`);
}

function validationAttributes(parameter: SignatureParameter): string[] {
  const attributes: string[] = [];
  // PowerShell turns $Null into '' for a [string] before validating it: a Mandatory one needs both.
  if (parameter.allowNull) attributes.push('[AllowNull()]', '[AllowEmptyString()]');
  if (parameter.validValues) attributes.push(`[ValidateSet(${parameter.validValues.map(psQuote).join(', ')})]`);
  if (parameter.range) attributes.push(`[ValidateRange(${parameter.range.min}, ${parameter.range.max})]`);
  if (parameter.pattern !== undefined) attributes.push(`[ValidatePattern(${psQuote(parameter.pattern)})]`);
  if (parameter.maxLength !== undefined) attributes.push(`[ValidateLength(0, ${parameter.maxLength})]`);
  return attributes;
}

function parameterDeclaration(parameter: SignatureParameter): string {
  const lines = [...parameterAttributes(parameter), ...validationAttributes(parameter), `[${POWERSHELL_TYPES[parameter.type]}]`, `$${parameter.name}`];
  return lines.map((line) => INDENT.repeat(2) + line).join('\n');
}

function stubFunction(signature: CmdletSignature, version: ServerVersion): string {
  const binding = [
    ...(signature.parameterSets.length > 0 ? [`DefaultParameterSetName = ${psQuote(signature.parameterSets[0])}`] : []),
    'PositionalBinding = $false',
    ...(signature.supportsShouldProcess ? ['SupportsShouldProcess = $true'] : []),
  ];
  // A parameter an older edition of the reference lists is declared: the checks only warn of it (LT204), and the
  // dry run is where the administrator finds out whether the shell takes it.
  const parameters = signature.parameters.filter((p) => existsIn(p, version) || existenceDisputed(p, version)).map(parameterDeclaration);
  const hasIdentity = signature.parameters.some((p) => p.name === 'Identity');
  const body = signature.supportsShouldProcess
    ? [
        `$target = ${psQuote(hasIdentity ? 'global' : 'the deployment')}`,
        ...(hasIdentity ? ["if ($PSBoundParameters.ContainsKey('Identity')) { $target = [string]$PSBoundParameters['Identity'] }"] : []),
        `$wouldRun = $PSCmdlet.ShouldProcess($target, ${psQuote(signature.name)})`,
      ]
    : ['$wouldRun = $true'];
  return [
    `function ${signature.name} {`,
    `${INDENT}[CmdletBinding(${binding.join(', ')})]`,
    `${INDENT}[OutputType([string])]`,
    `${INDENT}param(`,
    parameters.join(',\n\n'),
    `${INDENT})`,
    ...[...body, 'Write-StubCall -Caller $PSCmdlet -Bound $PSBoundParameters -WouldRun $wouldRun'].map((line) => INDENT + line),
    '}',
  ].join('\n');
}

/**
 * The recorder every stub calls: one line of JSON with the cmdlet, the parameter set that bound, the
 * bound values (switches as true, unsigned numbers as their digits so that no precision is lost, other
 * values as strings), and whether the real cmdlet would have run. Common parameters are left out.
 */
const RECORDER = `function Write-StubCall {
    param(
        [System.Management.Automation.PSCmdlet] $Caller,
        [System.Collections.IDictionary] $Bound,
        [bool] $WouldRun
    )
    $values = [ordered]@{}
    foreach ($name in $Bound.Keys) {
        if ($script:NotRecorded -contains $name) { continue }
        $value = $Bound[$name]
        if ($value -is [System.Management.Automation.SwitchParameter]) { $value = $value.IsPresent }
        elseif ($value -is [uint32] -or $value -is [uint64]) { $value = $value.ToString([System.Globalization.CultureInfo]::InvariantCulture) }
        elseif ($value -isnot [bool]) { $value = [string]$value }
        $values[$name] = $value
    }
    $record = [ordered]@{ Cmdlet = $Caller.MyInvocation.MyCommand.Name; ParameterSet = $Caller.ParameterSetName; Parameters = $values; WouldRun = $WouldRun }
    ConvertTo-Json -InputObject $record -Compress -Depth 3
}`;

/**
 * A PowerShell script module (the text of LyncTopology.Stubs.psm1) with one advanced function per
 * cmdlet in `signatures`, declared as the cmdlet reference declares it for `version`: parameter sets,
 * Mandatory, Position, types, ValidateSet/ValidateRange/ValidatePattern/ValidateLength, and -WhatIf and
 * -Confirm where the cmdlet has them. The functions change nothing: each writes a JSON line recording
 * the call. The text uses only what Windows PowerShell 3.0 has.
 */
export function stubModule(version: ServerVersion = DEFAULT_SERVER_VERSION, signatures: readonly CmdletSignature[] = CMDLET_SIGNATURES): string {
  const header = [
    `Stand-ins for the Lync Server Management Shell cmdlets, as ${version} declares them, written by lync-topology stubs.`,
    'Each one binds its parameters as the real cmdlet does and changes nothing: it writes one line of JSON with the cmdlet,',
    'the parameter set that bound, the bound values, and WouldRun (false under -WhatIf or a declined -Confirm).',
    'Dry-run a script: Import-Module ./LyncTopology.Stubs.psm1; ./my-script.ps1',
  ].map(psComment);
  const notRecorded =
    '$script:NotRecorded = @([System.Management.Automation.Internal.CommonParameters].GetProperties() + [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties() | ForEach-Object { $_.Name })';
  const exported = `Export-ModuleMember -Function ${signatures.map((s) => s.name).join(', ')}`;
  return [header.join('\n'), 'Set-StrictMode -Version Latest', notRecorded, RECORDER, ...signatures.map((s) => stubFunction(s, version)), exported].join('\n\n') + '\n';
}
