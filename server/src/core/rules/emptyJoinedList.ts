import { settingName, spanOf } from '../model';
import { changesExisting } from '../facts/entries';
import { fix, type Rule } from './rule';

export const emptyJoinedList: Rule = {
  code: 'LT108',
  name: 'empty-joined-list',
  severity: 'error',
  checkObject({ object, edits, report }) {
    for (const property of object.byName.values()) {
      const node = property.valueNode;
      if (property.spec?.joinedWith === undefined || node?.type !== 'array' || (node.children?.length ?? 0) > 0) continue;
      const stated = `${settingName(object, property.spec.name)} is an empty list, which states that the ${object.spec.title} has no ${property.spec.name}`;
      // The cmdlet takes the list as one string: the empty one is passed, and Set- puts it in place of the
      // whole list (reference.md §1.8). Without the key, the object the deployment has keeps its list.
      if (changesExisting(object)) {
        report(
          spanOf(node),
          `${stated}: ${object.spec.section?.modifyExisting?.cmdlet ?? object.spec.cmdlet} would be passed an empty string in place of the whole list the deployment has. List the values, or remove the key to keep the deployment's list.`,
          [fix(`Remove '${property.spec.name}'`, [edits.remove(property.keyNode)])],
        );
      } else {
        report(spanOf(node), `${stated}: ${object.spec.cmdlet} would be passed an empty string. List the values.`);
      }
    }
  },
};
