import { spanOf } from '../model';
import { repeatedValues } from '../facts/unique';
import type { Rule } from './rule';

export const duplicateName: Rule = {
  code: 'LT501',
  name: 'duplicate-name',
  severity: 'error',
  check({ model, report }) {
    for (const { repeat, first } of repeatedValues(model, true)) {
      report(
        spanOf(repeat.property.valueNode!),
        `Another ${first.entry.spec.title} (\`${first.entry.path}\`) already has the ${first.key.noun} ${JSON.stringify(first.value)}` +
          (first.value === repeat.value ? '' : `, which PowerShell does not tell apart from ${JSON.stringify(repeat.value)}`) +
          `. Each ${repeat.key.scope} needs its own.`,
      );
    }
  },
};
