import {
  canonicalValue,
  existsIn,
  SECTION_CHANGES,
  SECTIONS,
  SECTIONS_BY_KEY,
  SHELL_OBJECT_TYPES,
  type PropertySpec,
  type RoutingMode,
  type SectionObjectSpec,
  type UniqueKey,
} from '../catalog';
import { analyze, type Analysis, type AnalysisSettings } from '../analyze';
import type { Diagnostic } from '../diagnostics';
import { REPLICATION_CHECK, REPLICATION_CHECK_CMDLET } from '../generate';
import { grantedValue, passedValue, psArgument, statedValue, type ParameterValue } from '../argument';
import { changesExisting } from '../facts/entries';
import { matchesFormat, sameOrganizationalUnit } from '../formats';
import { entryName, nameKey, spanOf, type ObjectModel, type TopologyModel } from '../model';
import type { Span } from '../text';
import { psComment, psParameter } from '../quote';
import { ROUTING_NAMES } from '../facts/routing';
import { checkAssumptions } from './assumptions';
import { listed, schedule, type Ordered, type PlanStep } from './schedule';

export type { PlanStep } from './schedule';

export interface Plan {
  /** In the order they run; undefined when something blocks the plan. */
  readonly steps: readonly PlanStep[] | undefined;
  /** The desired file's errors (or the deployed file's syntax errors) that block the plan. */
  readonly blocking: readonly Diagnostic[];
  /**
   * The desired file's warnings and information, those about what the deployment must already have made exact
   * by the deployed file (reference: plan/assumptions.ts); the ones it shows wrong are errors, also in `blocking`.
   */
  readonly findings: readonly Diagnostic[];
  readonly serverVersion: string;
}

/**
 * Findings of the deployed file that block a plan, because with them it cannot describe a deployment the plan
 * could start from: it does not parse (LT001); a value is of the wrong type (LT101), so that it can neither be
 * compared nor passed again; a value holds a line break or another control character (LT105), which no
 * deployment's name or setting has and which no command line could carry; both routing switches set (LT301), or
 * two objects that share a name or a unique value (LT501, LT502), which no deployment is. Checked at their own
 * severity, whatever the settings say of the file being edited (deployedAnalysis).
 */
const DEPLOYED_BLOCKERS = new Set(['LT001', 'LT101', 'LT105', 'LT301', 'LT501', 'LT502']);

/**
 * The deployed file of a plan (`text`) analyzed with `settings` but without their severity changes, which are
 * for the file being edited: a deployed value the checks refuse must never reach the plan (DEPLOYED_BLOCKERS).
 */
export function deployedAnalysis(text: string, settings: AnalysisSettings = {}): Analysis {
  return analyze(text, { ...settings, severity: undefined });
}

/** The name the plan gives the one Edge configuration. */
const GLOBAL = 'global';

/** A stated setting: its catalog spec and the value the file gives it. */
interface Setting {
  readonly spec: PropertySpec;
  readonly value: ParameterValue;
  /** Where the file states it. */
  readonly span: Span;
}

/** One object of a file as the plan compares it. */
interface State {
  readonly name: string;
  readonly object: ObjectModel;
  /** Stated settings by parameter name, names and grants excluded. */
  readonly settings: ReadonlyMap<string, Setting>;
  /** The stated value of each granted property: a policy name, or `null` for none. */
  readonly grants: ReadonlyMap<string, string | null>;
}

function stateOf(object: ObjectModel, name: string, text: string): State {
  const settings = new Map<string, Setting>();
  const grants = new Map<string, string | null>();
  const names = object.spec.section?.names ?? [];
  for (const property of object.byName.values()) {
    const spec = property.spec;
    if (!spec || !property.valueNode || spec.notEmitted || names.includes(spec.name)) continue;
    if (!spec.grant) settings.set(spec.name, { spec, value: statedValue(spec, property.valueNode, text), span: spanOf(property.node) });
    else if (grantedValue(property) !== undefined) grants.set(spec.name, grantedValue(property)!);
  }
  return { name, object, settings, grants };
}

/** The entries of a section by their compared name; undefined when the file has no such section. */
function statesOf(model: TopologyModel, spec: SectionObjectSpec): Map<string, State> | undefined {
  if (!model.root?.byName.has(spec.section.key)) return undefined;
  const states = new Map<string, State>();
  for (const object of model.sections.get(spec.section.key) ?? []) {
    const name = spec.section.list ? entryName(object) : GLOBAL;
    if (name !== undefined && !states.has(nameKey(spec.section, name))) states.set(nameKey(spec.section, name), stateOf(object, name, model.text));
  }
  return states;
}

/** The entries of every section of one file, read once for the whole plan. */
type FileStates = ReadonlyMap<SectionObjectSpec, Map<string, State> | undefined>;

