import { findProperty, HOSTED_VOICEMAIL_POLICY } from '../catalog';
import { spanOf, stringValue } from '../model';
import { hostedUmProviders, isHostedMode } from '../facts/hostedUm';
import { POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

/**
 * Microsoft's hosted Exchange UM services, whose documented Destination is also the ProxyFqdn of their hosting
 * provider (exap.um.outlook.com for Exchange Online, in the Lync Server 2013 topics on hosted voice mail policies and
 * on integration with Exchange Online). A third party's documents give the two apart: the Lync Server 2013 topics pair
 * a provider with proxy proxyserver.fabrikam.com with policies whose Destination is ExUM.fabrikam.com.
 */
const SERVICES = findProperty(HOSTED_VOICEMAIL_POLICY, 'Destination')!.serviceFqdns!;

function service(fqdn: string) {
  return SERVICES.find((s) => s.value.toLowerCase() === fqdn.toLowerCase());
}

export const destinationNotAProvider: Rule = {
  code: 'LT903',
  name: 'destination-not-a-provider',
  severity: 'warning',
  check({ model, report }) {
    if (!isHostedMode(model)) return;
    const proxies = hostedUmProviders(model).flatMap((p) => stringValue(p.byName.get('ProxyFqdn')) ?? []);
    // Without a provider of the file to compare with, LT407 (or LT401, LT201) says what is missing.
    if (proxies.length === 0) return;
    const known = new Set(proxies.map((p) => p.toLowerCase()));
    const onlyServices = proxies.every((p) => service(p) !== undefined);
    for (const policy of model.sections.get(POLICIES) ?? []) {
      const destination = policy.byName.get('Destination');
      const value = stringValue(destination);
      if (value === undefined || known.has(value.toLowerCase())) continue;
      const named = service(value);
      if (named) {
        report(
          spanOf(destination!.valueNode!),
          `\`${policy.path}.Destination\` is ${JSON.stringify(value)}, the documented FQDN of ${named.description.replace(/\.$/, '')}, but no hosting provider that hosts Exchange UM (\`ExchangeUM.HostingProviders\`) has it as its \`ProxyFqdn\`: the documented set-up reaches that service through a hosting provider whose ProxyFqdn is ${JSON.stringify(named.value)}.`,
        );
      } else if (onlyServices) {
        report(
          spanOf(destination!.valueNode!),
          `\`${policy.path}.Destination\` is ${JSON.stringify(value)}, but the only hosting providers that host Exchange UM (\`ExchangeUM.HostingProviders\`) are Microsoft's services (${proxies.map((p) => JSON.stringify(p)).join(', ')}), whose documented Destination is their own \`ProxyFqdn\`. Check the FQDN, or add the provider of the service it names.`,
        );
      }
    }
  },
};
