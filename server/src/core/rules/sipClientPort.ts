import { settingName, spanOf } from '../model';
import type { Rule } from './rule';
import { wholeNumber, writtenText } from '../facts/values';

/** SipClientPort is typed UInt64, but a TCP port lies in 1-65535. */
const HIGHEST_PORT = 65535n;

export const sipClientPort: Rule = {
  code: 'LT504',
  name: 'port-out-of-range',
  severity: 'warning',
  checkObject({ model, object, report }) {
    const property = object.spec.id === 'hostingProvider' ? object.byName.get('SipClientPort') : undefined;
    const node = property?.valueNode;
    const port = node && wholeNumber(node, model.text);
    const type = property?.spec?.value;
    // A port outside the UInt64 range, negative or too large, is refused by the shell (LT103): not something it takes.
    if (port === undefined || port < 0n || (type?.kind === 'integer' && port > type.max) || (port >= 1n && port <= HIGHEST_PORT)) return;
    report(
      spanOf(node!),
      `${settingName(object, 'SipClientPort')} is ${writtenText(node!, model.text)}, which is not a TCP port (1 to 65535); the cmdlet takes it, but no client can connect there. The default is 443.`,
    );
  },
};
