import { settingName, spanOf } from '../model';
import { fix, type Rule } from './rule';


export const duplicateListEntry: Rule = {
  code: 'LT503',
  name: 'duplicate-list-entry',
  severity: 'info',
  checkObject({ strings, edits, report }) {
    const seen = new Set<string>();
    for (const value of strings) {
      if (value.index === undefined) continue;
      const key = `${value.object.path}\u0000${value.propertySpec.name}\u0000${value.text.toLowerCase()}`;
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      report(
        spanOf(value.node),
        `${JSON.stringify(value.text)} is already listed in ${settingName(value.object, value.propertySpec.name)}; remove the repeat.`,
        [fix('Remove the repeated entry', [edits.remove(value.node)])],
      );
    }
  },
};
