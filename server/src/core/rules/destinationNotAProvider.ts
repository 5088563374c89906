import { spanOf, stringValue } from '../model';
import { hostedUmProviders, isHostedMode } from '../facts/hostedUm';
import { POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

export const destinationNotAProvider: Rule = {
  code: 'LT903',
  name: 'destination-not-a-provider',
  severity: 'warning',
  check({ model, report }) {
    if (!isHostedMode(model)) return;
    const providers = hostedUmProviders(model);
    const proxies = new Set(providers.map((p) => stringValue(p.byName.get('ProxyFqdn'))?.toLowerCase()));
    for (const policy of model.sections.get(POLICIES) ?? []) {
      const destination = policy.byName.get('Destination');
      const value = stringValue(destination);
      if (value === undefined || proxies.has(value.toLowerCase())) continue;
      report(
        spanOf(destination!.valueNode!),
        `\`${policy.path}.Destination\` is ${JSON.stringify(value)}, but no hosting provider that hosts Exchange UM (\`ExchangeUM.HostingProviders\`) has that \`ProxyFqdn\`: the Edge Server routes voice mail to the Destination through such a provider. Check the FQDN the hosted service gave you.`,
      );
    }
  },
};
