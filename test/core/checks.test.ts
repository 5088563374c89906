import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from '../../server/src/core';
import { ACCESS_EDGE_CONFIGURATION, HOSTING_PROVIDER, SERVICE_FQDNS } from '../../server/src/core/catalog';
import { COMMON_PARAMETER_ALIASES } from '../../server/src/core/catalog/commandOnly';
import { applyFix, check, hostedUm, repoFile, UM_PROVIDER } from '../helpers';
import { commandLines } from '../powershell';

function findings(text: string): string[] {
  return check(text).diagnostics.map((d) => `${d.code}:${d.severity}`);
}

function script(text: string): string[] | undefined {
  const generated = generate(check(text)).script;
  return generated === undefined ? undefined : commandLines(generated);
}

/** The text each finding of `code` points at. */
function marked(text: string, code: string): string[] {
  return check(text)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => text.slice(d.span.start, d.span.end));
}

const PROVIDER = (body: string, version = '') =>
  `{ ${version}"HostingProviders": [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com"${body} } ] }`;

describe('where the documents disagree on a version', () => {
  const autodiscover = ', "AutodiscoverUrl": "https://p.fabrikam.com/autodiscover"';

  it('AutodiscoverUrl on Lync Server 2010 is a warning that says so, and the script passes it', () => {
    const text = PROVIDER(autodiscover, '"ServerVersion": "Lync Server 2010", ');
    const analysis = check(text);
    assert.deepEqual(findings(text).filter((f) => !f.startsWith('LT307')), ['LT204:warning']);
    assert.match(analysis.diagnostics.find((d) => d.code === 'LT204')!.message, /Lync Server 2010 edition.*disagree/);
    assert.match(script(text)![1], / -AutodiscoverUrl 'https:\/\/p\.fabrikam\.com\/autodiscover'$/);
  });

  it('AutodiscoverUrl on Lync Server 2013, where the documents agree, gets nothing', () => {
    assert.deepEqual(findings(PROVIDER(autodiscover)).filter((f) => f.startsWith('LT20')), []);
  });

  it('SipClientPort on Lync Server 2010, which no edition lists there, stays an error', () => {
    assert.deepEqual(findings(PROVIDER(', "SipClientPort": 443', '"ServerVersion": "Lync Server 2010", ')).filter((f) => f.startsWith('LT20')), ['LT203:error']);
  });
});

