import { describeMismatch, hostedUmMismatches } from '../facts/hostedUmValues';
import type { Rule } from './rule';

export const hostedUmProvider: Rule = {
  code: 'LT402',
  name: 'hosted-um-provider-setting',
  severity: 'error',
  checkObject({ object, hostsExchangeUm, edits, report }) {
    if (!hostsExchangeUm) return;
    for (const mismatch of hostedUmMismatches(edits, [object], 'required')) {
      if (!mismatch.present && mismatch.spec.default === mismatch.wanted) continue;
      report(
        mismatch.span,
        `${describeMismatch(mismatch)} for a provider that hosts Exchange UM${mismatch.present ? '' : ` (left out, it is ${JSON.stringify(mismatch.spec.default)})`}; otherwise voice mail does not reach the hosted service.`,
        [mismatch.fix],
      );
    }
  },
};
