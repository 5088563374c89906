import { keySpan } from '../model';
import { isHostedMode } from '../facts/hostedUm';
import type { Rule } from './rule';
import { routingOf } from '../facts/routing';

export const hostedUmRouting: Rule = {
  code: 'LT404',
  name: 'hosted-um-needs-dns-srv',
  severity: 'error',
  check({ model, report }) {
    const edge = model.accessEdge;
    const routing = edge && routingOf(edge);
    if (!isHostedMode(model) || routing?.mode !== 'DefaultRoute' || !routing.by) return;
    report(
      keySpan(routing.by),
      `\`AccessEdgeConfiguration.${routing.by.spec!.name}\` selects default routing, but Exchange UM mode ${model.mode} is reached through hosting providers, which work only with DNS SRV routing. Select it with \`UseDnsSrvRouting\` instead.`,
    );
  },
};
