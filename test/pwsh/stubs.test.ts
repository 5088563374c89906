import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { analyze, CMDLET_SIGNATURES, DEFAULT_SERVER_VERSION, generate, psQuote, RULES, SERVER_VERSIONS, stubModule, type CmdletSignature, type SeveritySetting } from '../../server/src/core';
import { EXAMPLES, REPO, repoFile } from '../helpers';
import { readCommand } from '../powershell';
import { disagreements, expectedCalls } from './expected';
import { judge, once, requirePwsh, type Job, type Verdict } from './pwsh';

/** Every example and test fixture that checks clean, with the script the generator writes for it. */
const FIXTURES = readdirSync(join(REPO, 'test', 'fixtures')).filter((f) => f.endsWith('.lync.jsonc')).map((f) => `test/fixtures/${f}`);
const CLEAN = [...EXAMPLES, ...FIXTURES].flatMap((file) => {
  const text = repoFile(file);
  const analysis = analyze(text);
  if (analysis.diagnostics.some((d) => d.severity === 'error')) return [];
  return [{ file, text, script: generate(analysis).script!, version: analysis.model.serverVersion }];
});

/** The Set-CsAccessEdgeConfiguration a file asks for, each key and value as written (duplicates and unknown keys kept). */
function asWritten(document: string): string {
  const edge = parseTree(document)!.children!.find((m) => m.children![0].value === 'AccessEdgeConfiguration')!.children![1];
  const parts = (edge.children ?? []).map((member) => {
    const [key, value] = member.children!;
    const text = typeof value.value === 'string' ? psQuote(value.value) : typeof value.value === 'boolean' ? (value.value ? '$True' : '$False') : document.slice(value.offset, value.offset + value.length);
    return `-${key.value as string} ${text}`;
  });
  return `Set-CsAccessEdgeConfiguration ${parts.join(' ')}\n`;
}

interface Refusal {
  readonly code: string;
  readonly document: string;
  /**
   * The codes to turn off so that the generator writes the command. Absent: the code blocks the script
   * whatever its severity, so the command is the file's Edge settings as written.
   */
  readonly off?: readonly string[];
  /** The FullyQualifiedErrorId PowerShell stops with. */
  readonly error: RegExp;
}

const EDGE = (body: string) => `{ "AccessEdgeConfiguration": { ${body} } }`;
const PROVIDER = (body: string) => `{ "HostingProviders": [ { "Identity": "P", "Enabled": true${body} } ] }`;

/** Each code that stands for something the Management Shell itself refuses, with a command the stubs refuse. */
const REFUSALS: readonly Refusal[] = [
  { code: 'LT002', document: EDGE('"AllowFederatedUsers": true, "AllowFederatedUsers": false'), error: /^ParameterAlreadyBound,/ },
  { code: 'LT003', document: EDGE('"FederateEverything": true'), error: /^NamedParameterNotFound,/ },
  { code: 'LT101', document: EDGE('"AllowFederatedUsers": "True"'), error: /^ParameterArgumentTransformationError,/ },
  { code: 'LT103', document: EDGE('"MaxContactsPerDiscoveredPartner": -1'), error: /^ParameterArgumentTransformationError,/ },
  { code: 'LT102', document: EDGE('"UseDefaultRouting": true, "DefaultRouteFqdn": "edge.contoso.com", "VerificationLevel": "UseSourceVerfication"'), error: /^ParameterArgumentValidationError,/ },
  { code: 'LT103', document: EDGE('"OutgoingTlsCountForFederatedPartners": 8'), error: /^ParameterArgumentValidationError,/ },
  { code: 'LT103', document: EDGE('"MaxAcceptedCertificatesStored": 4294967296'), error: /^ParameterArgumentTransformationError,/ },
  { code: 'LT201', document: PROVIDER(''), off: ['LT201'], error: /^MissingMandatoryParameter,/ },
  { code: 'LT202', document: PROVIDER(', "ProxyFqdn": "p.fabrikam.com", "EnabledSharedAddressSpace": false'), off: ['LT202'], error: /^MissingMandatoryParameter,/ },
  { code: 'LT203', document: `{ "ServerVersion": "Lync Server 2010", ${EDGE('"EnableUserReplicator": true').slice(1)}`, off: ['LT203'], error: /^NamedParameterNotFound,/ },
  { code: 'LT301', document: EDGE('"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "UseDefaultRouting": true, "DefaultRouteFqdn": "edge.contoso.com"'), off: ['LT301'], error: /^AmbiguousParameterSet,/ },
  { code: 'LT302', document: EDGE('"UseDnsSrvRouting": true, "EnablePartnerDiscovery": false, "IsPublicProvider": true'), off: ['LT302'], error: /^AmbiguousParameterSet,/ },
  { code: 'LT205', document: '{ "AllowedDomains": [ { "Identity": "fabrikam.com", "Domain": "fabrikam.com" } ] }', off: ['LT205'], error: /^AmbiguousParameterSet,/ },
];

