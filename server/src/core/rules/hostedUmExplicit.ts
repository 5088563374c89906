import { describeMismatch, hostedUmMismatches } from '../facts/hostedUmValues';
import type { Rule } from './rule';

export const hostedUmExplicit: Rule = {
  code: 'LT403',
  name: 'hosted-um-provider-explicit',
  severity: 'info',
  checkObject({ object, hostsExchangeUm, edits, report }) {
    if (!hostsExchangeUm) return;
    for (const mismatch of hostedUmMismatches(edits, [object], 'required')) {
      if (mismatch.present || mismatch.spec.default !== mismatch.wanted) continue;
      report(
        mismatch.span,
        `${describeMismatch(mismatch)} for a provider that hosts Exchange UM. The cmdlet's default happens to match, but the documented set-up gives it explicitly: add it.`,
        [mismatch.fix],
      );
    }
  },
};
