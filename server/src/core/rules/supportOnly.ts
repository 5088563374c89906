import { settingName, spanOf } from '../model';
import { fix, type Rule } from './rule';
import { isWellFormed } from '../facts/values';

export const supportOnly: Rule = {
  code: 'LT306',
  name: 'support-only-setting',
  severity: 'warning',
  checkObject({ model, object, edits, report }) {
    for (const property of object.byName.values()) {
      const spec = property.spec;
      const node = property.valueNode;
      if (!spec?.supportOnly || spec.default === undefined || !node || node.value === spec.default) continue;
      if (!isWellFormed(spec.value, node, model.text)) continue;
      report(
        spanOf(node),
        `${settingName(object, spec.name)} is meant to be changed only when Microsoft support asks for it; its default is ${JSON.stringify(spec.default)}.`,
        [fix(`Change back to ${JSON.stringify(spec.default)}`, [edits.replace(node, spec.default)], false)],
      );
    }
  },
};
