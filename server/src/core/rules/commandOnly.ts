import { isCommandOnly, parameterOfAlias } from '../catalog';
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
      const alias = parameterOfAlias(property.key);
      report(
        keySpan(property),
        `\`${property.key}\`${alias ? ` (PowerShell's alias of ${alias})` : ''} controls how ${object.spec.cmdlet} runs; it is not a setting the topology file can hold. Remove it.`,
        [fix(`Remove '${property.key}'`, [edits.remove(property.keyNode)])],
      );
    }
  },
};
