import { GLOBAL_POLICY, PER_USER_PREFIX } from '../catalog';
import { booleanValue, entryName, type NameReference, type ObjectModel, type TopologyModel } from '../model';
import { isMisspacedReference } from './entries';
import { once } from './perModel';

/** The section keys of the hosted voice mail part of the file. */
export const POLICIES = 'HostedVoicemailPolicies';
export const USERS = 'Users';
export const CONTACTS = 'ExUmContacts';

/** The global hosted voice mail policy as the file states it, if it does. */
export function globalPolicy(model: TopologyModel): ObjectModel | undefined {
  return model.entriesByName.get(POLICIES)?.get(GLOBAL_POLICY)?.[0];
}

/** The per-user policy granted to each user or contact that is granted one, as the reference that names it. */
export function grants(model: TopologyModel): ReadonlyMap<ObjectModel, NameReference> {
  return once(model, 'grants', () => new Map(model.references.filter((r) => r.property.spec?.grant).map((r) => [r.object, r])));
}

/** The grants to judge by the name they give: those with spaces at either end are LT104's alone. */
export function judgedGrants(model: TopologyModel): NameReference[] {
  return [...grants(model).values()].filter((reference) => !isMisspacedReference(model, reference));
}

/**
 * The hosted voice mail policy that applies to a user or a contact, as far as the file says: the per-user
 * policy granted to it, else the global policy (a site policy may come first, but the file does not say
 * where a user is homed). No policy when the file does not define it: then the deployment must.
 */
export function applicablePolicy(
  model: TopologyModel,
  granted: ReadonlyMap<ObjectModel, NameReference>,
  entry: ObjectModel,
): { policy: ObjectModel | undefined; grant: NameReference | undefined } {
  const grant = granted.get(entry);
  return { policy: grant ? grant.targets[0] : globalPolicy(model), grant };
}

/** Users enabled for hosted voice mail (`HostedVoiceMail` true), and every Exchange UM contact: what needs a policy. */
export function needingPolicy(model: TopologyModel): ObjectModel[] {
  const users = (model.sections.get(USERS) ?? []).filter((u) => booleanValue(u.byName.get('HostedVoiceMail')) === true);
  return [...users, ...(model.sections.get(CONTACTS) ?? [])];
}

/**
 * Whether a policy Identity names a per-user policy: not `global`, and no scope but the optional `tag:` (a site
 * policy, or a scope hosted voice mail policies do not have, LT701, is no per-user policy).
 */
export function isPerUserName(identity: string): boolean {
  const lower = identity.toLowerCase();
  const scope = /^([a-z]+:)/.exec(lower)?.[1];
  return lower !== GLOBAL_POLICY && (scope === undefined || scope === PER_USER_PREFIX);
}

/**
 * The name a grant written with `tag:` gives without it, when the bare name still names that per-user policy; else
 * undefined: without the prefix, `tag:global` would name the global policy and `tag:site:Redmond` a site policy, and an
 * empty or spaced name none (the Lync Server 2013 topics on hosted voice mail policies: an Identity is `global`,
 * `site:` and a site's name, or a per-user name, whose scope is `tag:`).
 */
export function untaggedName(grant: string): string | undefined {
  if (!grant.toLowerCase().startsWith(PER_USER_PREFIX)) return undefined;
  const bare = grant.slice(PER_USER_PREFIX.length);
  return bare !== '' && bare === bare.trim() && isPerUserName(bare) && !/^[a-z]+:/i.test(bare) ? bare : undefined;
}

/** The entries of a section that need a policy, are granted none, and find no global policy in the file. */
export function relyingOnDeployment(model: TopologyModel, section: string): ObjectModel[] {
  if (globalPolicy(model)) return [];
  const granted = grants(model);
  return needingPolicy(model).filter((entry) => entry.spec.section?.key === section && !granted.has(entry));
}

/**
 * The policies of the file without a `Destination` that apply to users enabled for hosted voice mail or to
 * contacts of the file, with how many each applies to.
 */
export function appliedWithoutDestination(model: TopologyModel): ReadonlyMap<ObjectModel, number> {
  return once(model, 'appliedWithoutDestination', () => countAppliedWithoutDestination(model));
}

function countAppliedWithoutDestination(model: TopologyModel): Map<ObjectModel, number> {
  const counts = new Map<ObjectModel, number>();
  // Most files give every policy a Destination: then no user or contact needs to be looked at.
  if ((model.sections.get(POLICIES) ?? []).every((policy) => policy.byName.has('Destination'))) return counts;
  const granted = grants(model);
  for (const entry of needingPolicy(model)) {
    const policy = applicablePolicy(model, granted, entry).policy;
    if (policy && !policy.byName.has('Destination')) counts.set(policy, (counts.get(policy) ?? 0) + 1);
  }
  return counts;
}

/** Whether a policy of the file is one that exists already and is changed, not created (the global policy). */
export function isExistingPolicy(policy: ObjectModel): boolean {
  const name = entryName(policy);
  return name !== undefined && name.toLowerCase() === GLOBAL_POLICY;
}

/** How a message counts the users and contacts a policy applies to. */
export function appliesTo(count: number): string {
  return count === 1 ? 'a user or contact' : `${count} users and contacts`;
}
