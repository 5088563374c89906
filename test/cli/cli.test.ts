import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stubModule } from '../../server/src/core';
import { REPO } from '../helpers';
import { commandArguments, commandLines } from '../powershell';

function cliIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cliIn(REPO, ...args);
}

function tempFile(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lync-topology-')), name);
  writeFileSync(file, content);
  return file;
}

const MISTAKES = 'test/fixtures/mistakes.lync.jsonc';

describe('lync-topology check', () => {
  it('exits 0 with nothing to say on a clean file', () => {
    assert.deepEqual(cli('check', 'examples/cross-premises.lync.jsonc', 'examples/mixed.lync.jsonc'), { status: 0, stdout: '', stderr: '' });
  });

  it('reports file:line:column: severity code: message and exits 1 on errors', () => {
    const result = cli('check', MISTAKES);
    assert.equal(result.status, 1);
    const lines = result.stdout.trim().split('\n');
    for (const line of lines) assert.match(line, /^test\/fixtures\/mistakes\.lync\.jsonc:\d+:\d+: (error|warning|info|hint) LT\d{3}: \S/);
    assert.ok(lines.includes('test/fixtures/mistakes.lync.jsonc:10:28: error LT101: `AccessEdgeConfiguration.AllowFederatedUsers` must be true or false (a JSON boolean, without quotes).'));
  });

  it('reports the same findings as JSON, 1-based', () => {
    const text = cli('check', MISTAKES).stdout.trim().split('\n');
    const json = cli('check', '--format', 'json', MISTAKES);
    assert.equal(json.status, 1);
    const reported = JSON.parse(json.stdout) as Record<string, unknown>[];
    assert.equal(reported.length, text.length);
    const typed = reported.find((d) => d.code === 'LT101')!;
    assert.deepEqual(typed, {
      file: MISTAKES,
      line: 10,
      column: 28,
      endLine: 10,
      endColumn: 34,
      severity: 'error',
      code: 'LT101',
      message: '`AccessEdgeConfiguration.AllowFederatedUsers` must be true or false (a JSON boolean, without quotes).',
    });
    assert.deepEqual(Object.keys(reported[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('exits 0 when only warnings remain after --severity', () => {
    const file = tempFile('w.lync.jsonc', '{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true } }');
    assert.equal(cli('check', file).status, 0);
    assert.equal(cli('check', '--severity', 'LT305=error', file).status, 1);
    assert.deepEqual(cli('check', '--severity', 'lt305=off', file), { status: 0, stdout: '', stderr: '' });
  });

  it('reads a file with a byte order mark as the editor does', () => {
    const file = tempFile('bom.lync.jsonc', '\uFEFF{ "SipDomains": ["contoso.com"] }');
    assert.deepEqual(cli('check', file), { status: 0, stdout: '', stderr: '' });
  });

  it('exits 2 with one line, no stack trace, on an unreadable file', () => {
    const result = cli('check', 'examples/cross-premises.lync.jsonc', 'no/such.lync.jsonc');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'lync-topology: cannot read no/such.lync.jsonc: no such file\n');
    const directory = cli('check', 'examples');
    assert.equal(directory.status, 2);
    assert.equal(directory.stderr.trim().split('\n').length, 1);
  });

  for (const args of [[], ['check'], ['lint', 'x'], ['check', '--format', 'xml', MISTAKES], ['check', '--severity', 'LT999=off', MISTAKES], ['check', '--severity', 'LT305=loud', MISTAKES], ['check', '--frobnicate', MISTAKES], ['cmdlets', 'a', 'b']]) {
    it(`exits 2 on bad usage: ${args.join(' ') || '(nothing)'}`, () => {
      const result = cli(...args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^lync-topology: .+\n$/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  it('never shows a stack trace on hostile input', () => {
    const file = tempFile('deep.lync.jsonc', Buffer.concat([Buffer.from('{"SipDomains": '), Buffer.from('['.repeat(20000)), Buffer.from([0, 0x1b, 0x7f]), Buffer.from('\u00e9\u{1f600}')]));
    const result = cli('check', file);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
  });
});

describe('lync-topology cmdlets', () => {
  it('prints the script of a clean file', () => {
    const result = cli('cmdlets', 'examples/cross-premises.lync.jsonc');
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    assert.deepEqual(commandLines(result.stdout).map((l) => l.split(' ')[0]), ['Set-CsAccessEdgeConfiguration', 'Get-CsManagementStoreReplicationStatus', 'New-CsHostingProvider']);
  });

  it('prints only the errors, on stderr, and exits 1 for a file with errors', () => {
    const result = cli('cmdlets', MISTAKES);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trim().split('\n');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /: error LT\d{3}: /);
  });

  it("writes Microsoft's Exchange Online procedure, which leaves the routing to the Edge, and warns about it", () => {
    const file = tempFile(
      'exchange-online.lync.jsonc',
      `{ "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Exchange Online"] },
  "AccessEdgeConfiguration": { "AllowFederatedUsers": true },
  "HostingProviders": [ { "Identity": "Exchange Online", "Enabled": true, "EnabledSharedAddressSpace": true,
      "HostsOCSUsers": false, "ProxyFqdn": "exap.um.outlook.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification" } ] }`,
    );
    const checked = cli('check', file);
    assert.equal(checked.status, 0);
    assert.match(checked.stdout, /^\S+:3:3: warning LT307: .*DNS SRV routing/);
    assert.equal(checked.stdout.trim().split('\n').length, 1);
    const result = cli('cmdlets', file);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(commandLines(result.stdout), [
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True',
      'Get-CsManagementStoreReplicationStatus',
      "New-CsHostingProvider -Identity 'Exchange Online' -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn 'exap.um.outlook.com' -IsLocal $False -VerificationLevel UseSourceVerification",
    ]);
  });

  it('refuses hosting providers that are not objects instead of skipping them', () => {
    const file = tempFile('items.lync.jsonc', '{ "HostingProviders": [ "fabrikam.com", { "Identity": "N", "Enabled": true, "ProxyFqdn": "sip.northwindtraders.com" } ] }');
    const result = cli('cmdlets', file);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /:1:25: error LT101: `HostingProviders\[0\]` must be an object/);
  });

  it('writes hostile names so that PowerShell reads them back exactly', () => {
    const identity = "O'Brien\u2019s \u201CUM\u201D $(Remove-Item C:\\) `n # ; | \u2018\u201A\u201B''";
    const file = tempFile('hostile.lync.jsonc', JSON.stringify({ HostingProviders: [{ Identity: identity, Enabled: true, ProxyFqdn: 'sip.fabrikam.com' }] }));
    const result = cli('cmdlets', file);
    assert.equal(result.status, 0, result.stderr);
    const [provider] = commandLines(result.stdout).filter((line) => line.startsWith('New-CsHostingProvider'));
    assert.equal(commandArguments(provider).get('Identity'), identity);
  });

  it('refuses a name with a line break instead of writing it', () => {
    const file = tempFile('newline.lync.jsonc', JSON.stringify({ HostingProviders: [{ Identity: "UM'\nRemove-CsHostingProvider -Identity 'x", Enabled: true, ProxyFqdn: 'sip.fabrikam.com' }] }));
    const result = cli('cmdlets', file);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /error LT105/);
  });

  it('shows --help and --version', () => {
    assert.match(cli('--help').stdout, /lync-topology stubs \[--out FILE\]/);
    const help = cli('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /lync-topology check/);
    assert.match(help.stdout, /lync-topology cmdlets/);
    const version = cli('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('lync-topology stubs', () => {
  it('writes LyncTopology.Stubs.psm1 in the current directory, UTF-8 with a byte order mark, for Lync Server 2013', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lync-topology-'));
    const result = cliIn(folder, 'stubs');
    assert.deepEqual([result.status, result.stdout], [0, '']);
    assert.equal(readFileSync(join(folder, 'LyncTopology.Stubs.psm1'), 'utf8'), `\uFEFF${stubModule('Lync Server 2013')}`);
  });

  it('writes the stubs of another server version where --out says', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lync-topology-')), 'old.psm1');
    assert.equal(cli('stubs', '--out', file, '--server-version', 'Lync Server 2010').status, 0);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, `\uFEFF${stubModule('Lync Server 2010')}`);
    assert.doesNotMatch(text, /\$EnableUserReplicator/);
  });

  it('exits 2 and writes nothing on an unknown server version or a file operand', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lync-topology-'));
    for (const args of [['stubs', '--server-version', 'Lync Server 2007'], ['stubs', 'examples/mixed.lync.jsonc']]) {
      const result = cliIn(folder, ...args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^lync-topology: .+\n$/);
    }
    assert.equal(existsSync(join(folder, 'LyncTopology.Stubs.psm1')), false);
  });
});

/** What the command line did when its reader stopped after the first line. */
interface Closed {
  readonly line: string;
  readonly status: number | null;
  readonly stderr: string;
}

/** Runs the command line with its standard output read up to the first line and then closed, as `| head -1` does. */
function firstLineThenClosed(...args: string[]): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let read = '';
    let line: string | undefined;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (line !== undefined) return;
      read += chunk;
      if (!read.includes('\n')) return;
      line = read.slice(0, read.indexOf('\n'));
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ line: line ?? '', status, stderr }));
  });
}

