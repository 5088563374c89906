import { spanOf } from '../model';
import type { Rule } from './rule';
import { valueName, wholeNumber, writtenText } from '../facts/values';

export const range: Rule = {
  code: 'LT103',
  name: 'out-of-range',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ model, values, report }) {
    for (const value of values) {
      if (value.spec.kind !== 'integer') continue;
      const number = wholeNumber(value.node, model.text);
      if (number === undefined || (number >= value.spec.min && number <= value.spec.max)) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} must be from ${value.spec.min} to ${value.spec.max}; ${writtenText(value.node, model.text)} is outside that range.`,
      );
    }
  },
};