/** Codes for which the shell has no refusal to pair with, and why. */
const NOT_SHELL_ERRORS: Readonly<Record<string, string>> = {
  LT000: 'about the editor: the file is too large to check',
  LT001: 'the topology file is not JSON; there is no command to run',
  LT004: 'PowerShell matches parameter names and enumeration values ignoring letter case',
  LT005: 'the shell accepts -Force, -WhatIf and the other common parameters; the topology file is not the place for them',
  LT104: 'the reference documents no pattern for most of these values (the stubs enforce the one of a policy Destination): the binder takes any string, and the cmdlet may fail only when it runs',
  LT105: 'the binder takes any character; the generator refuses them so that no value can end a line or a comment',
  LT106: 'a placeholder is a string like any other to the binder',
  LT107: 'a misspelt service FQDN is a string like any other to the binder; federation with the service fails later',
  LT109: "an OUIdParameter binds as any string; whether the cmdlet finds the unit by its name shows only when it runs against the directory",
  LT108: 'the binder takes an empty string; the policy is left with no tenant, and the hosted service cannot tell which tenant homes a mailbox',
  LT204: 'the reference disagrees about the version; the shell of the newer versions binds the parameter',
  LT303: 'DefaultRouteFqdn and EnablePartnerDiscovery are Mandatory in no parameter set: the cmdlet checks the documented requirement when it runs',
  LT304: 'depends on what the deployment holds: the cmdlet refuses when it runs, not when it binds',
  LT305: 'guidance: partner discovery is allowed, but opens federation',
  LT306: 'guidance: the value is allowed, but Microsoft support should ask for it',
  LT307: 'a setting the file leaves to the deployment: no parameter is passed, so nothing is refused',
  LT401: 'a reference inside the topology file; the ExchangeUM section becomes no command',
  LT402: 'the shell accepts the value; the hosted Exchange UM set-up breaks',
  LT403: 'the shell accepts the command; the set-up relies on a value left to the deployment',
  LT404: 'the shell accepts the command; hosted Exchange UM needs DNS SRV routing to work',
  LT405: 'the shell accepts the command; the shared SIP address space needs federation to work',
  LT406: 'SipDomains become no parameter; the set-up needs them',
  LT407: 'the set-up needs a hosting provider; no command is refused',
  LT408: 'guidance: providers are not needed on premises',
  LT409: 'guidance: the procedure advises another value',
  LT501: 'a second provider with the same Identity is refused by the cmdlet when it runs against the store; the stubs keep no state',
  LT502: 'a second provider with the same ProxyFqdn is refused by the cmdlet when it runs against the store; the stubs keep no state',
  LT503: 'a repeated entry in a list of the file, which becomes no parameter',
  LT504: 'a port outside 1 to 65535 is still a valid UInt64; the port is wrong for the network, not for the shell',
  LT206: 'the binder takes a Tenant GUID; it names a Skype for Business Online tenant an on-premises deployment does not have',
  LT601: "guidance: the shell allows the deployment's own domain on the list",
  LT602: 'the lists are accepted; the Edge ignores them while federation is off',
  LT701: 'an XdsIdentity binds as any string; the cmdlet refuses an unknown scope when it runs against the store',
  LT702: 'the policy is accepted; enabling a user it applies to fails when Set-CsUser runs against the store',
  LT703: 'guidance: an ungranted per-user policy is allowed, and does nothing',
  LT704: 'PolicyName binds as any string; the grant fails when it runs against the store',
  LT708: 'style: PolicyName takes the name with or without tag:',
  LT705: 'a policy the deployment must already have: the stubs keep no state',
  LT706: 'guidance: several site policies are allowed',
  LT707: "the global policy's Destination is left to the deployment: nothing is passed, so nothing is refused",
  LT801: 'a policy the deployment must already have: no parameter is passed, so nothing is refused',
  LT802: 'a UserIdParameter binds as any string; the lookup fails when it runs against the directory',
  LT803: 'a UserIdParameter binds as any string; the wildcard matches when it runs against the directory',
  LT804: 'a policy the deployment must already have: no parameter is passed, so nothing is refused',
  LT805: 'guidance: one kind of contact alone is allowed',
  LT901: 'a policy the deployment must already have: no parameter is passed, so nothing is refused',
  LT902: 'guidance: hosted voice mail objects are allowed on premises, and unused',
  LT903: 'the Destination is accepted; voice mail is not routed when no provider serves it',
};

