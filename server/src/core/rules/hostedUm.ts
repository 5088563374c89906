import { spanOf, type ObjectModel, type TopologyModel } from '../model';
import type { Span } from '../text';

/** Whether the file says Exchange UM is (partly) hosted by a provider: CrossPremises or Mixed. */
export function isHostedMode(model: TopologyModel): boolean {
  return model.mode === 'CrossPremises' || model.mode === 'Mixed';
}

/** The hosting providers that host Exchange UM: those `ExchangeUM.HostingProviders` names, in a hosted mode. */
export function hostedUmProviders(model: TopologyModel): ObjectModel[] {
  if (!isHostedMode(model)) return [];
  const providers = new Set<ObjectModel>();
  for (const reference of model.providerReferences) {
    if (reference.targets.length > 0) providers.add(reference.targets[0]);
  }
  return [...providers];
}

/** Where to report what hosted Exchange UM misses elsewhere in the file: the Mode value that asks for it. */
export function modeSpan(model: TopologyModel): Span {
  const mode = model.exchangeUM?.byName.get('Mode');
  return mode ? spanOf(mode.valueNode ?? mode.keyNode) : { start: 0, end: 1 };
}
