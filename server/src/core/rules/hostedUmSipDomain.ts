import { keySpan } from '../model';
import { isHostedMode, modeSpan } from '../facts/hostedUm';
import type { Rule } from './rule';

export const hostedUmSipDomain: Rule = {
  code: 'LT406',
  name: 'hosted-um-needs-sip-domain',
  severity: 'warning',
  check({ model, report }) {
    if (!isHostedMode(model) || model.sipDomains.length > 0) return;
    const list = model.root?.byName.get('SipDomains');
    if (list?.valueNode && list.valueNode.type !== 'array') return;
    report(
      list ? keySpan(list) : modeSpan(model),
      `Exchange UM mode ${model.mode} shares a SIP address space with the hosting provider, but the file names no SIP domain: the deployment must already have the SIP domain it shares. List it in \`SipDomains\`, so that the script reminds you of its DNS SRV record.`,
    );
  },
};