function fileStates(model: TopologyModel): FileStates {
  return new Map(SECTIONS.map((spec) => [spec, statesOf(model, spec)]));
}

const EXACT_FORMATS = new Set(['text', 'phoneNumber']);

/** Whether two stated values mean the same: names, addresses and enumeration values compared as the server does. */
function sameValue(spec: PropertySpec, a: ParameterValue, b: ParameterValue): boolean {
  const kind = spec.value;
  if (kind.kind === 'enum' && typeof a === 'string' && typeof b === 'string') return canonicalValue(kind.values, a) === canonicalValue(kind.values, b);
  if (kind.kind === 'string' && kind.format === 'organizationalUnit' && typeof a === 'string' && typeof b === 'string') return sameOrganizationalUnit(a, b);
  const text = (v: unknown) => (typeof v === 'string' && !(kind.kind === 'string' && EXACT_FORMATS.has(kind.format)) ? v.toLowerCase() : v);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => text(item) === text(b[i]));
  return text(a) === text(b);
}

/** The settings `desired` states that `deployed` does not have as stated. */
function changedSettings(desired: State, deployed: State): Setting[] {
  return [...desired.settings.values()].filter((s) => {
    const before = deployed.settings.get(s.spec.name);
    if (s.spec.value.kind === 'switch') return s.value === true && before?.value !== true;
    return before === undefined || !sameValue(s.spec, s.value, before.value);
  });
}

/**
 * Why Set- passes `changed` for the object `name` (`"Fabrikam"`, the Edge configuration): the settings
 * `deployed` states otherwise (a routing switch differs when the deployed file selects the other route), then
 * those the deployed file does not state at all (such as what the default view of Get-CsHostingProvider hides),
 * which the plan cannot tell are already so.
 */
function changeReason(changed: readonly Setting[], deployed: State, name: string): string {
  const routing = selectedRouting(deployed);
  const differs = (s: Setting) => deployed.settings.has(s.spec.name) || (s.spec.selectsRouting !== undefined && routing !== undefined);
  const label = (s: Setting) => (s.spec.selectsRouting && routing !== undefined && !deployed.settings.has(s.spec.name) ? `${s.spec.name} (the deployment uses ${ROUTING_NAMES[routing!]})` : s.spec.name);
  const names = (stated: boolean) => changed.filter((s) => differs(s) === stated).map(label).join(', ');
  const [differing, unstated] = [names(true), names(false)];
  if (!differing) return `the deployed file does not state ${unstated} of ${name}`;
  return `${name} differs from the deployment in ${differing}${unstated ? `; the deployed file does not state ${unstated}` : ''}`;
}

/**
 * Parameters in the order the settings come, the name first: as the desired file writes them, as the generated
 * script passes them (and as the documented commands do, where the file follows them).
 */
function parameters(identity: { key: string; value: string } | undefined, settings: readonly Setting[]): Record<string, ParameterValue> {
  const result: Record<string, ParameterValue> = identity ? { [identity.key]: identity.value } : {};
  for (const s of settings) {
    if (s.spec.value.kind === 'switch' && s.value !== true) continue;
    result[s.spec.name] = passedValue(s.spec, s.value);
  }
  return result;
}

function firstOrder(spec: SectionObjectSpec): number {
  return Math.min(...spec.section.steps.map((s) => s.order));
}

/**
 * Where a section's removals run: before the first step of every section that shares a unique value with it
 * (a domain comes off one federation list before it goes on the other); for a section other sections grant
 * from, after all their steps (a policy is ungranted before it is removed).
 */
function removalOrder(spec: SectionObjectSpec): number {
  const granting = SECTIONS.filter((s) => s.properties.some((p) => p.grant && p.references === spec.section.key));
  if (granting.length > 0) return Math.max(...granting.flatMap((s) => s.section.steps.map((step) => step.order))) + 5;
  const scopes = new Set((spec.section.unique ?? []).map((u) => u.scope));
  const sharing = SECTIONS.filter((s) => (s.section.unique ?? []).some((u) => scopes.has(u.scope)));
  return Math.min(...sharing.map(firstOrder)) - 5;
}

/** The routing mode a state's switches select, if any is set. */
function selectedRouting(state: State | undefined): RoutingMode | undefined {
  for (const s of state?.settings.values() ?? []) if (s.spec.selectsRouting && s.value === true) return s.spec.selectsRouting;
  return undefined;
}

/**
 * Why an entry the deployed file does not list may be deployed all the same: the file names it in a form the
 * Get- cmdlet never prints (a user by user principal name rather than SIP address), so an imported file cannot
 * show it. Undefined when the name is in the form printed, or when the section's Get- cmdlet prints no one form.
 */
