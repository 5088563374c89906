/** Shapes of the catalog: what a topology file may say, written once as data. */

export const SERVER_VERSIONS = [
  'Lync Server 2010',
  'Lync Server 2013',
  'Skype for Business Server 2015',
  'Skype for Business Server 2019',
] as const;

export type ServerVersion = (typeof SERVER_VERSIONS)[number];

export const DEFAULT_SERVER_VERSION: ServerVersion = 'Lync Server 2013';

/** What a string value must look like. `text` is free text (an Identity). */
export type StringFormat = 'fqdn' | 'url' | 'sipDomain' | 'text';

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
  /** The values of this property name objects elsewhere in the file (a reference to a provider Identity). */
  readonly references?: 'hostingProvider';
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

export interface ObjectSpec {
  readonly id: 'topology' | 'exchangeUM' | 'accessEdge' | 'hostingProvider';
  /** How messages name one of these objects. */
  readonly title: string;
  /** The cmdlet whose parameters the keys are. */
  readonly cmdlet?: string;
  readonly properties: readonly PropertySpec[];
  /** Parameters of the cmdlet that steer the command rather than hold a setting. */
  readonly commandOnly?: readonly string[];
  /** Keys that must be given together or not at all. */
  readonly allOrNone?: readonly (readonly string[])[];
}