describe('a reader that closes early (| head -1)', () => {
  // Far more output than a pipe holds (64 KiB on Linux), so that the command line is still writing when its
  // reader goes away and its next write fails with EPIPE.
  const count = 4000;
  const folder = mkdtempSync(join(tmpdir(), 'lync-topology-'));
  const users = Array.from({ length: count }, (_, i) => ({ Identity: `sip:user${i}@contoso.com`, HostedVoiceMail: true }));
  const desired = join(folder, 'desired.lync.jsonc');
  writeFileSync(desired, JSON.stringify({ HostedVoicemailPolicies: [{ Identity: 'global', Destination: 'exap.um.outlook.com' }], Users: users }, null, 2));
  const wrong = join(folder, 'wrong.lync.jsonc');
  writeFileSync(wrong, JSON.stringify({ Users: users.map((u) => ({ ...u, HostedVoiceMail: 'yes' })) }, null, 2));
  const deployed = join(folder, 'deployed.lync.jsonc');
  writeFileSync(deployed, '{}');
  const shell = join(folder, 'users.txt');
  writeFileSync(shell, users.map((u) => `SipAddress      : ${u.Identity}\nHostedVoiceMail : True\n`).join('\n'));

  const cases: [string, string[], number, RegExp][] = [
    ['check', ['check', wrong], 1, /^.+wrong\.lync\.jsonc:\d+:\d+: error LT101: /],
    ['cmdlets', ['cmdlets', desired], 0, /^# Lync Server Management Shell cmdlets for /],
    ['plan', ['plan', '--from', deployed, desired], 0, /^# Lync Server Management Shell cmdlets for /],
    ['import', ['import', shell], 0, /^\/\/ Imported by Lync Topology from Management Shell output/],
  ];
  for (const [name, args, status, first] of cases) {
    it(`${name} ends quietly, with the status its work gives`, async () => {
      const closed = await firstLineThenClosed(...args);
      assert.match(closed.line, first);
      assert.doesNotMatch(closed.stderr, /EPIPE|Error|\n\s+at /);
      assert.equal(closed.status, status);
    });
  }
});
