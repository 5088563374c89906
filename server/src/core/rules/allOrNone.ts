import { findProperty } from '../catalog';
import { anchorSpan, settingName } from '../model';
import { fix, type Rule } from './rule';

export const allOrNone: Rule = {
  code: 'LT202',
  name: 'incomplete-parameter-group',
  severity: 'error',
  checkObject({ object, hostsExchangeUm, edits, report }) {
    for (const group of object.spec.allOrNone ?? []) {
      const present = group.filter((name) => object.byName.has(name));
      if (present.length === 0 || present.length === group.length) continue;
      for (const name of group.filter((n) => !present.includes(n))) {
        const spec = findProperty(object.spec, name);
        const value = hostsExchangeUm && spec?.hostedUm ? spec.hostedUm.value : spec?.default;
        report(
          anchorSpan(object),
          `${settingName(object, name)} is missing: ${group.map((n) => `\`${n}\``).join(' and ')} go together (one parameter set of ${object.spec.cmdlet}). Add it, or remove ${present.map((n) => `\`${n}\``).join(' and ')}.`,
          value === undefined ? [] : [fix(`Add '${name}': ${JSON.stringify(value)}`, [edits.insertProperty(object.node, name, value)])],
        );
      }
    }
  },
};
