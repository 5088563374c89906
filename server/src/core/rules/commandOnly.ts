import { isCommandOnly } from '../catalog';
import { keySpan } from '../model';
import { fix, type Rule } from './rule';

export const commandOnly: Rule = {
  code: 'LT005',
  name: 'command-only-parameter',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ object, edits, report }) {
    for (const property of object.properties) {
      if (property.spec || property.duplicateOf || !isCommandOnly(object.spec, property.key)) continue;
      report(
        keySpan(property),
        `\`${property.key}\` controls how ${object.spec.cmdlet} runs; it is not a setting the topology file can hold. Remove it.`,
        [fix(`Remove '${property.key}'`, [edits.remove(property.keyNode)])],
      );
    }
  },
};
