import { anchorSpan, settingName } from '../model';
import { fix, type Rule } from './rule';

export const missingRequired: Rule = {
  code: 'LT201',
  name: 'missing-required',
  severity: 'error',
  checkObject({ object, edits, report }) {
    for (const spec of object.spec.properties) {
      if (!spec.required || object.byName.has(spec.name)) continue;
      const inCmdlet = object.spec.cmdlet ? ` ${object.spec.cmdlet} requires it` : ' It is required';
      report(
        anchorSpan(object),
        `${settingName(object, spec.name)} is missing.${inCmdlet}: add it.`,
        spec.insertValue === undefined
          ? []
          : [fix(`Add '${spec.name}'`, [edits.insertProperty(object.node, spec.name, spec.insertValue)])],
      );
    }
  },
};
