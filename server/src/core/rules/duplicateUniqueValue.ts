import { entryLabel, spanOf } from '../model';
import { comparedAs, repeatedValues } from '../facts/unique';
import type { Rule } from './rule';

export const duplicateUniqueValue: Rule = {
  code: 'LT502',
  name: 'duplicate-unique-value',
  severity: 'error',
  check({ model, report }) {
    for (const { repeat, first } of repeatedValues(model, false)) {
      report(
        spanOf(repeat.property.valueNode!),
        `The ${repeat.key.noun} ${JSON.stringify(repeat.value)} repeats that of the ${first.entry.spec.title} ${entryLabel(first.entry)}, ${JSON.stringify(first.value)}${comparedAs(repeat)}; no two may share it.`,
      );
    }
  },
};
