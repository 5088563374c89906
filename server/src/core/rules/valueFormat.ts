import { formatProblem, matchesFormat } from '../formats';
import { spanOf } from '../model';
import { fix, type Rule } from './rule';
import { isPlaceholder, UNSAFE_CHARACTER, valueName } from '../facts/values';

export const valueFormat: Rule = {
  code: 'LT104',
  name: 'invalid-format',
  severity: 'error',
  blocksGeneration: true,
  checkObject({ strings, edits, report }) {
    for (const value of strings) {
      if (value.spec.kind !== 'string' || value.propertySpec.notEmitted) continue;
      if (isPlaceholder(value.text) || UNSAFE_CHARACTER.test(value.text) || matchesFormat(value.spec.format, value.text)) continue;
      // Spaces at either end are kept by PowerShell: without them the value may be right, and mean what was meant.
      const trimmed = value.text.trim();
      const spaced = trimmed !== value.text && matchesFormat(value.spec.format, trimmed);
      report(
        spanOf(value.node),
        `${valueName(value)} ${formatProblem(value.spec.format, value.text)}`,
        spaced ? [fix(`Trim to '${trimmed}'`, [edits.replace(value.node, trimmed)])] : [],
      );
    }
  },
};
