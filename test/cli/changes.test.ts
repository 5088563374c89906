import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';
import { commandLines, readCommand } from '../powershell';

function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), ...args], { cwd: REPO, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lync-topology-')), name);
  writeFileSync(file, content);
  return file;
}

const EDGE_SAMPLE = join(REPO, 'test', 'shell-output', 'samples', '01-get-csaccessedgeconfiguration-dnssrv-lync2013-docs.txt');
const PROVIDERS = join(REPO, 'test', 'shell-output', 'get-cshostingprovider-select-all.txt');

describe('lync-topology import', () => {
  it('reads standard input when no file is named, and says so in the file', () => {
    const result = cli(['import'], 'Identity : adatum.com\n\nDomain : adatum.com\n');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\/\/ Imported by Lync Topology from Management Shell output: standard input\./);
    assert.match(result.stdout, /"BlockedDomains": \[/);
  });

  it('reads several files into one topology file that checks without errors', () => {
    const result = cli(['import', PROVIDERS, join(REPO, 'test', 'shell-output', 'get-cshostedvoicemailpolicy.txt')]);
    assert.equal(result.status, 0, result.stderr);
    const file = tempFile('imported.lync.jsonc', result.stdout);
    assert.equal(cli(['check', file]).status, 0);
  });

  it('prints each problem as source:line and writes nothing, exit 1', () => {
    const result = cli(['import', EDGE_SAMPLE]);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /01-get-csaccessedgeconfiguration-dnssrv-lync2013-docs\.txt:1: error: This line is not a `Name : Value` line/);
  });

  it('reads a transcript Windows PowerShell saved in UTF-16, either byte order, as one saved in UTF-8', () => {
    const text = readFileSync(PROVIDERS, 'utf8');
    const utf8 = cli(['import', PROVIDERS]);
    assert.equal(utf8.status, 0, utf8.stderr);
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const bigEndian = Buffer.from(littleEndian).swap16();
    for (const [name, bytes] of [['le', littleEndian], ['be', bigEndian]] as const) {
      const file = tempFile(`transcript-${name}.txt`, bytes);
      const result = cli(['import', file]);
      assert.equal(result.status, 0, `${name}: ${result.stderr}`);
      // Everything after the header, which names the file read.
      const body = (out: string) => out.slice(out.indexOf('// Read:'));
      assert.equal(body(result.stdout), body(utf8.stdout), name);
    }
    const piped = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), 'import'], { cwd: REPO, input: littleEndian, encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /"HostingProviders": \[/);
  });

  it('exits 2 on a file it cannot read', () => {
    assert.equal(cli(['import', 'no/such/file.txt']).status, 2);
  });

  it('refuses input without any Management Shell output, writing nothing, exit 1', () => {
    for (const input of ['', '\n\n', 'PS C:\\> Get-CsAllowedDomain\n\nPS C:\\>\n']) {
      const result = cli(['import'], input);
      assert.equal(result.status, 1, JSON.stringify(input));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^standard input:1: error: No Management Shell output was found in standard input/);
    }
    const empty = tempFile('empty.txt', Buffer.from([0xff, 0xfe]));
    const result = cli(['import', PROVIDERS, empty]);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /empty\.txt:1: error: No Management Shell output was found/);
  });
});

describe('lync-topology plan', () => {
  const deployed = tempFile('deployed.lync.jsonc', cli(['import', PROVIDERS]).stdout);
  const name = 'Hosted Exchange UM for the Redmond, Seattle and Bellevue offices of Contoso, kept by the messaging team of the northwest region';

  it('prints only what changes, with a reason above each command, exit 0', () => {
    const desired = tempFile('desired.lync.jsonc', JSON.stringify({ HostingProviders: [{ Identity: name, Enabled: false, ProxyFqdn: 'exap.um.outlook.com' }] }));
    const result = cli(['plan', '--from', deployed, desired]);
    assert.equal(result.status, 0, result.stderr);
    const lines = commandLines(result.stdout);
    assert.deepEqual(lines.filter((l) => !l.startsWith('Get-')), [`Set-CsHostingProvider -Identity '${name}' -Enabled $False`]);
    for (const line of lines) readCommand(line);
    assert.match(result.stdout, /# .* differs from the deployment in Enabled\.\nSet-CsHostingProvider/);
  });

  it('says when there is nothing to change, exit 0', () => {
    const result = cli(['plan', '--from', deployed, deployed]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /# Nothing to change/);
  });

  it('gives the steps as JSON', () => {
    const desired = tempFile('desired.lync.jsonc', JSON.stringify({ HostingProviders: [] }));
    const result = cli(['plan', '--format', 'json', '--from', deployed, desired]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { action: 'remove', cmdlet: 'Remove-CsHostingProvider', identity: name, parameters: { Identity: name }, reason: `${JSON.stringify(name)} is deployed but not in this file's HostingProviders, which lists them all` },
    ]);
  });

  it('refuses a desired file with errors, printing them, exit 1', () => {
    const desired = tempFile('desired.lync.jsonc', '{ "HostingProviders": [ { "Identity": "P", "Enabled": "yes", "ProxyFqdn": "p.fabrikam.com" } ] }');
    const result = cli(['plan', '--from', deployed, desired]);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /desired\.lync\.jsonc:1:\d+: error LT101:/);
  });

  it('needs --from and one desired file', () => {
    assert.equal(cli(['plan', deployed]).status, 2);
  });
});
