import { keySpan } from '../model';
import type { Rule } from './rule';
import { routingOf } from '../facts/routing';

export const defaultRouteWithProviders: Rule = {
  code: 'LT304',
  name: 'default-route-with-providers',
  severity: 'error',
  check({ model, report }) {
    const edge = model.accessEdge;
    const routing = edge && routingOf(edge);
    if (routing?.mode !== 'DefaultRoute' || !routing.by || model.providers.length === 0) return;
    report(
      keySpan(routing.by),
      `\`AccessEdgeConfiguration.${routing.by.spec!.name}\` selects default routing, which cannot be used while hosting providers exist (this file defines ${model.providers.length}): the Edge Server cannot federate with a hosting provider over a default route. Use DNS SRV routing, or remove the providers.`,
    );
  },
};
