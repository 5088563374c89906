import { GLOBAL_POLICY, SECTIONS_BY_KEY, SITE_PREFIX } from '../catalog';
import type { Analysis } from '../analyze';
import type { Diagnostic } from '../diagnostics';
import { booleanValue, entryName, nameKey, stringValue, type ObjectModel, type TopologyModel } from '../model';

/** Whether the deployment has what a finding says it must already have: yes, no, or the deployed file does not say. */
type Holds = { readonly holds: true } | { readonly holds: false; readonly shows: string } | undefined;

interface DeployedFacts {
  readonly edge: ObjectModel | undefined;
  /** The deployed policies by compared name; undefined when the deployed file has no such section. */
  readonly policies: ReadonlyMap<string, ObjectModel> | undefined;
  /** The deployed users by compared name. */
  readonly users: ReadonlyMap<string, ObjectModel>;
  /** The deployed hosting providers by compared name. */
  readonly providers: ReadonlyMap<string, ObjectModel>;
}

const POLICIES = SECTIONS_BY_KEY.get('HostedVoicemailPolicies')!;
const USERS = SECTIONS_BY_KEY.get('Users')!;
const PROVIDERS = SECTIONS_BY_KEY.get('HostingProviders')!;

/** The entries of a section of `model` by compared name; undefined when the file has no such section. */
function byName(model: TopologyModel, key: string): Map<string, ObjectModel> | undefined {
  const section = SECTIONS_BY_KEY.get(key)!.section;
  if (!model.root?.byName.has(key)) return undefined;
  return new Map((model.sections.get(key) ?? []).flatMap((o) => (entryName(o) === undefined ? [] : [[nameKey(section, entryName(o)!), o] as const])));
}

function factsOf(model: TopologyModel): DeployedFacts {
  return { edge: model.accessEdge, policies: byName(model, POLICIES.section.key), users: byName(model, USERS.section.key) ?? new Map(), providers: byName(model, PROVIDERS.section.key) ?? new Map() };
}

/**
 * Whether the policy that applies to each user the desired file enables without stating a grant has a
 * Destination: the per-user policy the deployed file grants the user, which stays, or else the global one.
 */
function enabledUsersDestination(desired: Analysis, facts: DeployedFacts): Holds {
  const grant = USERS.properties.find((p) => p.grant)!.name;
  const results = (desired.model.sections.get(USERS.section.key) ?? []).flatMap((user): Holds[] => {
    const name = entryName(user);
    if (name === undefined || booleanValue(user.byName.get('HostedVoiceMail')) !== true || user.byName.has(grant)) return [];
    const policy = stringValue(facts.users.get(nameKey(USERS.section, name))?.byName.get(grant));
    return [policy ? destinationOf(facts, nameKey(POLICIES.section, policy), `per-user policy ${JSON.stringify(policy)}, granted to ${JSON.stringify(name)}`) : globalDestination(facts)];
  });
  return results.find((r) => r?.holds === false) ?? (results.every((r) => r?.holds === true) ? { holds: true } : undefined);
}

/** Whether a deployed policy has a Destination; undefined when the deployed file does not list policies. */
function destinationOf(facts: DeployedFacts, name: string, what: string): Holds {
  if (!facts.policies) return undefined;
  const policy = facts.policies.get(name);
  if (!policy) return { holds: false, shows: `it has no ${what}` };
  return stringValue(policy.byName.get('Destination')) ? { holds: true } : { holds: false, shows: `its ${what} has no Destination` };
}

/**
 * The global policy applies unless a site policy does: with site policies deployed, or without the global policy
 * in the deployed list, the deployed file cannot say.
 */
function globalDestination(facts: DeployedFacts): Holds {
  // The global policy always exists: a deployed list without it does not say what it has.
  if (!facts.policies?.has(GLOBAL_POLICY)) return undefined;
  const result = destinationOf(facts, GLOBAL_POLICY, 'global policy');
  if (result?.holds === false && [...(facts.policies?.keys() ?? [])].some((k) => k.startsWith(SITE_PREFIX))) return undefined;
  return result;
}

