import { HOSTING_PROVIDER } from '../catalog';
import type { Fix } from '../diagnostics';
import type { EditBuilder } from '../edits';
import { spanOf, stringValue, type TopologyModel } from '../model';
import { closest } from '../suggest';
import { fix, type Rule } from './rule';

/** A hosting provider as hosted Exchange UM needs it, from the catalog's must-be and advised values. */
function hostedUmProviderTemplate(identity: string): Record<string, unknown> {
  const template: Record<string, unknown> = {};
  for (const spec of HOSTING_PROVIDER.properties) {
    if (spec.name === 'Identity') template[spec.name] = identity;
    else if (spec.hostedUm) template[spec.name] = spec.hostedUm.value;
    else if (spec.required && spec.insertValue !== undefined) template[spec.name] = spec.insertValue;
  }
  return template;
}

function createProvider(model: TopologyModel, edits: EditBuilder, identity: string): Fix {
  const provider = hostedUmProviderTemplate(identity);
  const list = model.root?.byName.get('HostingProviders');
  const edit =
    list?.valueNode?.type === 'array'
      ? edits.appendItem(list.valueNode, provider)
      : edits.insertProperty(model.root!.node, 'HostingProviders', [provider]);
  return fix(`Create hosting provider '${identity}'`, [edit]);
}

export const unresolvedReference: Rule = {
  code: 'LT401',
  name: 'unknown-provider',
  severity: 'error',
  check({ model, edits, report }) {
    const identities = model.providers.map((p) => stringValue(p.byName.get('Identity'))).filter((i) => i !== undefined);
    const canCreate = model.root !== undefined && model.root.byName.get('HostingProviders')?.valueNode?.type !== 'object';
    for (const reference of model.providerReferences) {
      if (reference.targets.length > 0) continue;
      const suggestion = closest(reference.value, identities);
      const fixes: Fix[] = [];
      if (suggestion) fixes.push(fix(`Change to '${suggestion}'`, [edits.replace(reference.node, suggestion)]));
      if (canCreate) fixes.push({ ...createProvider(model, edits, reference.value), preferred: !suggestion });
      report(
        spanOf(reference.node),
        `\`ExchangeUM.HostingProviders\` names ${JSON.stringify(reference.value)}, but no hosting provider has that Identity.` +
          (suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ' Add the provider to `HostingProviders`, or correct the name.'),
        fixes,
      );
    }
  },
};
