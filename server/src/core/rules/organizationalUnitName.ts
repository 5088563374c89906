import { isDistinguishedName, matchesFormat } from '../formats';
import { spanOf } from '../model';
import { valueName } from '../facts/values';
import type { Rule } from './rule';

export const organizationalUnitName: Rule = {
  code: 'LT109',
  name: 'organizational-unit-name',
  severity: 'warning',
  checkObject({ strings, report }) {
    for (const value of strings) {
      if (value.spec.kind !== 'string' || value.spec.format !== 'organizationalUnit') continue;
      // A value in neither form is LT104's.
      if (!matchesFormat('organizationalUnit', value.text) || isDistinguishedName(value.text)) continue;
      report(
        spanOf(value.node),
        `${valueName(value)} is ${JSON.stringify(value.text)}, which names the organizational unit otherwise than by its distinguished name. The Lync Server 2013 topic on contact objects for hosted Exchange UM passes a name like this, but the ${value.object.spec.cmdlet} reference shows only distinguished names and does not say which other forms it takes. Write the distinguished name (OU=...,DC=...) to be sure the contact is created in the unit you mean.`,
      );
    }
  },
};
