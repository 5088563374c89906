import { describeMismatch, hostedUmMismatches } from '../facts/hostedUmValues';
import type { Rule } from './rule';

export const hostedUmAdvice: Rule = {
  code: 'LT409',
  name: 'hosted-um-provider-advice',
  severity: 'info',
  checkObject({ object, hostsExchangeUm, edits, report }) {
    if (!hostsExchangeUm) return;
    for (const mismatch of hostedUmMismatches(edits, [object], 'advice')) {
      report(
        mismatch.span,
        `${describeMismatch(mismatch, 'is advised to be')}, as in the Lync Server 2013 procedure for hosted Exchange UM.`,
        [mismatch.fix],
      );
    }
  },
};
