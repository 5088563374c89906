import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

export const wildcardIdentity: Rule = {
  code: 'LT803',
  name: 'wildcard-identity',
  severity: 'error',
  checkObject({ object, strings, report }) {
    if (object.spec.id !== 'user') return;
    const identity = strings.find((v) => v.propertySpec.name === 'Identity');
    if (!identity?.text.includes('*')) return;
    report(
      spanOf(identity.node),
      `${settingName(object, 'Identity')} ${JSON.stringify(identity.text)} holds \`*\`, which the cmdlets read as a wildcard over display names: it may match several users, or other users than meant. Name one user.`,
    );
  },
};
