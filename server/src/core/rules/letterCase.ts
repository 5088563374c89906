import { canonicalValue } from '../catalog';
import { keySpan } from '../model';
import { fix, type Rule } from './rule';
import { valueName } from '../facts/values';

export const letterCase: Rule = {
  code: 'LT004',
  name: 'letter-case',
  severity: 'info',
  checkObject({ object, values, edits, report }) {
    for (const property of object.properties) {
      const name = property.spec?.name;
      if (name === undefined || property.key === name) continue;
      report(
        keySpan(property),
        `Write \`${property.key}\` as \`${name}\`, the way ${object.spec.cmdlet ?? 'the topology format'} spells it.`,
        [fix(`Rename to '${name}'`, [edits.replace(property.keyNode, name)])],
      );
    }
    for (const value of values) {
      if (value.spec.kind !== 'enum' || value.node.type !== 'string') continue;
      const text = value.node.value as string;
      const canonical = canonicalValue(value.spec.values, text);
      if (canonical === undefined || canonical === text) continue;
      report(
        { start: value.node.offset, end: value.node.offset + value.node.length },
        `Write ${JSON.stringify(text)} as ${JSON.stringify(canonical)} in ${valueName(value)}.`,
        [fix(`Change to '${canonical}'`, [edits.replace(value.node, canonical)])],
      );
    }
  },
};
