import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, complete, snippetToPlainText } from '../../server/src/core';
import { check } from '../helpers';

/** The findings of `text` that judge a stated value itself: out of range (LT103), open partner discovery
 * (LT305), a support-only change (LT306), no TCP port (LT504). */
function valueComplaints(text: string): string[] {
  return check(text)
    .diagnostics.filter((d) => ['LT103', 'LT305', 'LT306', 'LT504'].includes(d.code))
    .map((d) => `${d.code} ${d.severity}`)
    .sort();
}

describe('a key completed with a whole value (Boolean or number)', () => {
  // A Boolean or a number is inserted whole, not as a placeholder to type over: a client without snippets
  // inserts it as it is, and VS Code leaves it selected. It must not be a value the checks refuse or warn
  // about (OutgoingTlsCountForFederatedPartners 0 is out of its range 1 to 4; BeClearingHouse true is a
  // support-only change; EnablePartnerDiscovery true opens federation), and where the cmdlet documents a
  // default (docs/format.md) it is that default, so that accepting a completion changes nothing on the Edge.
  const sources = [
    '{\n  "AccessEdgeConfiguration": {\n    "UseDnsSrvRouting": true,\n    ‸\n  }\n}',
    '{\n  "AccessEdgeConfiguration": {\n    "AllowFederatedUsers": true,\n    ‸\n  }\n}',
    '{\n  "HostingProviders": [\n    { "Identity": "Fabrikam", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com", ‸ }\n  ]\n}',
    '{\n  "AllowedDomains": [\n    { "Identity": "fabrikam.com", ‸ }\n  ]\n}',
  ];
  const documentedDefaults: Record<string, string> = {
    BeClearingHouse: 'false',
    EnablePartnerDiscovery: 'false',
    AllowAnonymousUsers: 'false',
    OutgoingTlsCountForFederatedPartners: '4',
    MaxAcceptedCertificatesStored: '1000',
    MarkForMonitoring: 'false',
    SipClientPort: '443',
    IsLocal: 'false',
  };

  it('inserts a value its own checks do not judge, and the documented default where there is one', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const source of sources) {
      const offset = source.indexOf('‸');
      const text = source.replace('‸', '');
      const before = valueComplaints(text);
      for (const entry of complete(check(text), offset)) {
        const plain = snippetToPlainText(entry.insertText);
        const whole = /^"(\w+)": (true|false|\d+)$/.exec(plain);
        if (!whole) continue;
        const [, key, value] = whole;
        seen.add(key);
        const inserted = applyEdits(text, [{ span: entry.span, newText: plain }, ...entry.additionalEdits]);
        const added = valueComplaints(inserted);
        for (const old of before) {
          const at = added.indexOf(old);
          if (at >= 0) added.splice(at, 1);
        }
        if (added.length > 0) wrong.push(`${plain} adds ${added.join(', ')}`);
        if (key in documentedDefaults && value !== documentedDefaults[key]) wrong.push(`${plain} is not the default ${documentedDefaults[key]}`);
      }
    }
    assert.deepEqual(wrong, []);
    // The sources offer every key named above, so none of the assertions is skipped.
    assert.deepEqual(Object.keys(documentedDefaults).filter((k) => !seen.has(k)), []);
  });
});
