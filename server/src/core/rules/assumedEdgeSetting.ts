import type { Fix } from '../diagnostics';
import type { EditBuilder } from '../edits';
import { keySpan, type TopologyModel } from '../model';
import type { Span } from '../text';
import { dnsSrvNeed, federationNeed, type EdgeNeed } from '../facts/edgeNeeds';
import { fix, type Rule } from './rule';
import { routingOf } from '../facts/routing';

/** The Edge settings that state what the set-up needs, and the fix that writes them into the file. */
function stateIt(model: TopologyModel, edits: EditBuilder, settings: Record<string, boolean>): Fix[] {
  const edge = model.accessEdge;
  const title = `State ${Object.keys(settings).join(' and ')} in the file`;
  if (edge) return [fix(title, [edits.insertProperties(edge.node, Object.entries(settings))], false)];
  if (!model.root || model.root.byName.has('AccessEdgeConfiguration')) return [];
  return [fix(title, [edits.insertProperty(model.root.node, 'AccessEdgeConfiguration', settings)], false)];
}

/** Where to say what the Edge must have: the Edge section's key, or what asks for it when there is none. */
function spanFor(model: TopologyModel, need: EdgeNeed): Span {
  return model.accessEdge?.owner ? keySpan(model.accessEdge.owner) : need.askedBy;
}

export const assumedEdgeSetting: Rule = {
  code: 'LT307',
  name: 'assumed-edge-setting',
  severity: 'warning',
  check({ model, edits, report }) {
    const edge = model.accessEdge;
    // A file that selects a routing method has stated it; whether rightly is LT404's and LT304's to say.
    // A switch that is not a boolean has said something unreadable, which LT101 reports.
    const routing = edge && routingOf(edge);
    const unreadable = edge && [...edge.byName.values()].some((p) => p.spec?.selectsRouting && p.valueNode && p.valueNode.type !== 'boolean');
    const dnsSrv = dnsSrvNeed(model);
    if (dnsSrv && !unreadable && (!edge || (routing && !routing.by))) {
      const settings: Record<string, boolean> = { UseDnsSrvRouting: true };
      if (!edge?.byName.has('EnablePartnerDiscovery')) settings.EnablePartnerDiscovery = false;
      report(
        spanFor(model, dnsSrv),
        'The file does not select a routing method (`AccessEdgeConfiguration.UseDnsSrvRouting`), and Set-CsAccessEdgeConfiguration leaves the Edge Server\'s as it is: ' +
          `the Edge Server must already use DNS SRV routing (its default), because ${dnsSrv.because}.`,
        stateIt(model, edits, settings),
      );
    }
    const federation = federationNeed(model);
    if (federation && !edge?.byName.has('AllowFederatedUsers')) {
      report(
        spanFor(model, federation),
        'The file does not state `AccessEdgeConfiguration.AllowFederatedUsers`, and Set-CsAccessEdgeConfiguration leaves it as it is: ' +
          `the Edge Server must already have it true, because ${federation.because}.`,
        stateIt(model, edits, { AllowFederatedUsers: true }),
      );
    }
  },
};