function unprintedName(spec: SectionObjectSpec, name: string): string | undefined {
  const type = SHELL_OBJECT_TYPES.find((t) => t.section === spec.section.key);
  const printed = type?.printedNames;
  if (!printed || matchesFormat(printed.format, name)) return undefined;
  const cmdlet = type.command.split(' ')[0];
  const title = spec.title;
  return `${quoted(name)} is not a ${printed.noun}, the only name ${cmdlet} prints for a ${title}: it cannot be compared with the deployed file's, so this is done again, which changes nothing on a ${title} already set so`;
}

/**
 * Why a plan takes the per-user policy `key` grants away from `name`: the policy `was` that the deployed entry
 * has, or, when the deployed file does not say (it does not state the key, or does not list the entry: `listed`),
 * that the plan cannot tell, and that the command changes nothing on an entry that has none.
 */
function ungrantReason(name: string, key: string, was: string | undefined, listed: boolean, unmatched: string | undefined): string {
  if (was !== undefined) return `take away the per-user policy ${quoted(was)}, so that the site or global policy applies`;
  if (unmatched) return `take away any per-user policy: ${unmatched}`;
  const unknown = listed ? `does not state ${key} of ${quoted(name)}` : `does not list ${quoted(name)}`;
  return `the deployed file ${unknown}, so the plan cannot tell whether it has a per-user policy: take away any, which changes nothing if it has none`;
}

function nameParameter(spec: SectionObjectSpec, state: State): { key: string; value: string } {
  const names = spec.section.names ?? [];
  return { key: names.find((n) => state.object.byName.has(n)) ?? names[0], value: state.name };
}

/** A name or value in a step's reason, as the file has it (no JSON escapes: the reason is prose). */
function quoted(text: string): string {
  return `"${text}"`;
}

/** A unique value as a schedule token: its scope and the value as the server compares it. */
function valueToken(key: UniqueKey, value: string): string {
  return `${key.scope}\n${key.compare === 'ignoreCase' ? value.toLowerCase() : value}`;
}

/** The token of an object being there, which a New- provides and a grant to it needs. */
function objectToken(spec: SectionObjectSpec, name: string): string {
  return `${spec.section.key}\n${nameKey(spec.section, name)}`;
}

/** The value `state` gives `key`: its name, or the first of the key's settings it states. */
function uniqueValue(spec: SectionObjectSpec, state: State, key: UniqueKey): string | undefined {
  for (const name of key.keys) {
    if (spec.section.names?.includes(name)) {
      if (state.object.byName.has(name)) return nameKey(spec.section, state.name);
      continue;
    }
    const value = state.settings.get(name)?.value;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The tokens of the values `state` holds for `keys` (by default every unique key of its section). */
function valueTokens(spec: SectionObjectSpec, state: State, keys: readonly UniqueKey[] = spec.section.unique ?? []): string[] {
  return keys.flatMap((key) => {
    const value = uniqueValue(spec, state, key);
    return value === undefined ? [] : [valueToken(key, value)];
  });
}

/** The deployed object that holds each unique value (schedule token). */
type Holders = ReadonlyMap<string, { readonly spec: SectionObjectSpec; readonly state: State }>;

function holdersOf(deployed: FileStates): Holders {
  const holders = new Map<string, { spec: SectionObjectSpec; state: State }>();
  for (const [spec, states] of deployed) for (const state of states?.values() ?? []) for (const token of valueTokens(spec, state)) holders.set(token, { spec, state });
  return holders;
}

/**
 * Unique values the desired file gives an entry that the deployed file shows another kind of object holding and
 * keeping (a contact's SIP address that a user has; a user named by a contact's SIP address; a domain on the
 * other federation list, which the desired file leaves alone): no order of cmdlets can make them, so they block
 * the plan, as LT501 (a name) or LT502 (another unique value) say of two entries of one file.
 */
function heldByDeployment(holders: Holders, wanted: FileStates): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [spec, states] of wanted) {
    for (const state of states?.values() ?? []) {
      for (const key of spec.section.unique ?? []) {
        const value = uniqueValue(spec, state, key);
        const holder = value === undefined ? undefined : holders.get(valueToken(key, value));
        if (!holder || holder.spec === spec) continue;
        const kept = wanted.get(holder.spec);
        const keeps = kept?.get(nameKey(holder.spec.section, holder.state.name));
        const stays = !SECTION_CHANGES[holder.spec.section.key].remove || !kept || (keeps !== undefined && valueTokens(holder.spec, keeps).includes(valueToken(key, value!)));
        const property = key.keys.map((k) => state.object.byName.get(k)).find((p) => p?.valueNode);
        // No user has a value another kind of object holds, so one the plan only changes is not there to change.
        if ((!stays && !spec.section.modifies) || !property) continue;
        const isName = key.keys.some((k) => spec.section.names?.includes(k));
        found.push({
          code: isName ? 'LT501' : 'LT502',
          severity: 'error',
          message: `${quoted(state.name)}: the deployed file gives ${key.noun} ${quoted(value!)} to the ${holder.spec.title} ${quoted(holder.state.name)}${stays ? ', which this plan keeps,' : ''} and one ${key.scope} only can have it${stays ? '' : `: no ${spec.title} has it to change`}. Choose another${stays ? `, or remove that ${holder.spec.title} in this file` : ''}.`,
          span: spanOf(property.valueNode!),
          fixes: [],
        });
      }
    }
  }
  return found;
}