describe('severity follows what the finding means', () => {
  it('a key in another letter case is information with its fix, and the script writes the canonical name', () => {
    const text = PROVIDER('').replace('"ProxyFqdn"', '"ProxyFQDN"');
    const analysis = check(text);
    const [finding] = analysis.diagnostics.filter((d) => d.code === 'LT004');
    assert.equal(finding.severity, 'info');
    assert.deepEqual(findings(applyFix(text, finding)).filter((f) => f.startsWith('LT004')), []);
    assert.equal(script(text)![1], "New-CsHostingProvider -Identity 'P' -Enabled $True -ProxyFqdn 'p.fabrikam.com'");
  });

  it('an enumeration value in another letter case is information too', () => {
    assert.deepEqual(findings(PROVIDER(', "VerificationLevel": "alwaysverifiable"')).filter((f) => f.startsWith('LT004')), ['LT004:info']);
  });

  it('LT305 speaks of hosted Exchange UM only in a file that sets it up', () => {
    const plain = check(`{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": true } }`);
    const message = plain.diagnostics.find((d) => d.code === 'LT305')!.message;
    assert.doesNotMatch(message, /Exchange|UM/);
    const hosted = check(hostedUm(UM_PROVIDER, '"UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": true'));
    assert.match(hosted.diagnostics.find((d) => d.code === 'LT305')!.message, /hosted Exchange UM/);
  });

  it('LT502 quotes each ProxyFqdn as the file writes it', () => {
    const text = '{ "HostingProviders": [ { "Identity": "A", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com" }, { "Identity": "B", "Enabled": true, "ProxyFqdn": "SIP.fabrikam.com" } ] }';
    const message = check(text).diagnostics.find((d) => d.code === 'LT502')!.message;
    assert.match(message, /already uses the ProxyFqdn "sip\.fabrikam\.com", the same name as "SIP\.fabrikam\.com"/);
  });

  it('a key of Skype for Business Online only is reported once, as LT206, never also as unknown (LT003)', () => {
    const text = '{ "HostedVoicemailPolicies": [ { "Identity": "global", "Destination": "exap.um.outlook.com", "TENANT": "11111111-2222-3333-4444-555555555555" } ] }';
    assert.deepEqual(check(text).diagnostics.filter((d) => d.code === 'LT003' || d.code === 'LT206').map((d) => d.code), ['LT206']);
  });

  it('a policy Identity with a scope policies do not have is an error (LT701), never also a per-user policy left ungranted (LT703)', () => {
    const text = '{ "HostedVoicemailPolicies": [ { "Identity": "service:Redmond", "Destination": "exap.um.outlook.com" }, { "Identity": "tag:Other", "Destination": "exap.um.outlook.com" } ] }';
    const codes = check(text).diagnostics.filter((d) => d.code === 'LT701' || d.code === 'LT703').map((d) => `${d.code}:${text.slice(d.span.start, d.span.end)}`);
    assert.deepEqual(codes, ['LT701:"service:Redmond"', 'LT703:"tag:Other"']);
  });

  it('LT501 quotes each Identity as the file writes it', () => {
    const text = '{ "HostingProviders": [ { "Identity": "Fabrikam", "Enabled": true, "ProxyFqdn": "a.fabrikam.com" }, { "Identity": "FABRIKAM", "Enabled": true, "ProxyFqdn": "b.fabrikam.com" } ] }';
    const message = check(text).diagnostics.find((d) => d.code === 'LT501')!.message;
    assert.match(message, /already has the Identity "Fabrikam", which PowerShell does not tell apart from "FABRIKAM"/);
  });

  it('LT503 quotes the first entry as the file writes it when the repeat differs in letter case', () => {
    const differs = check('{ "SipDomains": ["Contoso.com", "contoso.COM"] }').diagnostics.find((d) => d.code === 'LT503')!.message;
    assert.match(differs, /^"contoso\.COM" is already listed in `SipDomains` as "Contoso\.com"/);
    const alike = check('{ "SipDomains": ["contoso.com", "contoso.com"] }').diagnostics.find((d) => d.code === 'LT503')!.message;
    assert.doesNotMatch(alike, / as "/);
  });

  it('LT103 and LT504 quote a number as the file writes it, and LT504 leaves a port the shell refuses to LT103', () => {
    const port = (value: string) => check(PROVIDER(`, "SipClientPort": ${value}`)).diagnostics.filter((d) => d.code !== 'LT307');
    assert.match(port('-0').find((d) => d.code === 'LT504')!.message, / is -0, which is not a TCP port/);
    const beyond = port('18446744073709551616');
    assert.deepEqual(beyond.map((d) => d.code), ['LT103']);
    assert.match(beyond[0].message, /; 18446744073709551616 is outside that range/);
    const tls = check('{ "AccessEdgeConfiguration": { "OutgoingTlsCountForFederatedPartners": -0 } }').diagnostics;
    assert.match(tls.find((d) => d.code === 'LT103')!.message, /; -0 is outside that range/);
  });

  it('values spelt alike are quoted once', () => {
    const text = '{ "HostingProviders": [ { "Identity": "A", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com" }, { "Identity": "B", "Enabled": true, "ProxyFqdn": "sip.fabrikam.com" } ] }';
    assert.doesNotMatch(check(text).diagnostics.find((d) => d.code === 'LT502')!.message, /letter case/);
  });
});

describe('well-known service FQDNs', () => {
  it('a ProxyFqdn a letter away from Exchange Online is a warning with the fix to the documented name', () => {
    const text = '{ "HostingProviders": [ { "Identity": "Exchange Online", "Enabled": true, "ProxyFqdn": "exap.um.outlok.com" } ] }';
    const [finding] = check(text).diagnostics.filter((d) => d.code === 'LT107');
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.span.start, finding.span.end), '"exap.um.outlok.com"');
    assert.match(applyFix(text, finding), /"ProxyFqdn": "exap\.um\.outlook\.com"/);
    assert.match(script(text)![1], /-ProxyFqdn 'exap\.um\.outlok\.com'$/, 'a warning does not block, and the script says what the file says');
  });

  it('the 21Vianet name and Skype for Business Online are known too, in DefaultRouteFqdn as well', () => {
    assert.deepEqual(marked(PROVIDER('').replace('p.fabrikam.com', 'exap.um.partner.outlok.cn'), 'LT107'), ['"exap.um.partner.outlok.cn"']);
    const edge = '{ "AccessEdgeConfiguration": { "UseDefaultRouting": true, "DefaultRouteFqdn": "sipfed.onlin.lync.com" } }';
    const [finding] = check(edge).diagnostics.filter((d) => d.code === 'LT107');
    assert.match(applyFix(edge, finding), /"DefaultRouteFqdn": "sipfed\.online\.lync\.com"/);
  });

  it('the documented name in any letter case, and names far from it, get nothing', () => {
    for (const fqdn of ['EXAP.UM.OUTLOOK.COM', 'sip.fabrikam.com', 'exap.um.contoso.com']) {
      assert.deepEqual(marked(PROVIDER('').replace('p.fabrikam.com', fqdn), 'LT107'), [], fqdn);
    }
  });
});

