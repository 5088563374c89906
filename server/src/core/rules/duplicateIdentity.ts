import type { Rule } from './rule';
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
      (value, first, firstValue) =>
        `Another hosting provider (\`${first.path}\`) already has the Identity ${JSON.stringify(firstValue)}` +
        (value === firstValue ? '' : `, which PowerShell does not tell apart from ${JSON.stringify(value)}`) +
        '. Each provider needs its own Identity.',
    );
  },
};