function refusedScript(refusal: Refusal): { script: string; version: (typeof SERVER_VERSIONS)[number] } {
  const off: Record<string, SeveritySetting> = Object.fromEntries((refusal.off ?? []).map((code) => [code, 'off']));
  const analysis = analyze(refusal.document, { severity: off });
  if (!refusal.off) return { script: asWritten(refusal.document), version: analysis.model.serverVersion };
  const script = generate(analysis).script;
  assert.ok(script, `${refusal.code}: the generator writes a script once ${refusal.off.join(', ')} is off: ${JSON.stringify(analysis.blocking.map((d) => d.message))}`);
  return { script, version: analysis.model.serverVersion };
}

/** One quoting rule flipped: only the ASCII apostrophe is doubled, as if U+2018 to U+201B were ordinary letters. */
function withBrokenQuoting(script: string): string {
  return script
    .split('\n')
    .map((line) => {
      if (!/^[A-Z][a-z]+-Cs/.test(line)) return line;
      const { cmdlet, tokens } = readCommand(line);
      const parts = tokens.map((t) => (t.kind === 'parameter' ? `-${t.name}` : t.kind === 'literal' ? `'${t.value.replace(/'/g, "''")}'` : t.text));
      return [cmdlet, ...parts].join(' ');
    })
    .join('\n');
}

/** A mandatory parameter dropped: New-CsHostingProvider loses its -ProxyFqdn and the value after it. */
function withoutProxyFqdn(script: string): string {
  return script.replace(/ -ProxyFqdn '(?:[^']|'')*'/g, '');
}

const HOSTILE_PROVIDER = JSON.stringify({
  HostingProviders: [{ Identity: "O\u2019Brien\u2018s \u201Aquoted\u201B 'UM' $(Get-Date) `n # ; | Zoë 東京", Enabled: true, ProxyFqdn: 'p.fabrikam.com' }],
});
const HOSTILE_SCRIPT = generate(analyze(HOSTILE_PROVIDER)).script!;

const DEFAULT_VERSION = DEFAULT_SERVER_VERSION;

/** A cmdlet with a documented pattern and length, as the hosted voice mail policy's Destination has. */
const PATTERNED: CmdletSignature = {
  name: 'Set-CsPatterned',
  parameterSets: [],
  supportsShouldProcess: false,
  parameters: [{ name: 'Destination', type: 'String', pattern: '^[a-zA-Z0-9\\-_]+(\\.[a-zA-Z0-9\\-_]+){0,}$', maxLength: 20 }],
};
const PATTERNED_STUBS = stubModule(DEFAULT_VERSION, [PATTERNED]);
const PATTERNED_CALLS = ["exap.um.outlook.com", "exap um", `${'a'.repeat(21)}`].map((value) => `Set-CsPatterned -Destination ${psQuote(value)}\n`);
/** Every script of this file goes to one pwsh process, run when the first test asks for a verdict. */
const jobs: Job[] = [];
const verdicts = once(() => judge(jobs));
function queue(job: Job): () => Verdict {
  const index = jobs.push(job) - 1;
  return () => verdicts()[index];
}

const cleanRuns = CLEAN.map(({ script, version }) => queue({ script, version }));
const moduleParses = SERVER_VERSIONS.map((version) => queue({ script: stubModule(version), version, parseOnly: true }));
const refusalRuns = REFUSALS.map((refusal) => queue(refusedScript(refusal)));
const whatIfRun = queue({ script: "New-CsHostingProvider -Identity 'P' -Enabled $True -ProxyFqdn 'p.fabrikam.com' -WhatIf\nRemove-CsHostingProvider 'P' -WhatIf\n", version: DEFAULT_VERSION });
const hostileRun = queue({ script: HOSTILE_SCRIPT, version: DEFAULT_VERSION });
const brokenQuotingRun = queue({ script: withBrokenQuoting(HOSTILE_SCRIPT), version: DEFAULT_VERSION });
const droppedParameterRun = queue({ script: withoutProxyFqdn(HOSTILE_SCRIPT), version: DEFAULT_VERSION });
const patternedRuns = PATTERNED_CALLS.map((script) => queue({ script, version: DEFAULT_VERSION, stubs: PATTERNED_STUBS }));
const newerSyntaxParse = queue({ script: '$a = $null ?? 1\n$b = $true ? 1 : 2\nWrite-Output "`u{2019}" && Write-Output x\n', version: DEFAULT_VERSION, parseOnly: true });

