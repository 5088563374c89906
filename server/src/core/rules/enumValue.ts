import { canonicalValue } from '../catalog';
import { spanOf } from '../model';
import { closest } from '../suggest';
import { fix, type Rule } from './rule';
import { isPlaceholder, valueName } from '../facts/values';

export const enumValue: Rule = {
  code: 'LT102',
  name: 'unknown-value',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ strings, edits, report }) {
    for (const value of strings) {
      if (value.spec.kind !== 'enum' || isPlaceholder(value.text)) continue;
      if (canonicalValue(value.spec.values, value.text) !== undefined) continue;
      const suggestion = closest(value.text, value.spec.values);
      const allowed = value.spec.values.map((v) => JSON.stringify(v)).join(', ');
      report(
        spanOf(value.node),
        `${valueName(value)} cannot be ${JSON.stringify(value.text)}; it takes one of ${allowed}.` +
          (suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''),
        suggestion ? [fix(`Change to '${suggestion}'`, [edits.replace(value.node, suggestion)])] : [],
      );
    }
  },
};
