import { HOSTING_PROVIDER, type ExchangeUmMode, type ObjectSpec } from './catalog';
import { isPlaceholder } from './facts/values';

/** A hosting provider as hosted Exchange UM needs it, from the catalog's must-be and advised values. */
export function hostedUmProvider(identity: string): Record<string, unknown> {
  const provider: Record<string, unknown> = {};
  for (const spec of HOSTING_PROVIDER.properties) {
    if (spec.name === 'Identity') provider[spec.name] = identity;
    else if (spec.hostedUm) provider[spec.name] = spec.hostedUm.value;
    else if (spec.required && spec.insertValue !== undefined) provider[spec.name] = spec.insertValue;
  }
  return provider;
}

/**
 * A new entry of a list section: every key the catalog gives a value to insert, except the other ways of
 * naming it than the first (`Domain` beside `Identity`); placeholders in angle brackets.
 */
export function entryTemplate(spec: ObjectSpec): Record<string, unknown> {
  const names = spec.section?.names ?? [];
  const entry: Record<string, unknown> = {};
  for (const property of spec.properties) {
    if (property.insertValue === undefined || names.indexOf(property.name) > 0) continue;
    entry[property.name] = property.insertValue;
  }
  return entry;
}

/** The Edge settings of the documented hosted Exchange UM procedure. */
export const HOSTED_UM_EDGE = { UseDnsSrvRouting: true, AllowFederatedUsers: true, EnablePartnerDiscovery: false };

const SIP_DOMAIN = '<SIP domain, such as contoso.com>';
const PROVIDER_NAME = 'Hosted Exchange UM';

const INTRODUCTIONS: Record<ExchangeUmMode, string> = {
  OnPremises: 'Exchange UM on your own Exchange servers; the Edge Server federates with DNS SRV routing.',
  CrossPremises: 'Exchange UM hosted by a provider, reached through a shared SIP address space.',
  Mixed: 'Some mailboxes on your own Exchange servers, some at a hosted Exchange UM provider.',
};

/** A new topology file for a mode; it checks clean once its `<placeholders>` are filled in. */
export function newFileTemplate(mode: ExchangeUmMode): string {
  const hosted = mode !== 'OnPremises';
  const topology = {
    ServerVersion: 'Lync Server 2013',
    SipDomains: [SIP_DOMAIN],
    ExchangeUM: hosted ? { Mode: mode, HostingProviders: [PROVIDER_NAME] } : { Mode: mode },
    AccessEdgeConfiguration: HOSTED_UM_EDGE,
    ...(hosted ? { HostingProviders: [hostedUmProvider(PROVIDER_NAME)] } : {}),
  };
  return `// Lync Topology: ${INTRODUCTIONS[mode]}\n${JSON.stringify(topology, null, 2)}\n`;
}

const SNIPPET_SPECIAL = /[\\$}]/g;

/** Snippet text from JSON text: every "<placeholder>" string becomes a tab stop, in order. */
export function toSnippet(json: string): string {
  let stop = 0;
  return json
    .split(/("<[^"\n]*>")/)
    .map((part) => {
      const escaped = part.replace(SNIPPET_SPECIAL, (c) => `\\${c}`);
      return isPlaceholder(part.slice(1, -1)) && part.startsWith('"') ? `"\${${++stop}:${escaped.slice(1, -1)}}"` : escaped;
    })
    .join('');
}

/**
 * The plain text a snippet inserts when every tab stop keeps its default: a placeholder's text, a
 * choice's first option, nothing for a bare stop. For clients that cannot take snippets.
 */
export function snippetToPlainText(snippet: string): string {
  return snippet.replace(/\\([\\$}])|\$\{\d+\|((?:[^,|\\]|\\.)*)[^}]*\}|\$\{\d+:((?:[^}\\]|\\.)*)\}|\$\d+/g, (_, escaped: string | undefined, choice: string | undefined, placeholder: string | undefined) =>
    escaped ?? (choice ?? placeholder ?? '').replace(/\\(.)/g, '$1'),
  );
}