type Handover = Pick<Ordered, 'provides' | 'needs' | 'recreate'>;

class Planner {
  readonly steps: Ordered[] = [];

  constructor(
    private readonly deployed: Analysis,
    private readonly desired: TopologyModel,
    private readonly deployedStates: FileStates,
    private readonly desiredStates: FileStates,
    private readonly holders: Holders,
  ) {}

  add(order: number, step: PlanStep, handover: Partial<Handover> = {}, into = this.steps): Ordered {
    const ordered: Ordered = { order, step, provides: handover.provides ?? [], needs: handover.needs ?? [], recreate: handover.recreate };
    into.push(ordered);
    return ordered;
  }

  /**
   * The grants that give `desired` the policies it names where `before` has others or none, and the ungrants
   * where it states `null` and `before` has a policy or does not say; none for an entry without `before` that
   * the plan creates, which has no grant yet. `unmatched` says why an entry without `before` may have them already.
   */
  grants(spec: SectionObjectSpec, order: number, desired: State, before: State | undefined, unmatched?: string, into = this.steps): Ordered[] {
    const added: Ordered[] = [];
    for (const [name, policy] of desired.grants) {
      const property = spec.properties.find((p) => p.name === name)!;
      const target = SECTIONS_BY_KEY.get(property.references!)!;
      const was = before?.grants.get(name);
      if (policy === null) {
        const created = !before && !changesExisting(desired.object);
        if (!created && was !== null) added.push(this.ungrant(property, order, desired.name, ungrantReason(desired.name, name, was, before !== undefined, unmatched), into));
        continue;
      }
      if (typeof was === 'string' && nameKey(target.section, was) === nameKey(target.section, policy)) continue;
      const reason =
        typeof was === 'string'
          ? `grant ${quoted(policy)} instead of ${quoted(was)}`
          : `grant the per-user policy ${quoted(policy)}${unmatched ? `: ${unmatched}` : ''}`;
      const step: PlanStep = {
        action: 'grant',
        cmdlet: property.grant!.cmdlet,
        identity: desired.name,
        parameters: { Identity: desired.name, [property.grant!.parameter]: policy },
        reason,
      };
      added.push(this.add(order, step, { needs: [objectToken(spec, desired.name), objectToken(target, policy)] }, into));
    }
    return added;
  }

  /** Takes away what `property` grants `identity`: its grant cmdlet with the policy `null` (`$Null`). */
  ungrant(property: PropertySpec, order: number, identity: string, reason: string, into = this.steps): Ordered {
    const step = this.add(order, { action: 'grant', cmdlet: property.grant!.cmdlet, identity, parameters: { Identity: identity, [property.grant!.parameter]: null }, reason }, {}, into);
    listed(this.ungrantsOf, identity.toLowerCase()).push(step);
    return step;
  }

  /** The ungrant steps of each object, by its name in lower case: an object created again has no grant to take away. */
  private readonly ungrantsOf = new Map<string, Ordered[]>();

  /** The object as the file states it: New-, or Set- for a kind that always exists (users, the global policy). */
  create(spec: SectionObjectSpec, order: number, state: State, reason: string, into = this.steps): void {
    const exists = changesExisting(state.object);
    const settings = [...state.settings.values()];
    if (exists && Object.keys(parameters(undefined, settings)).length === 0) return;
    const step: PlanStep = {
      action: exists ? 'set' : 'new',
      cmdlet: exists ? SECTION_CHANGES[spec.section.key].set : spec.cmdlet!,
      identity: state.name,
      parameters: parameters(nameParameter(spec, state), settings),
      reason,
    };
    this.add(order, step, exists ? {} : { needs: valueTokens(spec, state), provides: [objectToken(spec, state.name)] }, into);
  }

  remove(spec: SectionObjectSpec, order: number, state: State, reason: string, into = this.steps): void {
    const cmdlet = SECTION_CHANGES[spec.section.key].remove!;
    this.add(order, { action: 'remove', cmdlet, identity: state.name, parameters: { Identity: state.name }, reason }, { provides: valueTokens(spec, state) }, into);
  }

