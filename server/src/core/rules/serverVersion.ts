import { existenceDisputed, existsIn } from '../catalog';
import { keySpan, settingName } from '../model';
import type { Rule } from './rule';

export const serverVersion: Rule = {
  code: 'LT203',
  name: 'not-in-server-version',
  severity: 'error',
  checkObject({ model, object, report }) {
    for (const property of object.byName.values()) {
      const spec = property.spec;
      if (!spec || existsIn(spec, model.serverVersion) || existenceDisputed(spec, model.serverVersion)) continue;
      report(
        keySpan(property),
        `${settingName(object, spec.name)} exists from ${spec.since} on, but ServerVersion is ${model.serverVersion}. Remove it, or set ServerVersion to the version you run.`,
      );
    }
  },
};
