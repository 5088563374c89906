import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

/** SipClientPort is typed UInt64, but a TCP port lies in 1-65535. */
const HIGHEST_PORT = 65535n;

export const sipClientPort: Rule = {
  code: 'LT504',
  name: 'port-out-of-range',
  severity: 'warning',
  check({ model, edits, report }) {
    for (const provider of model.providers) {
      const node = provider.byName.get('SipClientPort')?.valueNode;
      if (node?.type !== 'number') continue;
      const text = edits.textOf(node);
      if (!/^\d+$/.test(text) || (BigInt(text) >= 1n && BigInt(text) <= HIGHEST_PORT)) continue;
      report(
        spanOf(node),
        `${settingName(provider, 'SipClientPort')} is ${text}, which is not a TCP port (1 to 65535); the cmdlet takes it, but no client can connect there. The default is 443.`,
      );
    }
  },
};
