import { findProperty } from '../catalog';
import { anchorSpan, keySpan, settingName } from '../model';
import { fix, type Rule } from './rule';

export const exactlyOne: Rule = {
  code: 'LT205',
  name: 'exactly-one-name',
  severity: 'error',
  checkObject({ object, edits, report }) {
    for (const group of object.spec.exactlyOne ?? []) {
      const given = group.map((name) => object.byName.get(name)).filter((p) => p !== undefined);
      const names = group.map((n) => `\`${n}\``).join(' or ');
      if (given.length === 0) {
        const first = findProperty(object.spec, group[0])!;
        report(
          anchorSpan(object),
          `${settingName(object, group[0])} is missing: ${object.spec.cmdlet} needs ${names} (one of its two parameter sets) to name the ${object.spec.title}.`,
          first.insertValue === undefined ? [] : [fix(`Add '${first.name}'`, [edits.insertProperty(object.node, first.name, first.insertValue)])],
        );
      }
      for (const extra of given.slice(1)) {
        report(
          keySpan(extra),
          `${settingName(object, extra.spec!.name)} and \`${given[0].spec!.name}\` both name the ${object.spec.title}, but they belong to different parameter sets of ${object.spec.cmdlet}: give one of them.`,
          [fix(`Remove '${extra.spec!.name}'`, [edits.remove(extra.keyNode)])],
        );
      }
    }
  },
};
