import { spanOf } from '../model';
import type { Rule } from './rule';
import { UNSAFE_CHARACTER, valueName } from '../facts/values';

export const unsafeCharacters: Rule = {
  code: 'LT105',
  name: 'control-character',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ strings, report }) {
    for (const value of strings) {
      if (value.propertySpec.notEmitted || !UNSAFE_CHARACTER.test(value.text)) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} contains a line break, a control character or a broken surrogate pair. Such a character has no place in this setting and would garble the generated script; remove it.`,
      );
    }
  },
};