describe('holes in the checks', () => {
  it('non-object items in HostingProviders are each a type error, and block the script', () => {
    const text = `{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false },
    "HostingProviders": [ "fabrikam.com", 42, null, { "Identity": "Northwind", "Enabled": true, "ProxyFqdn": "sip.northwindtraders.com" } ] }`;
    assert.deepEqual(marked(text, 'LT101'), ['"fabrikam.com"', '42', 'null']);
    assert.match(check(text).diagnostics.find((d) => d.code === 'LT101')!.message, /`HostingProviders\[0\]` must be an object/);
    assert.equal(script(text), undefined, 'nothing the file says is dropped silently');
  });

  it('an array inside HostingProviders is a type error too', () => {
    const text = '{ "HostingProviders": [ [ { "Identity": "P", "Enabled": true, "ProxyFqdn": "p.fabrikam.com" } ] ] }';
    assert.deepEqual(marked(text, 'LT101').length, 1);
    assert.equal(script(text), undefined);
  });

  it("PowerShell's aliases of the common parameters control how the cmdlet runs (LT005), in any letter case", () => {
    for (const alias of ['ea', 'vb', 'wi', 'cf', 'db', 'ev', 'infa', 'iv', 'ob', 'ov', 'pv', 'proga', 'wa', 'wv', 'EA', 'Vb']) {
      const text = `{ "AccessEdgeConfiguration": { "AllowFederatedUsers": true, "${alias}": true } }`;
      assert.deepEqual(findings(text), ['LT005:error'], alias);
    }
    const text = PROVIDER(', "ea": "Stop"');
    assert.match(check(text).diagnostics.find((d) => d.code === 'LT005')!.message, /`ea` \(PowerShell's alias of ErrorAction\) controls how New-CsHostingProvider runs/);
  });

  it('a name that is no alias stays unknown (LT003)', () => {
    assert.deepEqual(findings('{ "AccessEdgeConfiguration": { "xy": true } }'), ['LT003:error']);
  });

  describe('a key typed without its colon ends at the line break', () => {
    const typing = (key: string) => `{ "HostingProviders": [ { "Identity": "P", "Enabled": true,
      ${key}
      "ProxyFqdn": "p.fabrikam.com" } ] }`;

    for (const key of ['"Ena', '"Ena"', '"IsLocal"']) {
      it(`${key} above ProxyFqdn: reported at the key only, and ProxyFqdn is not missing`, () => {
        const text = typing(key);
        const analysis = check(text);
        assert.ok(!analysis.diagnostics.some((d) => d.code === 'LT201'), 'no LT201 for the next key');
        const line = text.indexOf('\n', text.lastIndexOf(key));
        assert.ok(analysis.diagnostics.every((d) => d.span.start < line), 'nothing on the lines the user did not touch');
        assert.deepEqual(marked(text, 'LT001'), [key]);
        assert.equal(analysis.model.providers[0].byName.get('ProxyFqdn')?.valueNode?.value, 'p.fabrikam.com');
      });
    }

    it('on one line, the key still ends where it stands', () => {
      const text = PROVIDER('').replace('"Enabled": true,', '"Enabled"');
      assert.ok(!findings(text).includes('LT201:error'));
      assert.deepEqual(marked(text, 'LT001'), ['"Enabled"']);
    });

    const last = (key: string, after: string) => `{ "AccessEdgeConfiguration": { "UseDnsSrvRouting": true, "EnablePartnerDiscovery": false,
      ${key}${after}`;
    for (const [where, after] of [
      ['at the end of its object', '\n    } }'],
      ['at the end of its object, a comment between', ' // typing\n    /* more */\n    } }'],
      ['on the last line of the file', ''],
      ['before the end of the file, a line below', '\n'],
    ]) {
      for (const key of ['"Allow', '"AllowFederatedUsers"']) {
        it(`${key} ${where}: the missing colon is reported at the key, not on a line below`, () => {
          const text = last(key, after);
          const start = text.lastIndexOf(key);
          const line = text.indexOf('\n', start);
          // Only an object left open reaches the end of the file, where its missing brace is reported.
          const found = check(text).diagnostics.filter((d) => d.span.start !== text.length);
          assert.ok(found.every((d) => line < 0 || d.span.start < line), JSON.stringify(found.map((d) => [d.code, d.span])));
          assert.deepEqual(found.filter((d) => d.code === 'LT001').map((d) => d.span.start), [start]);
        });
      }
    }

    it('in the Edge section too', () => {
      const text = `{ "AccessEdgeConfiguration": {
    "Allow
    "UseDnsSrvRouting": true,
    "EnablePartnerDiscovery": false } }`;
      assert.deepEqual(findings(text), ['LT001:error', 'LT003:error']);
    });
  });
});

describe('the documentation follows the catalog', () => {
  const section = (code: string) => {
    const text = repoFile('docs', 'diagnostics.md');
    const start = text.indexOf(`## ${code} `);
    return text.slice(start, text.indexOf('\n## ', start + 1));
  };

  it('LT107 names every documented service FQDN, and the settings that opt in', () => {
    for (const service of SERVICE_FQDNS) assert.ok(section('LT107').includes(`\`${service.value}\``), service.value);
    for (const spec of [...ACCESS_EDGE_CONFIGURATION.properties, ...HOSTING_PROVIDER.properties].filter((p) => p.serviceFqdns)) {
      assert.ok(section('LT107').includes(`\`${spec.name}\``), spec.name);
    }
  });

  it('LT005 names every common parameter and alias', () => {
    for (const [name, aliases] of Object.entries(COMMON_PARAMETER_ALIASES)) {
      for (const word of [name, ...aliases]) assert.ok(section('LT005').includes(`\`${word}\``), word);
    }
  });

  it('LT204 names every parameter whose version facts conflict', () => {
    for (const spec of [...ACCESS_EDGE_CONFIGURATION.properties, ...HOSTING_PROVIDER.properties].filter((p) => p.versionConflict)) {
      assert.ok(section('LT204').includes(`\`${spec.name}\``), spec.name);
    }
  });
});
