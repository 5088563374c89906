import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';

describe('lync-topology import: bytes that are not the encodings it reads', () => {
  it('does not write a value it could not decode', () => {
    // Windows PowerShell 5.1's Out-File -Encoding Default and Set-Content write the ANSI code page (here Windows-1252
    // "é", byte E9), which docs/format.md does not list. Issue 14: text the import cannot read is an error with its
    // line number and nothing is written; what the output does not say is never a guessed value.
    const file = join(mkdtempSync(join(tmpdir(), 'lync-topology-')), 'allowed.txt');
    const latin1 = Buffer.concat([Buffer.from('Identity          : contoso.com\r\nDomain            : contoso.com\r\nComment           : Caf'), Buffer.from([0xe9]), Buffer.from(' partner\r\nMarkForMonitoring : False\r\n')]);
    writeFileSync(file, latin1);
    const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), 'import', file], { cwd: REPO, encoding: 'utf8' });
    assert.doesNotMatch(result.stdout, /\uFFFD/, result.stdout);
    assert.notEqual(result.status, 0, result.stdout);
  });
});
