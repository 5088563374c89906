import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';

function tempFile(name: string, content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lync-topology-')), name);
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}

const EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };

describe('lync-topology plan --severity', () => {
  it('still refuses a deployed file with a line break in a name when LT105 is turned off', () => {
    // docs/format.md: such a deployed file is refused, since no command line could carry the name. --severity is
    // the administrator's choice about the checks of the file they edit, not a way to write such a command.
    const deployed = tempFile('deployed.lync.json', { AccessEdgeConfiguration: EDGE, HostingProviders: [{ Identity: 'Fab\nrikam', Enabled: true, ProxyFqdn: 'sip.fabrikam.com' }] });
    const desired = tempFile('desired.lync.json', { AccessEdgeConfiguration: EDGE, HostingProviders: [] });
    const result = spawnSync(process.execPath, [join(REPO, 'bin', 'lync-topology.js'), 'plan', '--severity', 'LT105=off', '--from', deployed, desired], { cwd: REPO, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stderr, /LT105/);
  });
});