  /**
   * `before` removed and created again as `desired` says. What the deployed file states and the desired file
   * does not (a Description, a grant) is passed again, so that creating anew leaves it as it is.
   */
  recreate(spec: SectionObjectSpec, orders: { commands: number; grants: number }, desired: State, before: State, why: { removed: string; created: string }, into = this.steps): void {
    // A deployed null is not kept: the object created anew has no grant.
    const keptGrants = [...before.grants].filter((grant): grant is [string, string] => grant[1] !== null && !desired.grants.has(grant[0]) && !this.removes(spec, grant[0], grant[1]));
    const { kept, lost } = this.carried(spec, desired, before);
    const whole: State = { ...desired, settings: new Map([...desired.settings, ...kept.map((s) => [s.spec.name, s] as const)]), grants: new Map([...keptGrants, ...desired.grants]) };
    const unknown = (SHELL_OBJECT_TYPES.find((t) => t.section === spec.section.key)?.hiddenByDefault?.properties ?? []).filter((name) => {
      const property = spec.properties.find((p) => p.name === name);
      return property && existsIn(property, this.desired.serverVersion) && !whole.settings.has(name) && !lost.some((s) => s.spec.name === name);
    });
    const notes = [
      ...(kept.length + keptGrants.length > 0 ? [`${[...kept.map((s) => s.spec.name), ...keptGrants.map(([name]) => name)].join(', ')} as deployed, which this file does not state`] : []),
      ...(lost.length > 0 ? [`${lost.map((s) => s.spec.name).join(', ')} as deployed cannot be passed again (not a valid value for ${this.desired.serverVersion}, or half of a pair), so it takes ${spec.cmdlet}'s default unless this file states it`] : []),
      ...(unknown.length > 0 ? [`neither file states ${unknown.join(', ')}, so it takes ${spec.cmdlet}'s default: state it in this file if the deployment has another value`] : []),
    ];
    this.remove(spec, orders.commands, before, why.removed, into);
    this.create(spec, orders.commands, whole, [why.created, ...notes].join('; '), into);
    this.grants(spec, orders.grants, whole, undefined, undefined, into);
  }

  /**
   * The deployed settings of `before` that an object created again as `desired` gets back (the desired file
   * does not state them): each a valid value in the desired file's server version, with no error the deployed
   * file's checks found in it, and a group that goes together (`allOrNone`) only whole. `lost` are the others.
   */
  private carried(spec: SectionObjectSpec, desired: State, before: State): { kept: Setting[]; lost: Setting[] } {
    const errors = this.deployed.diagnostics.filter((d) => d.severity === 'error');
    const candidates = [...before.settings.values()].filter((s) => !desired.settings.has(s.spec.name));
    const valid = candidates.filter((s) => existsIn(s.spec, this.desired.serverVersion) && !errors.some((d) => d.span.start >= s.span.start && d.span.end <= s.span.end));
    const has = (name: string) => desired.settings.has(name) || valid.some((s) => s.spec.name === name);
    const kept = valid.filter((s) => (spec.allOrNone ?? []).every((group) => !group.includes(s.spec.name) || group.every(has)));
    return { kept, lost: candidates.filter((s) => !kept.includes(s)) };
  }

  /**
   * Why an entry the deployed file does not have as `spec`'s is created (or set, for a kind that always exists):
   * it moves from another section that shares its name (a domain from the blocked to the allowed list), the
   * deployed file does not list the section at all (`listed` false), or it is not deployed.
   */
  private absence(spec: SectionObjectSpec, state: State, listed: boolean): string {
    const name = quoted(state.name);
    if (changesExisting(state.object)) return `the deployed file does not list ${name}: set what this file states`;
    const token = valueTokens(spec, state, (spec.section.unique ?? []).filter((key) => key.keys.some((k) => spec.section.names?.includes(k))));
    const from = token.map((t) => this.holders.get(t)?.spec).find((other) => other !== undefined && other !== spec);
    if (from) return `${name} moves to ${spec.section.key} from ${from.section.key}, where the deployed file has it`;
    return listed ? `${name} is not deployed yet` : `the deployed file does not list ${spec.section.key}: ${name} is created as this file states`;
  }

  /** Whether the plan removes `policy`, granted by the property `name` of `spec`'s entries: the desired file lists the policies without it. */
  private removes(spec: SectionObjectSpec, name: string, policy: string): boolean {
    const target = SECTIONS_BY_KEY.get(spec.properties.find((p) => p.name === name)!.references!)!;
    const listed = this.desiredStates.get(target);
    const key = nameKey(target.section, policy);
    return listed !== undefined && !listed.has(key) && !(target.section.modifyExisting?.names ?? []).includes(key);
  }

