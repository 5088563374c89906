import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers';

const hasNeovim = spawnSync('nvim', ['--version']).status === 0;

/** A hosted UM file whose one finding (IsLocal true, LT402) has a preferred fix. */
const FILE = `{
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted UM"] },
  "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false },
  "HostingProviders": [
    {
      "Identity": "Hosted UM", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false,
      "ProxyFqdn": "proxy.fabrikam.com", "IsLocal": true, "VerificationLevel": "UseSourceVerification"
    }
  ]
}
`;

describe('Neovim 0.7 as a second LSP client', () => {
  // CI installs Debian's neovim; elsewhere the test runs where Neovim is installed.
  it('gets diagnostics, completion and a quick fix that leaves the file clean', { skip: !hasNeovim && !process.env.CI && 'nvim is not installed' }, () => {
    const work = mkdtempSync(join(tmpdir(), 'lync-topology-nvim-'));
    const file = join(work, 'hosted.lync.jsonc');
    writeFileSync(file, FILE);
    const xdg = (name: string) => join(work, 'xdg', name);
    const result = spawnSync('timeout', ['60', 'nvim', '--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(REPO, 'test', 'nvim', 'lsp-client.lua')}`], {
      encoding: 'utf8',
      input: '',
      env: { ...process.env, LT_SERVER: join(REPO, 'bin', 'lync-topology-server.js'), LT_FILE: file, XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state'), XDG_DATA_HOME: xdg('data'), XDG_CONFIG_HOME: xdg('config') },
    });
    const report = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 0, report);
    for (const name of ['diagnostics', 'completion', 'code action', 'clean after the fix', 'fix written']) assert.match(result.stdout, new RegExp(`^PASS ${name}`, 'm'), report);
  });
});
