import { FORMAT_NAMES, matchesFormat } from '../formats';
import { spanOf } from '../model';
import type { Rule } from './rule';
import { isPlaceholder, UNSAFE_CHARACTER, valueName } from '../facts/values';

export const valueFormat: Rule = {
  code: 'LT104',
  name: 'invalid-format',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ strings, report }) {
    for (const value of strings) {
      if (value.spec.kind !== 'string' || value.propertySpec.notEmitted || value.propertySpec.references) continue;
      if (isPlaceholder(value.text) || UNSAFE_CHARACTER.test(value.text) || matchesFormat(value.spec.format, value.text)) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} must be ${FORMAT_NAMES[value.spec.format]}; ${JSON.stringify(value.text)} is not.`,
      );
    }
  },
};
