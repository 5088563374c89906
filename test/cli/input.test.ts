import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stubModule } from '../../server/src/core';
import { REPO } from '../helpers';

function cli(args: string[], input?: Buffer | string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), ...args], { cwd: REPO, encoding: 'utf8', input: input ?? '' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folder = mkdtempSync(join(tmpdir(), 'lync-topology-input-'));
function file(name: string, content: Buffer | string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** A file with an error (LT101) and a name that is not ASCII, as UTF-8 and in each encoding Windows saves. */
const TEXT = '{\n  "SipDomains": ["contoso.com"],\n  "HostingProviders": [ { "Identity": "Hébergé", "Enabled": "yes", "ProxyFqdn": "p.fabrikam.com" } ]\n}\n';
const CLEAN = readFileSync(join(REPO, 'examples', 'cross-premises.lync.jsonc'), 'utf8');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).swap16());

describe('the command line reads topology files as the editor saves them', () => {
  for (const [name, encode] of [['UTF-16 little-endian', utf16le], ['UTF-16 big-endian', utf16be]] as const) {
    it(`reads ${name} with a byte order mark as it reads UTF-8`, () => {
      const utf8 = file('utf8.lync.jsonc', TEXT);
      const wide = file('wide.lync.jsonc', encode(TEXT));
      const expected = cli(['check', utf8]);
      assert.equal(expected.status, 1);
      assert.deepEqual(cli(['check', wide]), { ...expected, stdout: expected.stdout.replaceAll(utf8, wide) });
      const script = cli(['cmdlets', file('clean.lync.jsonc', CLEAN)]);
      assert.equal(script.status, 0);
      assert.deepEqual(cli(['cmdlets', file('clean-wide.lync.jsonc', encode(CLEAN))]), script);
      const planned = cli(['plan', '--from', file('deployed.lync.jsonc', encode('{}')), file('desired.lync.jsonc', encode(CLEAN))]);
      assert.equal(planned.status, 0, planned.stderr);
      assert.match(planned.stdout, /New-CsHostingProvider/);
    });
  }

  // A file saved in a code page (Windows-1252: é is 0xE9) would pass its names to the cmdlets with U+FFFD in them.
  for (const command of [['check'], ['cmdlets'], ['plan', '--from', join(REPO, 'examples', 'cross-premises.lync.jsonc')]]) {
    it(`${command[0]}: exits 2 with one line on a file that is not UTF-8 nor UTF-16, and on a binary file`, () => {
      for (const bytes of [Buffer.from(TEXT.replaceAll('é', '\u00e9'), 'latin1'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff])]) {
        const path = file('legacy.lync.jsonc', bytes);
        const result = cli([...command, path]);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, new RegExp(`^lync-topology: cannot read ${path}: .*UTF-8.*\\n$`));
      }
    });
  }
});

describe('standard input as a file, named -', () => {
  it('check - reads the file from standard input, in any encoding a file may have', () => {
    const expected = cli(['check', file('named.lync.jsonc', TEXT)]).stdout.replaceAll(join(folder, 'named.lync.jsonc'), 'standard input');
    for (const input of [TEXT, utf16le(TEXT)]) assert.deepEqual(cli(['check', '-'], input), { status: 1, stdout: expected, stderr: '' });
  });

  it('cmdlets - and plan with - as either file', () => {
    const script = cli(['cmdlets', join(REPO, 'examples', 'cross-premises.lync.jsonc')]).stdout;
    assert.deepEqual(cli(['cmdlets', '-'], CLEAN), { status: 0, stdout: script, stderr: '' });
    const deployed = file('deployed.lync.jsonc', '{}');
    const desired = file('desired.lync.jsonc', CLEAN);
    const plan = cli(['plan', '--format', 'json', '--from', deployed, desired]);
    assert.equal(plan.status, 0);
    assert.deepEqual(cli(['plan', '--format', 'json', '--from', '-', desired], '{}'), plan);
    assert.deepEqual(cli(['plan', '--format', 'json', '--from', deployed, '-'], CLEAN), plan);
  });

  it('is read once: - twice is bad usage', () => {
    for (const args of [['check', '-', '-'], ['plan', '--from', '-', '-']]) {
      const result = cli(args, '{}');
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^lync-topology: .*standard input.*\n$/);
    }
  });
});

describe('standard output as a file, named -', () => {
  it('stubs --out - prints the module and writes no file named -', () => {
    const work = mkdtempSync(join(tmpdir(), 'lync-topology-stdout-'));
    const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), 'stubs', '--out', '-'], { cwd: work, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${stubModule('Lync Server 2013').trimEnd()}\n`);
    assert.deepEqual(readdirSync(work), []);
  });
});
