import { TOPOLOGY } from './topology';
import { SERVER_VERSIONS, type ObjectSpec, type PropertySpec, type ServerVersion, type ValueSpec } from './types';

export * from './types';
export { ACCESS_EDGE_CONFIGURATION } from './accessEdgeConfiguration';
export { COMMON_PARAMETERS, parameterOfAlias } from './commandOnly';
export { HOSTING_PROVIDER } from './hostingProvider';
export { SERVICE_FQDNS, type ServiceFqdn } from './serviceFqdns';
export { EXCHANGE_UM_MODES, type ExchangeUmMode } from './modes';
export { EXCHANGE_UM, TOPOLOGY } from './topology';
export { VERIFICATION_LEVELS } from './verificationLevel';
export { ALLOWED_DOMAIN } from './allowedDomain';
export { BLOCKED_DOMAIN } from './blockedDomain';
export { EXUM_CONTACT } from './exUmContact';
export { GLOBAL_POLICY, HOSTED_VOICEMAIL_POLICY, PER_USER_PREFIX, SITE_PREFIX } from './hostedVoicemailPolicy';
export { USER } from './user';
export { REPLICATION_CHECK_ORDER, SECTIONS, SECTIONS_BY_KEY, type SectionObjectSpec } from './sections';
export * from './cmdletSignatures';

interface PropertyIndex {
  readonly exact: ReadonlyMap<string, PropertySpec>;
  readonly lower: ReadonlyMap<string, PropertySpec>;
}

const indexes = new WeakMap<ObjectSpec, PropertyIndex>();

function indexOf(spec: ObjectSpec): PropertyIndex {
  let index = indexes.get(spec);
  if (!index) {
    index = {
      exact: new Map(spec.properties.map((p) => [p.name, p])),
      lower: new Map(spec.properties.map((p) => [p.name.toLowerCase(), p])),
    };
    indexes.set(spec, index);
  }
  return index;
}

/** The property spec spelled exactly `name`, if any. */
export function findProperty(spec: ObjectSpec, name: string): PropertySpec | undefined {
  return indexOf(spec).exact.get(name);
}

/** The property spec whose name equals `name` ignoring letter case, as PowerShell matches parameter names. */
export function findPropertyIgnoringCase(spec: ObjectSpec, name: string): PropertySpec | undefined {
  const index = indexOf(spec);
  return index.exact.get(name) ?? index.lower.get(name.toLowerCase());
}

/** The canonical spelling of an enumeration value, matched ignoring letter case as PowerShell does. */
export function canonicalValue(values: readonly string[], text: string): string | undefined {
  if (values.includes(text)) return text;
  const lower = text.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

/** Whether the documents disagree on whether the parameter (a setting or a cmdlet parameter) exists in a server version (reference §5.1). */
export function existenceDisputed(spec: Pick<PropertySpec, 'since' | 'versionConflict'>, version: ServerVersion): boolean {
  const listed = spec.versionConflict?.listedSince;
  return listed !== undefined && !existsIn(spec, version) && SERVER_VERSIONS.indexOf(listed) <= SERVER_VERSIONS.indexOf(version);
}

/** Whether the parameter exists in a server version. */
export function existsIn(spec: { readonly since?: ServerVersion }, version: ServerVersion): boolean {
  return spec.since === undefined || SERVER_VERSIONS.indexOf(spec.since) <= SERVER_VERSIONS.indexOf(version);
}

/** Whether a key names a parameter that steers the cmdlet rather than holds a setting, ignoring letter case. */
export function isCommandOnly(spec: ObjectSpec, key: string): boolean {
  return includesName(spec.commandOnly, key);
}

/** Whether a key is a parameter of the cmdlet for Skype for Business Online only (`Tenant`), in any letter case. */
export function isOnlineOnly(spec: ObjectSpec, key: string): boolean {
  return includesName(spec.onlineOnly, key);
}

function includesName(names: readonly string[] | undefined, key: string): boolean {
  const lower = key.toLowerCase();
  return (names ?? []).some((name) => name.toLowerCase() === lower);
}

function objectSpecsIn(value: ValueSpec): ObjectSpec[] {
  if (value.kind === 'object') return [value.spec, ...value.spec.properties.flatMap((p) => objectSpecsIn(p.value))];
  return value.kind === 'array' ? objectSpecsIn(value.items) : [];
}

/** Every object the catalog describes, the topology file's top level first. */
export const OBJECT_SPECS: readonly ObjectSpec[] = objectSpecsIn({ kind: 'object', spec: TOPOLOGY });
export { SHELL_OBJECT_TYPES, type PropertyReading, type ShellObjectType } from './shellOutput';
export { SECTION_CHANGES, type SectionChanges } from './changes';
