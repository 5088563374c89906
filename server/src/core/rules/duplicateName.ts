import { entryLabel, spanOf } from '../model';
import { comparedAs, repeatedValues } from '../facts/unique';
import type { Rule } from './rule';

export const duplicateName: Rule = {
  code: 'LT501',
  name: 'duplicate-name',
  severity: 'error',
  check({ model, report }) {
    for (const { repeat, first } of repeatedValues(model, true)) {
      report(
        spanOf(repeat.property.valueNode!),
        `The ${repeat.key.noun} ${JSON.stringify(repeat.value)} already names the ${first.entry.spec.title} ${entryLabel(first.entry)}${comparedAs(repeat)}. Each ${repeat.key.scope} needs its own.`,
      );
    }
  },
};
