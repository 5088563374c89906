import { SECTION_CHANGES, SECTIONS, type PlanStep, type SectionObjectSpec, type UniqueKey } from '../server/src/core';

type Json = Record<string, unknown>;

/**
 * A deployment that refuses what the Management Shell refuses, for replaying a plan step by step. Each
 * refusal is a documented fact (reference.md): New- of an Identity that exists; a value of a unique key
 * (a contact's DisplayNumber §1.10, a SIP address no user or contact may have, a domain on only one
 * federation list, a provider's ProxyFqdn) that another object holds; Set-, Remove- and grants of an object that
 * does not exist; granting a policy that does not exist; removing a policy still granted; the Edge taking a
 * default route while a hosting provider exists (§1.1 rule 4). Users always exist: `isUser` tells a user's
 * identity from a contact's in a grant. It starts from a topology file's sections and can be written back as one.
 */
export class Deployment {
  private readonly edge: Json;
  private readonly lists = new Map<string, Json[]>();

  constructor(
    file: Json,
    private readonly isUser: (identity: string) => boolean,
  ) {
    const copy = structuredClone(file);
    this.edge = (copy.AccessEdgeConfiguration as Json | undefined) ?? {};
    for (const spec of SECTIONS) if (spec.section.list) this.lists.set(spec.section.key, (copy[spec.section.key] as Json[] | undefined) ?? []);
  }

  /** The deployment as a topology file that lists every section. */
  toFile(): Json {
    return { AccessEdgeConfiguration: this.edge, ...Object.fromEntries(this.lists) };
  }

  /** Carries out `step`; the reason the shell would refuse it, or undefined. */
  apply(step: PlanStep): string | undefined {
    if (step.action === 'grant') return this.grant(step);
    const spec = SECTIONS.find((s) => s.cmdlet === step.cmdlet || SECTION_CHANGES[s.section.key].set === step.cmdlet || SECTION_CHANGES[s.section.key].remove === step.cmdlet)!;
    const params = { ...step.parameters } as Json;
    // The shell takes a joined list as one string (Organization); written back as a file, as import splits it.
    for (const property of spec.properties) {
      const value = params[property.name];
      if (property.joinedWith !== undefined && typeof value === 'string') params[property.name] = value.split(property.joinedWith);
    }
    if (!spec.section.list) return this.setEdge(params);
    const entries = this.lists.get(spec.section.key)!;
    if (step.action === 'new') {
      const name = nameOf(spec, params)!;
      if (this.find(spec, name)) return `${name} exists`;
      const taken = this.taken(spec, params, undefined);
      if (taken) return taken;
      entries.push(params);
      return undefined;
    }
    const identity = String(params.Identity);
    let entry = this.find(spec, identity);
    if (step.action === 'remove') {
      if (!entry) return `${identity} does not exist`;
      if (spec.section.key === 'HostedVoicemailPolicies' && this.granted(identity)) return `${identity} is still granted`;
      entries.splice(entries.indexOf(entry), 1);
      return undefined;
    }
    if (!entry && spec.section.modifies) entries.push((entry = { [spec.section.names![0]]: identity }));
    if (!entry && spec.section.modifyExisting?.names.some((n) => same(spec, n, identity))) entries.push((entry = { Identity: identity }));
    if (!entry) return `${identity} does not exist`;
    delete params.Identity;
    const taken = this.taken(spec, { ...entry, ...params }, entry);
    if (taken) return taken;
    Object.assign(entry, params);
    return undefined;
  }

  private setEdge(params: Json): string | undefined {
    const routes = ACCESS_EDGE.properties.filter((p) => p.selectsRouting);
    const route = routes.find((p) => params[p.name] === true);
    if (route?.selectsRouting === 'DefaultRoute' && this.lists.get('HostingProviders')!.length > 0) return 'a hosting provider exists';
    if (route) for (const other of routes) delete this.edge[other.name];
    Object.assign(this.edge, params);
    return undefined;
  }

  private grant(step: PlanStep): string | undefined {
    const identity = String(step.parameters.Identity);
    const policy = step.parameters.PolicyName;
    const grantees = SECTIONS.filter((s) => s.properties.some((p) => p.grant?.cmdlet === step.cmdlet));
    let entry = grantees.map((s) => this.find(s, identity)).find((e) => e !== undefined);
    const users = grantees.find((s) => s.section.modifies)!;
    if (!entry && this.isUser(identity)) this.lists.get(users.section.key)!.push((entry = { Identity: identity }));
    if (!entry) return `${identity} does not exist`;
    const policies = SECTIONS.find((s) => s.section.key === 'HostedVoicemailPolicies')!;
    if (policy !== null && !this.find(policies, String(policy))) return `policy ${String(policy)} does not exist`;
    if (policy === null) delete entry.HostedVoicemailPolicy;
    else entry.HostedVoicemailPolicy = policy;
    return undefined;
  }

  private granted(policy: string): boolean {
    const policies = SECTIONS.find((s) => s.section.key === 'HostedVoicemailPolicies')!;
    return [...this.lists.values()].some((entries) => entries.some((e) => typeof e.HostedVoicemailPolicy === 'string' && same(policies, e.HostedVoicemailPolicy, policy)));
  }

  private find(spec: SectionObjectSpec, name: string): Json | undefined {
    return this.lists.get(spec.section.key)!.find((e) => {
      const own = nameOf(spec, e);
      return own !== undefined && same(spec, own, name);
    });
  }

  /** Which unique value of `entry` another object of the deployment holds; `self` is the entry being changed. */
  private taken(spec: SectionObjectSpec, entry: Json, self: Json | undefined): string | undefined {
    for (const key of spec.section.unique ?? []) {
      const value = valueOf(spec, entry, key);
      if (value === undefined) continue;
      for (const other of SECTIONS) {
        for (const otherKey of (other.section.unique ?? []).filter((k) => k.scope === key.scope)) {
          for (const e of this.lists.get(other.section.key) ?? []) {
            if (e === self) continue;
            const held = valueOf(other, e, otherKey);
            if (held !== undefined && compared(key, held) === compared(key, value)) return `${key.noun} ${value} is held by another object`;
          }
        }
      }
    }
    return undefined;
  }
}

const ACCESS_EDGE = SECTIONS.find((s) => !s.section.list)!;

function nameOf(spec: SectionObjectSpec, entry: Json): string | undefined {
  const key = spec.section.names?.find((n) => typeof entry[n] === 'string');
  return key === undefined ? undefined : String(entry[key]);
}

function same(spec: SectionObjectSpec, a: string, b: string): boolean {
  const strip = (s: string) => {
    const lower = s.toLowerCase();
    const prefix = spec.section.optionalPrefix;
    return prefix && lower.startsWith(prefix) ? lower.slice(prefix.length) : lower;
  };
  return strip(a) === strip(b);
}

function valueOf(spec: SectionObjectSpec, entry: Json, key: UniqueKey): string | undefined {
  for (const name of key.keys) {
    const value = spec.section.names?.includes(name) ? nameOf(spec, entry) : entry[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function compared(key: UniqueKey, value: string): string {
  return key.compare === 'ignoreCase' ? value.toLowerCase() : value;
}
