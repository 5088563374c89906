import { anchorSpan, isObjectWith, spanOf, type TopologyModel } from '../model';
import type { Span } from '../text';
import { isHostedMode, modeSpan } from './hostedUm';

/** Something the file's set-up needs of the Edge Server: why, and what in the file asks for it. */
export interface EdgeNeed {
  /** The reason, as a message gives it after "because". */
  readonly because: string;
  readonly askedBy: Span;
}

/**
 * Why the set-up needs DNS SRV routing: hosted Exchange UM, or any hosting provider the file creates
 * (a hosting provider cannot federate over a default route, per the New-CsHostingProvider reference).
 */
export function dnsSrvNeed(model: TopologyModel): EdgeNeed | undefined {
  if (isHostedMode(model)) {
    return { because: `Exchange UM mode ${model.mode} is reached through hosting providers, which work only with DNS SRV routing`, askedBy: modeSpan(model) };
  }
  const first = model.providers[0];
  return first && { because: 'the hosting providers this file creates work only with DNS SRV routing', askedBy: anchorSpan(first) };
}

/**
 * Why the set-up needs `AllowFederatedUsers` true: it also governs a split domain (Set-CsAccessEdgeConfiguration
 * reference), which a provider sharing the SIP address space, and hosted Exchange UM, use.
 */
export function federationNeed(model: TopologyModel): EdgeNeed | undefined {
  const sharing = model.providers.find((p) => isObjectWith(p, 'EnabledSharedAddressSpace', true));
  if (sharing) {
    return {
      because: 'a hosting provider shares the SIP address space (EnabledSharedAddressSpace), and the setting also governs a split domain',
      askedBy: spanOf(sharing.byName.get('EnabledSharedAddressSpace')!.valueNode!),
    };
  }
  if (isHostedMode(model)) {
    return { because: `Exchange UM mode ${model.mode} uses a shared SIP address space, which the setting also governs`, askedBy: modeSpan(model) };
  }
  return undefined;
}
