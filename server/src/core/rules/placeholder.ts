import { spanOf } from '../model';
import type { Rule } from './rule';
import { isPlaceholder, valueName } from '../facts/values';

export const placeholder: Rule = {
  code: 'LT106',
  name: 'placeholder',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ strings, report }) {
    for (const value of strings) {
      if (value.propertySpec.notEmitted || !isPlaceholder(value.text)) continue;
      report(spanOf(value.node), `${valueName(value)} is still the placeholder ${JSON.stringify(value.text)}: put the real value in its place.`);
    }
  },
};
