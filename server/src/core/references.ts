import type { Node } from 'jsonc-parser';
import { locate } from './location';
import type { ObjectModel, TopologyModel } from './model';

/** A hosting provider's name, with where it is defined (its Identity) and every place that names it. */
export interface ProviderLinks {
  readonly identity: string;
  /** The providers with this name (more than one is LT501). */
  readonly providers: readonly ObjectModel[];
  /** Their Identity values. */
  readonly definitions: readonly Node[];
  /** The entries of ExchangeUM.HostingProviders that name it. */
  readonly references: readonly Node[];
  /** The string under the cursor. */
  readonly node: Node;
}

/** The provider name under the cursor: a provider's Identity value or an entry of ExchangeUM.HostingProviders. */
export function providerLinksAt(model: TopologyModel, offset: number): ProviderLinks | undefined {
  const location = locate(model, offset);
  if (location.kind !== 'value' || location.node?.type !== 'string') return undefined;
  const isReference = location.item && location.property.spec?.references === 'hostingProvider';
  const isIdentity = location.object.spec.id === 'hostingProvider' && location.property.spec?.name === 'Identity';
  if (!isReference && !isIdentity) return undefined;
  const identity = location.node.value as string;
  const key = identity.toLowerCase();
  const providers = model.providersByIdentity.get(key) ?? [];
  return {
    identity,
    providers,
    definitions: providers.map((provider) => provider.byName.get('Identity')!.valueNode!),
    references: model.providerReferences.filter((r) => r.value.toLowerCase() === key).map((r) => r.node),
    node: location.node,
  };
}
