import { keySpan } from '../model';
import { isHostedMode } from '../facts/hostedUm';
import type { Rule } from './rule';

export const hostedUmNeedsProvider: Rule = {
  code: 'LT407',
  name: 'hosted-um-needs-provider',
  severity: 'warning',
  check({ model, report }) {
    const exchangeUM = model.exchangeUM;
    if (!exchangeUM?.owner || !isHostedMode(model) || model.providerReferences.length > 0) return;
    const list = exchangeUM.byName.get('HostingProviders');
    if (list?.valueNode && list.valueNode.type !== 'array') return;
    report(
      keySpan(list ?? exchangeUM.owner),
      `Exchange UM mode ${model.mode} needs a hosting provider that hosts Exchange UM, but the file names none: the deployment must already have one. To create it with this file, name it in \`ExchangeUM.HostingProviders\` and define it in \`HostingProviders\`.`,
    );
  },
};
