import { spanOf } from '../model';
import type { Rule } from './rule';
import { valueName } from './values';

export const range: Rule = {
  code: 'LT103',
  name: 'out-of-range',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ values, edits, report }) {
    for (const value of values) {
      if (value.spec.kind !== 'integer' || value.node.type !== 'number') continue;
      const text = edits.textOf(value.node);
      if (!/^-?\d+$/.test(text)) continue;
      const number = BigInt(text);
      if (number >= value.spec.min && number <= value.spec.max) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} must be from ${value.spec.min} to ${value.spec.max}; ${text} is outside that range.`,
      );
    }
  },
};
