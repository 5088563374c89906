import { PER_USER_PREFIX, SITE_PREFIX } from '../catalog';
import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

/** `scope:` at the start of an Identity. */
const SCOPE = /^([A-Za-z]+):(.*)$/;

export const policyIdentity: Rule = {
  code: 'LT701',
  name: 'policy-identity',
  severity: 'error',
  checkObject({ object, strings, report }) {
    if (object.spec.id !== 'hostedVoicemailPolicy') return;
    const identity = strings.find((v) => v.propertySpec.name === 'Identity' && v.index === undefined);
    const scope = identity && SCOPE.exec(identity.text);
    if (!identity || !scope) return;
    const prefix = `${scope[1].toLowerCase()}:`;
    const known = prefix === SITE_PREFIX || prefix === PER_USER_PREFIX;
    if (known && scope[2].trim() !== '') return;
    report(
      spanOf(identity.node),
      known
        ? `${settingName(object, 'Identity')} ${JSON.stringify(identity.text)} names no ${prefix === SITE_PREFIX ? 'site' : 'policy'} after \`${prefix}\`.`
        : `${settingName(object, 'Identity')} ${JSON.stringify(identity.text)} has the scope \`${scope[1]}:\`, which hosted voice mail policies do not have: write \`global\`, \`site:<site name>\`, or a per-user policy name without a scope.`,
    );
  },
};
