import { isCommandOnly, isOnlineOnly, type ObjectSpec } from '../catalog';
import { keySpan } from '../model';
import { closest } from '../suggest';
import { fix, type Rule } from './rule';

function whatItIs(spec: ObjectSpec): string {
  return spec.cmdlet ? `a parameter of ${spec.cmdlet}` : `a key of ${spec.id === 'topology' ? 'a topology file' : `\`${spec.title}\``}`;
}

export const unknownKey: Rule = {
  code: 'LT003',
  name: 'unknown-key',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ object, edits, report }) {
    for (const property of object.properties) {
      if (property.spec || property.duplicateOf || isCommandOnly(object.spec, property.key) || isOnlineOnly(object.spec, property.key)) continue;
      const suggestion = closest(
        property.key,
        object.spec.properties.map((p) => p.name),
      );
      const where = object.path ? ` (in \`${object.path}\`)` : '';
      report(
        keySpan(property),
        `\`${property.key}\`${where} is not ${whatItIs(object.spec)}.` +
          (suggestion ? ` Did you mean \`${suggestion}\`?` : ' Remove it, or check the spelling against the documentation.'),
        suggestion ? [fix(`Rename to '${suggestion}'`, [edits.replace(property.keyNode, suggestion)])] : [],
      );
    }
  },
};
