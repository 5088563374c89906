/** Shapes of the catalog: what a topology file may say, written once as data. */

export const SERVER_VERSIONS = [
  'Lync Server 2010',
  'Lync Server 2013',
  'Skype for Business Server 2015',
  'Skype for Business Server 2019',
] as const;

export type ServerVersion = (typeof SERVER_VERSIONS)[number];

export const DEFAULT_SERVER_VERSION: ServerVersion = 'Lync Server 2013';

/**
 * What a string value must look like. `text` is free text, empty too (a comment, a description); `hostName` is the pattern the
 * hosted voice mail policy's Destination documents; `sipAddress` a `sip:user@domain` URI; `phoneNumber` the
 * display number of an Exchange UM contact; `organizationalUnit` an Active Directory OU, by its distinguished name or its own name.
 */
export type StringFormat = 'fqdn' | 'url' | 'sipDomain' | 'text' | 'name' | 'hostName' | 'sipAddress' | 'phoneNumber' | 'organizationalUnit';

export type ValueSpec =
  | { readonly kind: 'boolean' }
  /** A PowerShell switch: `true` passes it, `false` leaves it out. */
  | { readonly kind: 'switch' }
  | { readonly kind: 'integer'; readonly typeName: 'UInt32' | 'UInt64'; readonly min: bigint; readonly max: bigint }
  | { readonly kind: 'string'; readonly format: StringFormat }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly meanings?: Readonly<Record<string, string>> }
  | { readonly kind: 'array'; readonly items: ValueSpec }
  | { readonly kind: 'object'; readonly spec: ObjectSpec };

import type { ServiceFqdn } from './serviceFqdns';

/**
 * The value of a key that names an entry (a provider's or a policy's Identity), and of every string that refers to
 * an entry by that name (a grant, an item of `ExchangeUM.HostingProviders`): PowerShell passes spaces at either
 * end on, so a name with them names another object than the one written without (LT104).
 */
export const ENTRY_NAME: ValueSpec = { kind: 'string', format: 'name' };

export type JsonScalar = boolean | number | string;

export interface PropertySpec {
  /** Spelled exactly as the cmdlet spells the parameter (or as the format names the key). */
  readonly name: string;
  readonly value: ValueSpec;
  readonly description: string;
  readonly required?: boolean;
  /** The documented default of the stored property, used when the key is left out. */
  readonly default?: JsonScalar;
  /** First server version that has the parameter; absent means every version. */
  readonly since?: ServerVersion;
  /** Parameter sets of the cmdlet this parameter belongs to. */
  readonly parameterSets?: readonly string[];
  /** Routing mode this parameter belongs to exclusively (Set-CsAccessEdgeConfiguration). */
  readonly routing?: RoutingMode;
  /** For a routing switch: the routing mode it selects. */
  readonly selectsRouting?: RoutingMode;
  /** Parameter that must accompany this one when it is set, and the value a fix proposes for it. */
  readonly companion?: { readonly name: string; readonly proposed: JsonScalar };
  /** The documentation says to change it only when Microsoft support asks to. */
  readonly supportOnly?: boolean;
  /** The value a hosting provider that hosts Exchange UM must have (`required`) or is advised to have. */
  readonly hostedUm?: { readonly value: JsonScalar; readonly level: 'required' | 'advice' };
  /** Value a quick fix inserts when the key is missing; strings in angle brackets are placeholders. */
  readonly insertValue?: JsonScalar;
  /** The values of this property name entries of another section (by its key): a reference to their names. */
  readonly references?: string;
  /**
   * Not a parameter of the section's cmdlet: each entry's value is passed to this cmdlet instead, after the
   * entry's own command, as `<cmdlet> -Identity <entry's name> -<parameter> <value>`.
   */
  readonly grant?: { readonly cmdlet: string; readonly parameter: string };
  /**
   * The key may also hold `null`, which states that the object has none of the value (a grant taken away) and
   * is passed as `$Null`. `summary` is how the outline shows it; `description` says what it does, and on what
   * documented ground, in hovers, completions and the schema.
   */
  readonly nullMeans?: { readonly summary: string; readonly description: string };
  /** An array of strings the cmdlet takes as one string, the items joined by this separator. */
  readonly joinedWith?: string;
  /** Documented values worth offering as completions. */
  readonly suggestions?: readonly { readonly value: string; readonly description: string }[];
  /**
   * Where Microsoft's documents disagree on the first version: an older edition already lists the
   * parameter from `listedSince`, before `since` (reference §5.1). Between the two the finding is a
   * warning that says so (LT204), not an error.
   */
  readonly versionConflict?: { readonly listedSince: ServerVersion; readonly source: string };
  /**
   * Documented service FQDNs this setting may hold: a value a small edit away from one of them is
   * flagged as a likely misspelling (LT107). Any string setting can opt in.
   */
  readonly serviceFqdns?: readonly ServiceFqdn[];
  /** The generator never emits it (it carries no information the cmdlet needs). */
  readonly notEmitted?: boolean;
}

