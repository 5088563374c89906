import { isOnlineOnly } from '../catalog';
import { keySpan } from '../model';
import { fix, type Rule } from './rule';

export const onlineOnly: Rule = {
  code: 'LT206',
  name: 'online-only-parameter',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ object, edits, report }) {
    for (const property of object.properties) {
      if (property.spec || property.duplicateOf || !isOnlineOnly(object.spec, property.key)) continue;
      report(
        keySpan(property),
        `\`${property.key}\` of ${object.spec.cmdlet} names a Skype for Business Online tenant; an on-premises deployment has none, and the generated script never passes it. Remove it.`,
        [fix(`Remove '${property.key}'`, [edits.remove(property.keyNode)])],
      );
    }
  },
};
