import { keySpan } from '../model';
import { isHostedMode, modeSpan } from '../facts/hostedUm';
import type { Rule } from './rule';

export const hostedUmSipDomain: Rule = {
  code: 'LT406',
  name: 'hosted-um-needs-sip-domain',
  severity: 'error',
  check({ model, report }) {
    if (!isHostedMode(model) || model.sipDomains.length > 0) return;
    const list = model.root?.byName.get('SipDomains');
    if (list?.valueNode && list.valueNode.type !== 'array') return;
    report(
      list ? keySpan(list) : modeSpan(model),
      `Exchange UM mode ${model.mode} shares a SIP address space with the hosting provider: list at least one SIP domain in \`SipDomains\`.`,
    );
  },
};
