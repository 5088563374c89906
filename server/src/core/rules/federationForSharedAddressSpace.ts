import { booleanValue, isObjectWith, keySpan, spanOf } from '../model';
import { isHostedMode } from '../facts/hostedUm';
import { fix, type Rule } from './rule';

export const federationForSharedAddressSpace: Rule = {
  code: 'LT405',
  name: 'shared-address-space-needs-federation',
  severity: 'error',
  check({ model, edits, report }) {
    const edge = model.accessEdge;
    if (!edge?.owner) return;
    const sharing = model.providers.find((p) => isObjectWith(p, 'EnabledSharedAddressSpace', true));
    if (!sharing && !isHostedMode(model)) return;
    const allow = edge.byName.get('AllowFederatedUsers');
    if (booleanValue(allow) === true || (allow?.valueNode && allow.valueNode.type !== 'boolean')) return;
    const why = sharing
      ? 'a hosting provider shares the SIP address space (EnabledSharedAddressSpace)'
      : `Exchange UM mode ${model.mode} uses a shared SIP address space`;
    report(
      allow?.valueNode ? spanOf(allow.valueNode) : keySpan(edge.owner),
      `\`AccessEdgeConfiguration.AllowFederatedUsers\` must be true because ${why}; it also governs communication across a split domain.`,
      [
        fix('Set AllowFederatedUsers to true', [
          allow?.valueNode ? edits.replace(allow.valueNode, true) : edits.insertProperty(edge.node, 'AllowFederatedUsers', true),
        ]),
      ],
    );
  },
};
