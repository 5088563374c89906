import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

/** SipClientPort is typed UInt64, but a TCP port lies in 1-65535. */
const HIGHEST_PORT = 65535n;

export const sipClientPort: Rule = {
  code: 'LT504',
  name: 'port-out-of-range',
  severity: 'warning',
  checkObject({ object, edits, report }) {
    const node = object.spec.id === 'hostingProvider' ? object.byName.get('SipClientPort')?.valueNode : undefined;
    if (node?.type !== 'number') return;
    const text = edits.textOf(node);
    if (!/^\d+$/.test(text) || (BigInt(text) >= 1n && BigInt(text) <= HIGHEST_PORT)) return;
    report(
      spanOf(node),
      `${settingName(object, 'SipClientPort')} is ${text}, which is not a TCP port (1 to 65535); the cmdlet takes it, but no client can connect there. The default is 443.`,
    );
  },
};
