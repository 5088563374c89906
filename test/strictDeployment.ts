import { CMDLET_SIGNATURES, type PlanStep } from '../server/src/core';
import { Deployment } from './deployment';

type Json = Record<string, unknown>;

const SIGNATURES = new Map(CMDLET_SIGNATURES.map((s) => [s.name, s]));

/**
 * The replay deployment of test/deployment.ts, refusing besides what else reference.md documents the shell
 * refuses: a parameter the cmdlet does not have (§1.4: Set-CsHostingProvider has no ProxyFqdn), a Boolean that is
 * not one and a number that is not digits (§3.4, §3.5), New-CsHostingProvider with one split-domain parameter
 * without the other (§1.3, parameter set B of L10/L13, HP-04), a new default route while a hosting provider
 * exists (§1.1, DefaultRouteFqdn), creating or removing the global policy (§1.7, VM-02), granting a policy by
 * anything but its bare per-user name (§1.9, VM-08), and enabling a user for hosted voice mail when the policy
 * that applies has no Destination (§1.11, USR-01: a granted per-user policy, else the global one; not judged
 * when site policies exist, whose users this model does not know).
 */
export class StrictDeployment {
  private readonly inner: Deployment;

  constructor(file: Json, isUser: (identity: string) => boolean) {
    this.inner = new Deployment(file, isUser);
  }

  toFile(): Json {
    return this.inner.toFile();
  }

  /** Carries out `step`; the reason the shell would refuse it, or undefined. */
  apply(step: PlanStep): string | undefined {
    return this.refusal(step) ?? this.inner.apply(step);
  }

  private refusal(step: PlanStep): string | undefined {
    const signature = SIGNATURES.get(step.cmdlet);
    if (!signature) return `${step.cmdlet} is not a cmdlet`;
    for (const [name, value] of Object.entries(step.parameters)) {
      const parameter = signature.parameters.find((p) => p.name === name);
      if (!parameter) return `${step.cmdlet} has no parameter ${name}`;
      if ((parameter.type === 'Boolean' || parameter.type === 'SwitchParameter') && typeof value !== 'boolean') return `-${name} takes a Boolean, not ${JSON.stringify(value)}`;
      if ((parameter.type === 'UInt32' || parameter.type === 'UInt64') && !/^\d+$/.test(String(value))) return `-${name} takes a number, not ${JSON.stringify(value)}`;
    }
    const file = this.inner.toFile();
    const list = (key: string) => file[key] as Json[];
    const params = step.parameters;
    switch (step.cmdlet) {
      case 'New-CsHostingProvider':
        if (('EnabledSharedAddressSpace' in params) !== ('HostsOCSUsers' in params)) return 'EnabledSharedAddressSpace and HostsOCSUsers are mandatory together';
        break;
      case 'Set-CsAccessEdgeConfiguration':
        if ((params.UseDefaultRouting === true || 'DefaultRouteFqdn' in params) && list('HostingProviders').length > 0) return 'a new default route while a hosting provider exists';
        break;
      case 'New-CsHostedVoicemailPolicy':
      case 'Remove-CsHostedVoicemailPolicy':
        if (String(params.Identity).toLowerCase() === 'global') return 'the global policy is never created or removed';
        break;
      case 'Grant-CsHostedVoicemailPolicy':
        if (typeof params.PolicyName === 'string' && /^(global$|site:|tag:)/i.test(params.PolicyName)) return `-PolicyName ${params.PolicyName} is not a bare per-user policy name`;
        break;
      case 'Set-CsUser':
        if (params.HostedVoiceMail === true) return this.noDestination(String(params.Identity), list);
        break;
    }
    return undefined;
  }

  /** Why enabling `identity` for hosted voice mail fails: the policy that applies has no Destination. */
  private noDestination(identity: string, list: (key: string) => Json[]): string | undefined {
    const policies = list('HostedVoicemailPolicies');
    if (policies.some((p) => /^site:/i.test(String(p.Identity)))) return undefined;
    const bare = (name: unknown) => String(name).toLowerCase().replace(/^tag:/, '');
    const user = list('Users').find((u) => String(u.Identity).toLowerCase() === identity.toLowerCase());
    const name = typeof user?.HostedVoicemailPolicy === 'string' ? user.HostedVoicemailPolicy : 'global';
    const policy = policies.find((p) => bare(p.Identity) === bare(name));
    if (!policy) return undefined;
    return typeof policy.Destination === 'string' && policy.Destination !== '' ? undefined : `the policy ${name} that applies to ${identity} has no Destination`;
  }
}