  /**
   * The Edge settings: Set- with the changed parameters and the companions they need. Whether it assigns a default
   * route, before which every hosting provider goes; `unlistedProviders` is said then.
   */
  edge(spec: SectionObjectSpec, desired: State, deployed: State | undefined, unlistedProviders: string | undefined): boolean {
    const changed = deployed ? changedSettings(desired, deployed) : [...desired.settings.values()];
    if (changed.length === 0) return false;
    const names = new Set(changed.map((s) => s.spec.name));
    for (const s of [...changed]) {
      const companion = s.spec.companion && desired.settings.get(s.spec.companion.name);
      if (companion && !names.has(companion.spec.name)) changed.push(companion);
    }
    let reason = deployed
      ? changeReason(changed.filter((s) => names.has(s.spec.name)), deployed, 'the Edge configuration')
      : `the deployed file has no Edge settings: set every one this file states (${[...names].join(', ')})`;
    // A default route is assigned by its switch with the route server's FQDN, its companion.
    const assigns = changed.some((s) => s.spec.selectsRouting === 'DefaultRoute' || spec.properties.some((p) => p.selectsRouting === 'DefaultRoute' && p.companion?.name === s.spec.name));
    if (assigns && unlistedProviders) reason = `${reason}; ${unlistedProviders}`;
    this.add(firstOrder(spec), { action: 'set', cmdlet: SECTION_CHANGES[spec.section.key].set, identity: null, parameters: parameters(undefined, changed), reason });
    return assigns;
  }

  /**
   * Set- with the settings of `desired` that `before` does not have. One that moves the object to another
   * unique value (a contact's DisplayNumber) hands the old value over to the steps that need it, and carries
   * the removal and creation that make the same change when objects exchange values.
   */
  change(spec: SectionObjectSpec, orders: { commands: number; grants: number }, desired: State, before: State, changed: readonly Setting[]): void {
    const moved = (spec.section.unique ?? []).filter((key) => key.keys.some((name) => changed.some((s) => s.spec.name === name)));
    const grants: Ordered[] = [];
    const recreate = () => {
      const steps: Ordered[] = [];
      const values = moved.map((key) => `${key.noun} ${quoted(uniqueValue(spec, desired, key) ?? '')}`).join(', ');
      const others = [...new Set(valueTokens(spec, desired, moved).flatMap((t) => this.holders.get(t)?.state.name ?? []))].map(quoted).join(', ');
      this.recreate(spec, orders, desired, before, {
        removed: `${quoted(desired.name)} takes ${values} from ${others}, and the values go round back to ${quoted(desired.name)}'s own: no Set- of them can run first, so ${quoted(desired.name)} is removed here to free its value, and created again below; it does not exist in between`,
        created: `${quoted(desired.name)} created again with ${values}, now free`,
      }, steps);
      return { steps, replaces: [...grants, ...(this.ungrantsOf.get(desired.name.toLowerCase()) ?? [])] };
    };
    const step: PlanStep = {
      action: 'set',
      cmdlet: SECTION_CHANGES[spec.section.key].set,
      identity: desired.name,
      parameters: parameters({ key: 'Identity', value: desired.name }, changed),
      reason: changeReason(changed, before, quoted(desired.name)),
    };
    this.add(orders.commands, step, {
      provides: valueTokens(spec, before, moved),
      needs: valueTokens(spec, desired, moved),
      recreate: moved.length > 0 && SECTION_CHANGES[spec.section.key].remove ? recreate : undefined,
    });
    grants.push(...this.grants(spec, orders.grants, desired, before));
  }

