import { entryLabel, spanOf } from '../model';
import { repeatedValues } from '../facts/unique';
import type { Rule } from './rule';

export const duplicateUniqueValue: Rule = {
  code: 'LT502',
  name: 'duplicate-unique-value',
  severity: 'error',
  check({ model, report }) {
    for (const { repeat, first } of repeatedValues(model, false)) {
      report(
        spanOf(repeat.property.valueNode!),
        `The ${first.entry.spec.title} ${entryLabel(first.entry)} already uses the ${first.key.noun} ${JSON.stringify(first.value)}` +
          (first.value === repeat.value ? '' : `, the same name as ${JSON.stringify(repeat.value)} in another letter case`) +
          '; no two may share it.',
      );
    }
  },
};