export type RoutingMode = 'DnsSrvRouting' | 'DefaultRoute';

/** A value that must not repeat among the entries of one or more sections. */
export interface UniqueKey {
  /** The keys that hold the value: the first one an entry gives counts. */
  readonly keys: readonly string[];
  /** Entries of every section whose unique key has the same scope are compared with each other. */
  readonly scope: string;
  /** `ignoreCase`: compared without regard to letter case, as the server compares names and addresses. */
  readonly compare: 'ignoreCase' | 'exact';
  /** How a message names the value: `Identity`, `domain`, `SIP address`. */
  readonly noun: string;
}

/** One phase of the generated procedure that a section's entries take part in. */
export interface ProcedureStep {
  /** Place in the documented procedure; steps run in ascending order. */
  readonly order: number;
  /** The comment heading the step's commands in the script. */
  readonly heading: string;
  /** `commands`: one command per entry; `grants`: one grant per entry that names a policy to grant. */
  readonly emits: 'commands' | 'grants' | 'commandsWithGrants';
  /** A Boolean key whose entries with `true` come first (Auto Attendant contacts before Subscriber Access). */
  readonly firstWhen?: string;
}

/**
 * A top-level key of the topology file that feeds a cmdlet: the Edge settings (one object), or a list of
 * entries, one object each (hosting providers, allowed domains, users, ...).
 */
export interface SectionSpec {
  /** The key in the topology file. */
  readonly key: string;
  /** A list of entries (an array of objects), or one object. */
  readonly list: boolean;
  /** What the key holds, shown in hovers and the schema. */
  readonly description: string;
  /** The keys that name an entry, tried in order (exactly one of them is given). */
  readonly names?: readonly string[];
  /** A scope prefix a name may carry and that is compared without (`tag:` of a per-user policy). */
  readonly optionalPrefix?: string;
  /** Values that must not repeat. */
  readonly unique?: readonly UniqueKey[];
  /** Shown beside an entry's name in the outline. */
  readonly outlineDetail?: string;
  /** The phases of the procedure the section's entries are emitted in. */
  readonly steps: readonly ProcedureStep[];
  /** The Edge Server reads the section: the replication check follows it. */
  readonly reachesEdge?: boolean;
  /** The section changes objects that exist (a Set- cmdlet): an entry that sets nothing gives no command. */
  readonly modifies?: boolean;
  /** Entries whose name is one of `names` exist already: they are changed with `cmdlet` instead of created. */
  readonly modifyExisting?: { readonly cmdlet: string; readonly names: readonly string[] };
  /** The Edge uses the section only while `AccessEdgeConfiguration.AllowFederatedUsers` is not false. */
  readonly needsFederation?: boolean;
  /** Whether the section belongs to hosted Exchange UM (voice mail policies, users, contacts). */
  readonly hostedVoiceMail?: boolean;
}

export interface ObjectSpec {
  /** Names the kind of object, for the few rules that are about one kind. */
  readonly id: string;
  /** How messages name one of these objects. */
  readonly title: string;
  /** The cmdlet whose parameters the keys are. */
  readonly cmdlet?: string;
  readonly properties: readonly PropertySpec[];
  /** Parameters of the cmdlet that steer the command rather than hold a setting. */
  readonly commandOnly?: readonly string[];
  /** Keys that must be given together or not at all. */
  readonly allOrNone?: readonly (readonly string[])[];
  /** Keys of which exactly one must be given (two parameter sets that name the object differently). */
  readonly exactlyOne?: readonly (readonly string[])[];
  /** Parameters of the cmdlet that belong to Skype for Business Online and have no place in an on-premises file. */
  readonly onlineOnly?: readonly string[];
  /** When the object is a section of the topology file: what makes it one. */
  readonly section?: SectionSpec;
}