  /** A list section the desired file has: what to create, change and remove. */
  list(spec: SectionObjectSpec, desired: Map<string, State>, deployed: Map<string, State> | undefined): void {
    const order = firstOrder(spec);
    const changes = SECTION_CHANGES[spec.section.key];
    const orders = {
      grants: spec.section.steps.find((s) => s.emits !== 'commands')?.order ?? order,
      commands: spec.section.steps.find((s) => s.emits !== 'grants')?.order ?? order,
    };
    const ordered = [...desired.values()];
    const first = spec.section.steps.find((s) => s.firstWhen)?.firstWhen;
    if (first) ordered.sort((a, b) => Number(b.settings.get(first)?.value === true) - Number(a.settings.get(first)?.value === true));
    for (const state of ordered) {
      const before = deployed?.get(nameKey(spec.section, state.name));
      if (!before) {
        const unmatched = deployed ? unprintedName(spec, state.name) : undefined;
        const reason = unmatched ?? this.absence(spec, state, deployed !== undefined);
        this.create(spec, orders.commands, state, reason);
        this.grants(spec, orders.grants, state, undefined, unmatched);
        continue;
      }
      const changed = changedSettings(state, before);
      const fixed = changed.filter((s) => changes.fixed?.parameters.includes(s.spec.name));
      if (fixed.length > 0)
        this.recreate(spec, orders, state, before, {
          removed: `${quoted(state.name)}: ${changes.fixed!.why}`,
          created: `${quoted(state.name)} created again with the new ${fixed.map((s) => s.spec.name).join(', ')}`,
        });
      else if (changed.length > 0) this.change(spec, orders, state, before, changed);
      else this.grants(spec, orders.grants, state, before);
    }
    if (!deployed || !changes.remove) return;
    const kept = spec.section.modifyExisting?.names ?? [];
    // What the ungrants before a removal cannot see: sections granting from this one the deployed file lacks.
    const unseen = SECTIONS.filter((s) => s.properties.some((p) => p.grant && p.references === spec.section.key) && !this.deployed.model.root?.byName.has(s.section.key));
    const note = unseen.length > 0 ? `; the deployed file does not list ${unseen.map((s) => s.section.key).join(' or ')}, so none of them may still be granted it, or the removal fails` : '';
    for (const [key, state] of deployed) {
      if (desired.has(key) || kept.includes(key)) continue;
      this.remove(spec, removalOrder(spec), state, `${quoted(state.name)} is deployed but not in this file's ${spec.section.key}, which lists them all${note}`);
    }
  }

  /** Users and contacts that keep a policy this plan removes: ungranted first, unless granted another or removed. */
  ungrants(removedPolicies: ReadonlySet<string>, policySection: SectionObjectSpec): void {
    if (removedPolicies.size === 0) return;
    for (const spec of SECTIONS) {
      const property = spec.properties.find((p) => p.grant && p.references === policySection.section.key);
      if (!property) continue;
      const deployed = this.deployedStates.get(spec);
      const desired = this.desiredStates.get(spec);
      for (const [key, state] of deployed ?? []) {
        const policy = state.grants.get(property.name);
        if (typeof policy !== 'string' || !removedPolicies.has(nameKey(policySection.section, policy))) continue;
        // A desired entry that states the grant, another policy or null, has its own step (grants).
        const wanted = desired?.get(key);
        if (wanted?.grants.has(property.name)) continue;
        if (desired && !wanted && SECTION_CHANGES[spec.section.key].remove) continue;
        // One removed and created again for a setting its Set- lacks is created without the policy.
        const fixed = SECTION_CHANGES[spec.section.key].fixed?.parameters ?? [];
        if (wanted && changedSettings(wanted, state).some((s) => fixed.includes(s.spec.name))) continue;
        this.ungrant(property, spec.section.steps.find((s) => s.emits !== 'commands')!.order, state.name, `${quoted(policy)} is removed below: it is ungranted first`);
      }
    }
  }
}

/**
 * The smallest set of cmdlets that takes the deployment `deployed` describes to what `desired` says, under
 * the whole-list reading of docs/format.md: per section, objects to create (New-), change (Set- with only the
 * parameters that differ), create again (a parameter Set- lacks) and remove (in a present list, not in the
 * desired one), in the order of the documented procedure (the generator's steps), with the orderings the
 * cmdlets need: providers removed before the Edge takes a default route (reference.md §1.1 rule 4), removals
 * from a federation list before additions to the other, a policy created before it is granted and ungranted
 * before it is removed, and no unique value (a contact's DisplayNumber, a provider's ProxyFqdn) taken before
 * the object holding it gives it up (plan/schedule.ts). Refuses (steps undefined) a desired file with errors,
 * a deployed file that could not describe a deployment (DEPLOYED_BLOCKERS; analyze it with deployedAnalysis),
 * and a deployed file that shows the deployment lacks what the desired file relies on it having
 * (plan/assumptions.ts).
 */
