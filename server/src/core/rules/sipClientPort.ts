import { settingName, spanOf } from '../model';
import type { Rule } from './rule';
import { wholeNumber } from '../facts/values';

/** SipClientPort is typed UInt64, but a TCP port lies in 1-65535. */
const HIGHEST_PORT = 65535n;

export const sipClientPort: Rule = {
  code: 'LT504',
  name: 'port-out-of-range',
  severity: 'warning',
  checkObject({ model, object, report }) {
    const node = object.spec.id === 'hostingProvider' ? object.byName.get('SipClientPort')?.valueNode : undefined;
    const port = node && wholeNumber(node, model.text);
    // A negative port is out of the UInt64 range already (LT103).
    if (port === undefined || port < 0n || (port >= 1n && port <= HIGHEST_PORT)) return;
    report(
      spanOf(node!),
      `${settingName(object, 'SipClientPort')} is ${port}, which is not a TCP port (1 to 65535); the cmdlet takes it, but no client can connect there. The default is 443.`,
    );
  },
};
