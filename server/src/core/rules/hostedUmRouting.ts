import { booleanValue, keySpan, spanOf } from '../model';
import { HOSTED_UM_EDGE } from '../templates';
import { isHostedMode, modeSpan } from '../facts/hostedUm';
import { fix, type Rule } from './rule';

export const hostedUmRouting: Rule = {
  code: 'LT404',
  name: 'hosted-um-needs-dns-srv',
  severity: 'error',
  check({ model, edits, report }) {
    if (!isHostedMode(model) || !model.root) return;
    const edge = model.accessEdge;
    if (!edge) {
      report(
        modeSpan(model),
        `Exchange UM mode ${model.mode} needs the Edge Server configured for federation with DNS SRV routing: add \`AccessEdgeConfiguration\` with \`UseDnsSrvRouting\`, \`AllowFederatedUsers\` and \`EnablePartnerDiscovery\`.`,
        model.root.byName.has('AccessEdgeConfiguration')
          ? []
          : [fix('Add the Edge configuration for hosted Exchange UM', [edits.insertProperty(model.root.node, 'AccessEdgeConfiguration', HOSTED_UM_EDGE)])],
      );
      return;
    }
    const dnsSrv = edge.byName.get('UseDnsSrvRouting');
    if (booleanValue(dnsSrv) === true) return;
    const defaultRoute = edge.byName.get('UseDefaultRouting');
    const routedByDefault = booleanValue(defaultRoute) === true;
    const span = dnsSrv?.valueNode ? spanOf(dnsSrv.valueNode) : routedByDefault ? keySpan(defaultRoute!) : keySpan(edge.owner!);
    report(
      span,
      `Exchange UM mode ${model.mode} needs \`AccessEdgeConfiguration.UseDnsSrvRouting\` set to true: hosting providers only work with DNS SRV routing.`,
      routedByDefault
        ? []
        : [
            fix('Set UseDnsSrvRouting to true', [
              dnsSrv?.valueNode ? edits.replace(dnsSrv.valueNode, true) : edits.insertProperty(edge.node, 'UseDnsSrvRouting', true),
            ]),
          ],
    );
  },
};