/** The Edge's routing method as the deployed file states it. */
function routing(facts: DeployedFacts): Holds {
  const chosen = [...(facts.edge?.byName.values() ?? [])].find((p) => p.spec?.selectsRouting && booleanValue(p) === true);
  if (!chosen) return undefined;
  return chosen.spec!.selectsRouting === 'DnsSrvRouting' ? { holds: true } : { holds: false, shows: 'the Edge Server uses default routing' };
}

function federation(facts: DeployedFacts): Holds {
  const value = booleanValue(facts.edge?.byName.get('AllowFederatedUsers'));
  if (value === undefined) return undefined;
  return value ? { holds: true } : { holds: false, shows: 'AllowFederatedUsers is false on the Edge Server' };
}

/**
 * Whether a hosted Exchange UM provider that exists keeps the values the set-up needs where the desired file
 * leaves them to the cmdlet's default (LT403): a default applies only to a provider created, so a deployed
 * provider's own value counts. Undefined (the finding stays) when the deployed file does not show a wrong one.
 */
function providerKeepsDefaults(finding: Diagnostic, desired: Analysis, facts: DeployedFacts): Holds {
  const provider = (desired.model.sections.get(PROVIDERS.section.key) ?? []).find((p) => p.node.offset <= finding.span.start && finding.span.end <= p.node.offset + p.node.length);
  const name = provider && entryName(provider);
  const deployed = name === undefined ? undefined : facts.providers.get(nameKey(PROVIDERS.section, name));
  for (const spec of PROVIDERS.properties) {
    if (!deployed || spec.hostedUm?.level !== 'required' || provider!.byName.has(spec.name)) continue;
    const value = booleanValue(deployed.byName.get(spec.name));
    if (value !== undefined && value !== spec.hostedUm.value) return { holds: false, shows: `the provider ${JSON.stringify(name)} has ${spec.name} ${String(value)} there; state ${spec.name} ${JSON.stringify(spec.hostedUm.value)} in this file` };
  }
  return undefined;
}

/**
 * The findings that say what the deployment must already have, and how to check each against a deployed file:
 * LT307 (the Edge's routing method or AllowFederatedUsers), LT403 (a hosted Exchange UM provider's value left to
 * a default that only a created provider takes), LT707 and LT804 (the global policy's Destination), LT801 (the
 * Destination of the policy that applies to each user enabled: a deployed per-user grant, or the global policy),
 * LT705 (a granted per-user policy the desired file does not define).
 */
const CHECKS: Readonly<Record<string, (finding: Diagnostic, desired: Analysis, facts: DeployedFacts) => Holds>> = {
  LT307: (finding, _desired, facts) => (finding.message.includes('`AccessEdgeConfiguration.UseDnsSrvRouting`') ? routing(facts) : federation(facts)),
  LT707: (_finding, _desired, facts) => globalDestination(facts),
  LT801: (_finding, desired, facts) => enabledUsersDestination(desired, facts),
  LT804: (_finding, _desired, facts) => globalDestination(facts),
  LT403: providerKeepsDefaults,
  LT705: (finding, desired, facts) => {
    const name = stringAt(desired.model.text, finding);
    return name === undefined ? undefined : destinationOf(facts, nameKey(POLICIES.section, name), `per-user policy ${JSON.stringify(name)}`);
  },
};

/** The JSON string a finding points at, read from the text. */
function stringAt(text: string, finding: Diagnostic): string | undefined {
  try {
    const value: unknown = JSON.parse(text.slice(finding.span.start, finding.span.end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The desired file's findings about what the deployment must already have, made exact by a deployed file:
 * dropped where the deployed file shows it has it, errors where it shows it does not, kept where it does not say.
 * Returns the findings to show, and the errors that block a plan.
 */
export function checkAssumptions(desired: Analysis, deployed: TopologyModel): { findings: Diagnostic[]; failed: Diagnostic[] } {
  const facts = factsOf(deployed);
  const findings: Diagnostic[] = [];
  const failed: Diagnostic[] = [];
  for (const finding of desired.diagnostics) {
    if (finding.severity === 'error') continue;
    const result = CHECKS[finding.code]?.(finding, desired, facts);
    if (result?.holds === true) continue;
    if (result?.holds === false) {
      const error: Diagnostic = { ...finding, severity: 'error', message: `${finding.message} The deployed file shows that ${result.shows}.` };
      findings.push(error);
      failed.push(error);
    } else findings.push(finding);
  }
  return { findings, failed };
}
