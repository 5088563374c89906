import { isHostedMode, modeSpan } from '../facts/hostedUm';
import { POLICIES } from '../facts/voiceMail';
import type { Rule } from './rule';

export const hostedUmNeedsPolicy: Rule = {
  code: 'LT901',
  name: 'hosted-um-policy-assumed',
  severity: 'warning',
  check({ model, report }) {
    // A file that leaves the policy phase out says nothing about policies; one that takes it on is read whole.
    const list = model.root?.byName.get(POLICIES);
    if (!isHostedMode(model) || list?.valueNode?.type !== 'array') return;
    if ((model.sections.get(POLICIES) ?? []).some((p) => p.byName.has('Destination'))) return;
    report(
      modeSpan(model),
      `Exchange UM mode ${model.mode} routes voice mail by a hosted voice mail policy's \`Destination\`, and no policy in \`${POLICIES}\` has one: the deployment must already have such a policy (the global policy, with the FQDN of the hosted Exchange UM service), or voice mail is not routed.`,
    );
  },
};
