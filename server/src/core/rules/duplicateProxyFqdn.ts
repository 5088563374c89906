import type { Rule } from './rule';
import { providerName } from '../model';
import { reportRepeatedProviderValues } from './uniqueProviderValue';

export const duplicateProxyFqdn: Rule = {
  code: 'LT502',
  name: 'duplicate-proxy-fqdn',
  severity: 'error',
  check({ model, report }) {
    reportRepeatedProviderValues(
      report,
      model.providersByProxyFqdn,
      'ProxyFqdn',
      (value, first, firstValue) =>
        `The hosting provider ${providerName(first)} already uses the ProxyFqdn ${JSON.stringify(firstValue)}` +
        (value === firstValue ? '' : `, the same name as ${JSON.stringify(value)} in another letter case`) +
        '; no two providers may share a proxy FQDN.',
    );
  },
};
