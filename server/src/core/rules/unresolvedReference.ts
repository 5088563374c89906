import type { Fix } from '../diagnostics';
import type { EditBuilder } from '../edits';
import { SECTIONS_BY_KEY } from '../catalog';
import { nameKey, spanOf, stringValue, type TopologyModel } from '../model';
import { closest } from '../suggest';
import { isMisspacedReference } from '../facts/entries';
import { hostedUmProvider } from '../templates';
import { fix, type Rule } from './rule';

function createProvider(model: TopologyModel, edits: EditBuilder, identity: string): Fix {
  const provider = hostedUmProvider(identity);
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
    // Only into a list there is, or a new one: a second `HostingProviders` key would be a duplicate.
    const list = model.root?.byName.get('HostingProviders');
    const canCreate = model.root !== undefined && (list === undefined || list.valueNode?.type === 'array');
    let identities: string[] | undefined;
    // Fix-all creates a missing provider once, for the first reference to it: the others name the same one.
    const created = new Set<string>();
    for (const reference of model.providerReferences) {
      if (reference.targets.length > 0 || isMisspacedReference(model, reference)) continue;
      identities ??= model.providers.map((p) => stringValue(p.byName.get('Identity'))).filter((i) => i !== undefined);
      const suggestion = closest(reference.value, identities);
      const fixes: Fix[] = [];
      if (suggestion) fixes.push(fix(`Change to '${suggestion}'`, [edits.replace(reference.node, suggestion)]));
      const key = nameKey(SECTIONS_BY_KEY.get(reference.section)!.section, reference.value);
      if (canCreate) fixes.push({ ...createProvider(model, edits, reference.value), preferred: !suggestion && !created.has(key) });
      created.add(key);
      report(
        spanOf(reference.node),
        `\`ExchangeUM.HostingProviders\` names ${JSON.stringify(reference.value)}, but no hosting provider has that Identity.` +
          (suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ' Add the provider to `HostingProviders`, or correct the name.'),
        fixes,
      );
    }
  },
};
