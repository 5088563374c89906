import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from '../../server/src/core';
import { check, EXAMPLES, repoFile } from '../helpers';
import { commandLines } from '../powershell';

/** The set-up of the Lync Server 2013 hosted Exchange UM architecture topic, as the file format writes it. */
const SEED = `{
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted Exchange UM"] },
  "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false },
  "HostingProviders": [
    { "Identity": "Hosted Exchange UM", "Enabled": true, "EnabledSharedAddressSpace": true,
      "HostsOCSUsers": false, "ProxyFqdn": "proxyserver.fabrikam.com", "IsLocal": false }
  ]
}`;

describe('the seed set-up', () => {
  it('has no error and no warning', () => {
    const found = check(SEED).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(found, []);
  });

  it('gives the two documented configuration calls and the replication check, nothing else', () => {
    const lines = commandLines(generate(check(SEED)).script!);
    assert.deepEqual(lines, [
      'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -AllowFederatedUsers $True -EnablePartnerDiscovery $False',
      'Get-CsManagementStoreReplicationStatus',
      "New-CsHostingProvider -Identity 'Hosted Exchange UM' -Enabled $True -EnabledSharedAddressSpace $True -HostsOCSUsers $False -ProxyFqdn 'proxyserver.fabrikam.com' -IsLocal $False",
    ]);
  });
});

describe('examples', () => {
  for (const example of EXAMPLES.filter((e) => !e.includes('mistakes'))) {
    it(`${example} checks clean and gives a script`, () => {
      const analysis = check(repoFile(example));
      assert.deepEqual(analysis.diagnostics, []);
      assert.ok(generate(analysis).script);
    });
  }

  it('the example with mistakes shows errors of several kinds and gives no script', () => {
    const analysis = check(repoFile('test/fixtures/mistakes.lync.jsonc'));
    const codes = new Set(analysis.diagnostics.map((d) => d.code));
    assert.ok(codes.size >= 6, [...codes].join(' '));
    assert.equal(generate(analysis).script, undefined);
  });
});
