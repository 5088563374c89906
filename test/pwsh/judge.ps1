# Runs scripts through PowerShell's own parser and, with the Lync stubs, through its parameter binder.
# Jobs (JSON): [{ "Script": path, "Stubs": path of a stub module, "Run": false to only parse }].
# Writes one verdict per job (JSON, UTF-8) to ResultPath. Used by the tests in test/pwsh and test/fuzz.
param([string] $JobsPath, [string] $ResultPath)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# What Windows PowerShell 3.0, the shell of Lync Server 2013, cannot read or run.
function Find-NewerSyntax($Ast, $Tokens) {
    $language = 'System.Management.Automation.Language'
    $newer = @{
        "$language.TernaryExpressionAst" = 'ternary operator ?:'
        "$language.PipelineChainAst" = 'pipeline chain operator && or ||'
        "$language.TypeDefinitionAst" = 'class or enum definition'
        "$language.UsingStatementAst" = 'using statement'
        "$language.ConfigurationDefinitionAst" = 'configuration keyword'
        "$language.DynamicKeywordStatementAst" = 'dynamic keyword'
    }
    foreach ($node in $Ast.FindAll({ $true }, $true)) {
        $name = $node.GetType().FullName
        if ($newer.ContainsKey($name)) { $newer[$name] }
        if ($node -is [System.Management.Automation.Language.BinaryExpressionAst] -and $node.Operator -eq 'QuestionQuestion') { 'null-coalescing operator ??' }
        if ($node -is [System.Management.Automation.Language.AssignmentStatementAst] -and $node.Operator -eq 'QuestionQuestionEquals') { 'null-coalescing assignment ??=' }
        if (($node -is [System.Management.Automation.Language.MemberExpressionAst] -or $node -is [System.Management.Automation.Language.IndexExpressionAst]) -and $node.NullConditional) { 'null-conditional access ?. or ?[]' }
        if ($node -is [System.Management.Automation.Language.ScriptBlockAst] -and $null -ne $node.CleanBlock) { 'clean block' }
    }
    foreach ($token in $Tokens) {
        if ($token.Kind -eq 'StringExpandable' -or $token.Kind -eq 'HereStringExpandable') {
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
            & $job.Script | ForEach-Object { $output.Add([string]$_) }
        } catch {
            $failure = [ordered]@{ Id = $_.FullyQualifiedErrorId; Message = $_.Exception.Message }
        }
    }
    [ordered]@{
        ParseErrors = @($errors | ForEach-Object { $_.Message })
        NewerSyntax = @(Find-NewerSyntax $ast $tokens)
        Output = $output.ToArray()
        Error = $failure
    }
}
[System.IO.File]::WriteAllText($ResultPath, (ConvertTo-Json -InputObject @($verdicts) -Depth 5), (New-Object System.Text.UTF8Encoding($false)))
