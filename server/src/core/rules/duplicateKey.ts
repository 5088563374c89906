import { keySpan, settingName } from '../model';
import type { Rule } from './rule';

export const duplicateKey: Rule = {
  code: 'LT002',
  name: 'duplicate-key',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ object, report }) {
    for (const property of object.properties) {
      if (!property.duplicateOf) continue;
      const name = settingName(object, property.spec?.name ?? property.key);
      report(
        keySpan(property),
        `${name} is given more than once (PowerShell compares names without regard to case). Keep one of them.`,
      );
    }
  },
};
