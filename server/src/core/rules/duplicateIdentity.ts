import type { Rule } from './rule';
import { providerName } from '../model';
import { reportRepeatedProviderValues } from './uniqueProviderValue';

export const duplicateIdentity: Rule = {
  code: 'LT501',
  name: 'duplicate-provider-identity',
  severity: 'error',
  check({ model, report }) {
    reportRepeatedProviderValues(
      report,
      model.providersByIdentity,
      'Identity',
      (value, first) =>
        `Another hosting provider, ${providerName(first)}, already has the Identity ${JSON.stringify(value)} (compared without regard to case). Each provider needs its own Identity.`,
    );
  },
};