export function plan(deployed: Analysis, desired: Analysis): Plan {
  const serverVersion = desired.model.serverVersion;
  const deployedUnwritable = deployed.blocking.filter((d) => DEPLOYED_BLOCKERS.has(d.code));
  const assumed = checkAssumptions(desired, deployed.model);
  const [have, wanted] = [fileStates(deployed.model), fileStates(desired.model)];
  const holders = holdersOf(have);
  const held = desired.blocking.length > 0 ? [] : heldByDeployment(holders, wanted);
  const findings = [...assumed.findings, ...held];
  const blocking = [...desired.blocking, ...assumed.failed, ...held, ...deployedUnwritable];
  if (blocking.length > 0) return { steps: undefined, blocking, findings, serverVersion };
  const planner = new Planner(deployed, desired.model, have, wanted, holders);
  /** Before the Edge step when the Edge takes a default route: where the providers are removed. */
  let toDefaultRoute: number | undefined;
  for (const spec of SECTIONS) {
    const states = wanted.get(spec);
    if (!states) continue;
    const deployedStates = have.get(spec);
    if (!spec.section.list) {
      const state = states.get(GLOBAL);
      const before = deployedStates?.get(GLOBAL);
      if (!state) continue;
      // Every provider goes before a default route is assigned, whether the Edge takes one or changes it (§1.1).
      const unlisted = !deployed.model.root?.byName.has('HostingProviders');
      const note = unlisted ? 'a default route is assigned only while no hosting provider exists, and the deployed file does not list them: the deployment must have none' : undefined;
      if (planner.edge(spec, state, before, note)) toDefaultRoute = firstOrder(spec) - 5;
      continue;
    }
    planner.list(spec, states, deployedStates);
    const removed = new Set([...(deployedStates?.keys() ?? [])].filter((k) => !states.has(k) && !(spec.section.modifyExisting?.names ?? []).includes(k)));
    planner.ungrants(removed, spec);
  }
  if (toDefaultRoute !== undefined) {
    const providers = SECTIONS_BY_KEY.get('HostingProviders')!;
    const reason = 'the Edge cannot take a default route while any hosting provider exists: removed before the Edge changes';
    const removing = planner.steps.filter((s) => s.step.action === 'remove' && s.step.cmdlet === SECTION_CHANGES.HostingProviders.remove);
    for (const s of removing) planner.steps.splice(planner.steps.indexOf(s), 1);
    for (const state of have.get(providers)?.values() ?? []) planner.remove(providers, toDefaultRoute, state, `${quoted(state.name)}: ${reason}`);
  }
  return { steps: withReplicationCheck(schedule(planner.steps).map((s) => s.step)), blocking: [], findings, serverVersion };
}

/**
 * `steps` with the replication check after the last that changes what the Edge Server reads (the Edge settings,
 * the federation lists, the hosting providers), so that it checks all of them (reference.md §1.13; the
 * Exchange Online topic checks after creating the provider). The generated script checks before creating the
 * providers, as the deployment procedure orders it (PROC-03); a plan changes some of them only.
 */
function withReplicationCheck(steps: PlanStep[]): PlanStep[] {
  const edgeCmdlets = new Set(SECTIONS.filter((s) => s.section.reachesEdge).flatMap(cmdletsOf));
  const last = steps.map((s) => edgeCmdlets.has(s.cmdlet)).lastIndexOf(true);
  if (last < 0) return steps;
  const check: PlanStep = {
    action: 'check',
    cmdlet: REPLICATION_CHECK_CMDLET,
    identity: null,
    parameters: {},
    reason: 'check that the Central Management store has replicated the changes above to the Edge Server (UpToDate True); if not, run Invoke-CsManagementStoreReplication, wait a few minutes and check again',
  };
  return [...steps.slice(0, last + 1), check, ...steps.slice(last + 1)];
}

/** The cmdlets that change a section's objects: its own, and its Set- and Remove-. */
function cmdletsOf(spec: SectionObjectSpec): string[] {
  const changes = SECTION_CHANGES[spec.section.key];
  return [spec.cmdlet!, changes.set, ...(changes.remove ? [changes.remove] : [])];
}

/** The section each cmdlet of a plan (but the grants) belongs to, for the types of its parameters. */
const SECTION_OF_CMDLET = new Map(SECTIONS.flatMap((spec) => cmdletsOf(spec).map((cmdlet) => [cmdlet, spec] as const)));

/** One step as a command line. */
export function stepCommand(step: PlanStep): string {
  const spec = SECTION_OF_CMDLET.get(step.cmdlet);
  const parts = [step.cmdlet];
  for (const [name, value] of Object.entries(step.parameters)) {
    const text = psArgument(spec?.properties.find((p) => p.name === name), value);
    if (text !== undefined) parts.push(psParameter(name, text));
  }
  return parts.join(' ');
}

/** The plan as a script: each step under a comment saying why, the replication check with its next steps. */
export function planScript(result: Plan, desiredName: string): string | undefined {
  if (!result.steps) return undefined;
  const header = psComment(`Lync Server Management Shell cmdlets for ${result.serverVersion}: the changes that make the deployment what ${desiredName} says, planned by Lync Topology.`);
  if (result.steps.length === 0) return `${header}\n${psComment('Nothing to change: the deployment already is what the file says.')}\n`;
  const blocks = result.steps.map((step) =>
    step.action === 'check' ? REPLICATION_CHECK.join('\n') : `${psComment(`${step.reason[0].toUpperCase()}${step.reason.slice(1)}.`)}\n${stepCommand(step)}`,
  );
  return `${header}\n\n${blocks.join('\n\n')}\n`;
}
