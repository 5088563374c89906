import { settingName, spanOf } from '../model';
import { fix, type Rule } from './rule';


export const duplicateListEntry: Rule = {
  code: 'LT503',
  name: 'duplicate-list-entry',
  severity: 'info',
  checkObject({ strings, edits, report }) {
    // The first spelling of each entry, to quote it as the file writes it when the repeat differs in letter case.
    const seen = new Map<string, string>();
    for (const value of strings) {
      if (value.index === undefined) continue;
      const key = `${value.object.path}\u0000${value.propertySpec.name}\u0000${value.text.toLowerCase()}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, value.text);
        continue;
      }
      const as = first === value.text ? '' : ` as ${JSON.stringify(first)}`;
      report(
        spanOf(value.node),
        `${JSON.stringify(value.text)} is already listed in ${settingName(value.object, value.propertySpec.name)}${as}; remove the repeat.`,
        [fix('Remove the repeated entry', [edits.remove(value.node)])],
      );
    }
  },
};