describe('generated scripts in the real PowerShell, with the stubs', () => {
  it('runs every clean example and fixture, recording exactly the calls the file asks for', (t) => {
    if (!requirePwsh(t)) return;
    assert.ok(CLEAN.length >= 4, `clean files: ${CLEAN.map((c) => c.file).join(', ')}`);
    CLEAN.forEach(({ file, text }, i) => {
      assert.deepEqual(disagreements(cleanRuns[i](), expectedCalls(text)), [], file);
      assert.ok(cleanRuns[i]().calls.length > 0, `${file} runs something`);
    });
  });

  it('has a stub for every cmdlet a generated script calls or names in a comment', () => {
    const named = new Set([...CLEAN.map((c) => c.script), HOSTILE_SCRIPT].flatMap((script) => script.match(/\b[A-Z][a-z]+-Cs[A-Za-z]+\b/g) ?? []));
    assert.ok(named.has('Invoke-CsManagementStoreReplication'));
    for (const cmdlet of named) assert.ok(CMDLET_SIGNATURES.some((s) => s.name === cmdlet), `${cmdlet} has a stub`);
  });

  it('writes a stub module that parses for every server version and uses nothing Windows PowerShell 3.0 lacks', (t) => {
    if (!requirePwsh(t)) return;
    SERVER_VERSIONS.forEach((version, i) => {
      const verdict = moduleParses[i]();
      assert.deepEqual([...verdict.parseErrors, ...verdict.newerSyntax], [], version);
    });
  });

  it('finds the syntax Windows PowerShell 3.0 lacks', (t) => {
    if (!requirePwsh(t)) return;
    const verdict = newerSyntaxParse();
    assert.deepEqual([...verdict.parseErrors], []);
    assert.deepEqual(new Set(verdict.newerSyntax), new Set(['null-coalescing operator ??', 'ternary operator ?:', 'escape `u{...}', 'pipeline chain operator && or ||']));
  });

  it('pairs every code that stands for a shell refusal with a command the stubs refuse, and says why the others have none', (t) => {
    for (const rule of RULES) {
      const refused = REFUSALS.some((r) => r.code === rule.code);
      assert.ok(refused !== rule.code in NOT_SHELL_ERRORS, `${rule.code}: in exactly one of the two tables`);
    }
    if (!requirePwsh(t)) return;
    REFUSALS.forEach((refusal, i) => {
      assert.ok(analyze(refusal.document).diagnostics.some((d) => d.code === refusal.code), `${refusal.code} is reported for ${refusal.document}`);
      const verdict = refusalRuns[i]();
      assert.deepEqual(verdict.parseErrors, [], refusal.code);
      assert.match(verdict.error?.id ?? 'no error', refusal.error, `${refusal.code}: ${verdict.error?.message}`);
    });
  });

  it('binds under -WhatIf and records that the cmdlet would not run', (t) => {
    if (!requirePwsh(t)) return;
    const verdict = whatIfRun();
    assert.equal(verdict.error, undefined);
    assert.deepEqual(
      verdict.calls.map((c) => [c.Cmdlet, c.Parameters.Identity, c.WouldRun]),
      [
        ['New-CsHostingProvider', 'P', false],
        ['Remove-CsHostingProvider', 'P', false],
      ],
    );
  });

  it('declares documented patterns and lengths, which the binder enforces', (t) => {
    assert.match(PATTERNED_STUBS, /\[ValidatePattern\('\^\[a-zA-Z0-9\\-_\]\+.*\)\]\n\s+\[ValidateLength\(0, 20\)\]/);
    if (!requirePwsh(t)) return;
    const [fits, spaced, long] = patternedRuns.map((run) => run());
    assert.deepEqual(fits.calls.map((c) => c.Parameters), [{ Destination: 'exap.um.outlook.com' }]);
    assert.match(spaced.error?.id ?? '', /^ParameterArgumentValidationError,/);
    assert.match(long.error?.id ?? '', /^ParameterArgumentValidationError,/);
  });

  it('reads every quote character and letter of a hostile Identity back exactly', (t) => {
    if (!requirePwsh(t)) return;
    assert.deepEqual(disagreements(hostileRun(), expectedCalls(HOSTILE_PROVIDER)), []);
  });

  it('fails when the generator is broken: one quoting rule flipped, or a mandatory parameter dropped', (t) => {
    if (!requirePwsh(t)) return;
    assert.notEqual(withBrokenQuoting(HOSTILE_SCRIPT), HOSTILE_SCRIPT);
    assert.notDeepEqual(disagreements(brokenQuotingRun(), expectedCalls(HOSTILE_PROVIDER)), []);
    const dropped = disagreements(droppedParameterRun(), expectedCalls(HOSTILE_PROVIDER));
    assert.ok(dropped.some((d) => d.startsWith('stopped by MissingMandatoryParameter,')), dropped.join('\n'));
  });
});
