import { entryLabel, spanOf } from '../model';
import { comparedAs, repeatedValues } from '../facts/unique';
import type { Rule } from './rule';

export const duplicateUniqueValue: Rule = {
  code: 'LT502',
  name: 'duplicate-unique-value',
  severity: 'error',
  check({ model, report }) {
    for (const { repeat, first } of repeatedValues(model, false)) {
      const written = first.value === repeat.value ? '' : `, written ${JSON.stringify(first.value)}`;
      report(
        spanOf(repeat.property.valueNode!),
        `The ${first.entry.spec.title} ${entryLabel(first.entry)} already has the ${repeat.key.noun} ${JSON.stringify(repeat.value)}${written}${comparedAs(repeat)}; no two may share it.`,
      );
    }
  },
};
