import { SERVER_VERSIONS } from '../catalog';
import { keySpan, settingName } from '../model';
import type { Rule } from './rule';

export const serverVersion: Rule = {
  code: 'LT203',
  name: 'not-in-server-version',
  severity: 'error',
  check({ model, report }) {
    const target = SERVER_VERSIONS.indexOf(model.serverVersion);
    for (const object of model.objects) {
      for (const property of object.byName.values()) {
        const since = property.spec?.since;
        if (since === undefined || SERVER_VERSIONS.indexOf(since) <= target) continue;
        report(
          keySpan(property),
          `${settingName(object, property.spec!.name)} exists from ${since} on, but ServerVersion is ${model.serverVersion}. Remove it, or set ServerVersion to the version you run.`,
        );
      }
    }
  },
};
