import { keySpan } from '../model';
import type { Rule } from './rule';

export const onPremisesWithProviders: Rule = {
  code: 'LT408',
  name: 'on-premises-with-providers',
  severity: 'warning',
  check({ model, report }) {
    const list = model.exchangeUM?.byName.get('HostingProviders');
    if (model.mode !== 'OnPremises' || !list || model.providerReferences.length === 0) return;
    report(
      keySpan(list),
      '`ExchangeUM.HostingProviders` lists providers, but Mode is OnPremises, where no hosting provider carries Exchange UM. Use Mode CrossPremises or Mixed, or empty the list.',
    );
  },
};
