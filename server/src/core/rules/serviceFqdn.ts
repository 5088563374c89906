import { distance } from 'fastest-levenshtein';
import { spanOf } from '../model';
import { fix, type Rule } from './rule';
import { isPlaceholder, valueName } from '../facts/values';

/** At most this many letters differ in a likely misspelling of a service FQDN (they are 19 letters or longer). */
const NEAR = 2;

export const serviceFqdn: Rule = {
  code: 'LT107',
  name: 'near-service-fqdn',
  severity: 'warning',
  checkObject({ strings, edits, report }) {
    for (const value of strings) {
      const known = value.propertySpec.serviceFqdns;
      if (!known || isPlaceholder(value.text)) continue;
      const text = value.text.toLowerCase();
      let nearest: { fqdn: string; description: string; distance: number } | undefined;
      for (const service of known) {
        // Names whose lengths differ by more than NEAR are further apart than that; most are, and are not measured.
        if (Math.abs(service.value.length - text.length) > NEAR) continue;
        const d = distance(text, service.value);
        if (d === 0) {
          nearest = undefined;
          break;
        }
        if (d <= NEAR && (!nearest || d < nearest.distance)) nearest = { fqdn: service.value, description: service.description, distance: d };
      }
      if (!nearest) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} is ${JSON.stringify(value.text)}, a letter or two away from ${JSON.stringify(nearest.fqdn)}, the documented FQDN of ${nearest.description.replace(/\.$/, '')}. Did you mean it?`,
        [fix(`Change to '${nearest.fqdn}'`, [edits.replace(value.node, nearest.fqdn)])],
      );
    }
  },
};
