import { hostedUmProviders } from './hostedUm';
import { describeMismatch, hostedUmMismatches } from './hostedUmValues';
import type { Rule } from './rule';

export const hostedUmAdvice: Rule = {
  code: 'LT409',
  name: 'hosted-um-provider-advice',
  severity: 'info',
  check({ model, edits, report }) {
    for (const mismatch of hostedUmMismatches(edits, hostedUmProviders(model), 'advice')) {
      report(
        mismatch.span,
        `${describeMismatch(mismatch, 'is advised to be')}, as in the Lync Server 2013 procedure for hosted Exchange UM.`,
        [mismatch.fix],
      );
    }
  },
};
