import { existenceDisputed } from '../catalog';
import { keySpan, settingName } from '../model';
import type { Rule } from './rule';

export const versionConflict: Rule = {
  code: 'LT204',
  name: 'disputed-server-version',
  severity: 'warning',
  checkObject({ model, object, report }) {
    for (const property of object.byName.values()) {
      const spec = property.spec;
      if (!spec?.versionConflict || !existenceDisputed(spec, model.serverVersion)) continue;
      report(
        keySpan(property),
        `${settingName(object, spec.name)} exists from ${spec.since} on according to the current reference, but ${spec.versionConflict.source} lists it already: Microsoft's documents disagree on whether ${model.serverVersion} has it. Check that your Management Shell takes it before you run the script.`,
      );
    }
  },
};
