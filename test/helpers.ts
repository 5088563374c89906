import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, applyEdits, type Analysis, type AnalysisSettings, type Diagnostic } from '../server/src/core';

/** The repository root, from the compiled helpers' place in out/test/. */
export const REPO = resolve(__dirname, '..', '..');

export function repoFile(...parts: string[]): string {
  return readFileSync(join(REPO, ...parts), 'utf8');
}

/** The examples that ship, and the file of deliberate mistakes the README and the UI test show. */
export const EXAMPLES = [...['on-premises', 'cross-premises', 'mixed', 'exchange-online'].map((name) => `examples/${name}.lync.jsonc`), 'test/fixtures/mistakes.lync.jsonc'];

/** Marks where a diagnostic is expected in a test document: ⟪ and ⟫ around the span. */
export function marked(source: string): { text: string; span: { start: number; end: number } | undefined } {
  const start = source.indexOf('⟪');
  if (start < 0) return { text: source, span: undefined };
  const end = source.indexOf('⟫') - 1;
  return { text: source.replace('⟪', '').replace('⟫', ''), span: { start, end } };
}

export function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => d.code);
}

export function applyFix(text: string, diagnostic: Diagnostic): string {
  const fix = diagnostic.fixes.find((f) => f.preferred) ?? diagnostic.fixes[0];
  if (!fix) throw new Error(`${diagnostic.code} has no fix`);
  return applyEdits(text, fix.edits);
}

export function check(text: string, settings?: AnalysisSettings): Analysis {
  return analyze(text, settings);
}

/** A cross-premises file as the seed sets it up, with `provider` as the one hosting provider's body. */
export function hostedUm(provider: string, edge = '"UseDnsSrvRouting": true, "AllowFederatedUsers": true, "EnablePartnerDiscovery": false'): string {
  return `{
  "SipDomains": ["contoso.com"],
  "ExchangeUM": { "Mode": "CrossPremises", "HostingProviders": ["Hosted UM"] },
  "AccessEdgeConfiguration": { ${edge} },
  "HostingProviders": [
    { ${provider} }
  ]
}`;
}

/** The seed's hosting provider body, with VerificationLevel as the procedure sets it. */
export const UM_PROVIDER =
  '"Identity": "Hosted UM", "Enabled": true, "EnabledSharedAddressSpace": true, "HostsOCSUsers": false, "ProxyFqdn": "proxy.fabrikam.com", "IsLocal": false, "VerificationLevel": "UseSourceVerification"';
