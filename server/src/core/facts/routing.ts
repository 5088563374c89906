import type { RoutingMode } from '../catalog';
import { booleanValue, type ObjectModel, type PropertyModel } from '../model';

/** The routing switches of an Access Edge section that are set to true. */
export function chosenSwitches(edge: ObjectModel): PropertyModel[] {
  return [...edge.byName.values()].filter((p) => p.spec?.selectsRouting && booleanValue(p) === true);
}

/**
 * The routing mode the section asks for: the switch that is set, or else the mode its
 * routing-only parameters belong to, DNS SRV (the default method) when they say nothing.
 * Undefined when both switches are set.
 */
export function routingOf(edge: ObjectModel): { mode: RoutingMode; by: PropertyModel | undefined } | undefined {
  const switches = chosenSwitches(edge);
  if (switches.length > 1) return undefined;
  if (switches.length === 1) return { mode: switches[0].spec!.selectsRouting!, by: switches[0] };
  const defaultRouteOnly = [...edge.byName.values()].find((p) => p.spec?.routing === 'DefaultRoute' && !p.spec.selectsRouting);
  return defaultRouteOnly ? { mode: 'DefaultRoute', by: defaultRouteOnly } : { mode: 'DnsSrvRouting', by: undefined };
}

export const ROUTING_NAMES: Record<RoutingMode, string> = {
  DnsSrvRouting: 'DNS SRV routing',
  DefaultRoute: 'default routing',
};
