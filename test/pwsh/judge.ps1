# Runs scripts through PowerShell's own parser and, with the Lync stubs, through its parameter binder.
# Jobs (JSON): [{ "Script": path, "Stubs": path of a stub module, "Run": false to only parse }].
# Writes one verdict per job (JSON, UTF-8) to ResultPath. Used by the tests in test/pwsh and test/fuzz.
param([string] $JobsPath, [string] $ResultPath)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# What Windows PowerShell 3.0, the shell of Lync Server 2013, cannot read or run, by the token that shows it.
$NewerTokens = @{
    QuestionMark = 'ternary operator ?:'
    QuestionQuestion = 'null-coalescing operator ??'
    QuestionQuestionEquals = 'null-coalescing assignment ??='
    QuestionDot = 'null-conditional access ?.'
    QuestionLBracket = 'null-conditional access ?[]'
    AndAnd = 'pipeline chain operator && or ||'
    OrOr = 'pipeline chain operator && or ||'
    Class = 'class definition'
    Enum = 'enum definition'
    Using = 'using statement'
    Configuration = 'configuration keyword'
    Clean = 'clean block'
}

function Find-NewerSyntax($Tokens) {
    foreach ($token in $Tokens) {
        $kind = [string]$token.Kind
        if ($NewerTokens.ContainsKey($kind)) { $NewerTokens[$kind] }
        elseif ($kind -eq 'StringExpandable' -or $kind -eq 'HereStringExpandable') {
            if ($token.Text -cmatch '`u\{') { 'escape `u{...}' }
            if ($token.Text -cmatch '`e') { 'escape `e' }
        }
    }
}

$jobs = @([System.IO.File]::ReadAllText($JobsPath) | ConvertFrom-Json)
$loaded = ''
$verdicts = foreach ($job in $jobs) {
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput([System.IO.File]::ReadAllText($job.Script), [ref]$tokens, [ref]$errors)
    $output = New-Object System.Collections.Generic.List[string]
    $failure = $null
    if ($job.Run -and $errors.Count -eq 0) {
        if ($loaded -ne $job.Stubs) {
            Import-Module -Name $job.Stubs -Force
            $loaded = $job.Stubs
        }
        try {
            & $ast.GetScriptBlock() | ForEach-Object { $output.Add([string]$_) }
        } catch {
            $failure = [ordered]@{ Id = $_.FullyQualifiedErrorId; Message = $_.Exception.Message }
        }
    }
    [ordered]@{
        ParseErrors = @($errors | ForEach-Object { $_.Message })
        NewerSyntax = @(Find-NewerSyntax $tokens | Select-Object -Unique)
        Output = $output.ToArray()
        Error = $failure
    }
}
[System.IO.File]::WriteAllText($ResultPath, (ConvertTo-Json -InputObject @($verdicts) -Depth 5), (New-Object System.Text.UTF8Encoding($false)))
