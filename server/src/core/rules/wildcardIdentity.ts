import { settingName, spanOf } from '../model';
import type { Rule } from './rule';

export const wildcardIdentity: Rule = {
  code: 'LT803',
  name: 'wildcard-identity',
  severity: 'warning',
  checkObject({ object, strings, report }) {
    if (object.spec.id !== 'user') return;
    const identity = strings.find((v) => v.propertySpec.name === 'Identity');
    if (!identity?.text.includes('*')) return;
    const cmdlets = [object.spec.cmdlet, ...object.spec.properties.flatMap((p) => (p.grant ? [p.grant.cmdlet] : []))].join(' and ');
    report(
      spanOf(identity.node),
      `${settingName(object, 'Identity')} holds \`*\`, which ${cmdlets} read as a wildcard over display names: the command changes every user whose display name matches, as their reference documents, and which users those are only the directory knows. Check that it matches the users you mean; a plan cannot compare it with the deployed users.`,
    );
  },
};
