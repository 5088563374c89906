import type { Fix } from '../diagnostics';
import { entryName, spanOf } from '../model';
import { closest } from '../suggest';
import { isMisspacedReference } from '../facts/entries';
import { isPerUserName, POLICIES } from '../facts/voiceMail';
import { fix, type Rule } from './rule';

export const unknownPolicy: Rule = {
  code: 'LT705',
  name: 'policy-not-in-file',
  severity: 'warning',
  check({ model, edits, report }) {
    const names = (model.sections.get(POLICIES) ?? []).map(entryName).filter((n): n is string => n !== undefined && isPerUserName(n));
    for (const reference of model.references) {
      // Classified by the name trimmed: " site:Redmond" is no per-user policy either (LT104 reports the spaces). A
      // per-user name may carry its tag: prefix (LT708).
      const name = reference.value.trim();
      if (reference.section !== POLICIES || reference.targets.length > 0 || !isPerUserName(name)) continue;
      if (isMisspacedReference(model, reference)) continue;
      const suggestion = closest(reference.value, names);
      const fixes: Fix[] = suggestion ? [fix(`Change to '${suggestion}'`, [edits.replace(reference.node, suggestion)])] : [];
      report(
        spanOf(reference.node),
        `\`${reference.object.path}.${reference.property.spec!.name}\` grants ${JSON.stringify(reference.value)}, a policy this file does not define: the deployment must already have a per-user hosted voice mail policy of that name, with a \`Destination\`.` +
          (suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''),
        fixes,
      );
    }
  },
};
