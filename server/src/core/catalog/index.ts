import { SERVER_VERSIONS, type ObjectSpec, type PropertySpec, type ServerVersion } from './types';

export * from './types';
export { ACCESS_EDGE_CONFIGURATION } from './accessEdgeConfiguration';
export { parameterOfAlias } from './commandOnly';
export { HOSTING_PROVIDER } from './hostingProvider';
export { SERVICE_FQDNS, type ServiceFqdn } from './serviceFqdns';
export { EXCHANGE_UM_MODES, type ExchangeUmMode } from './modes';
export { EXCHANGE_UM, TOPOLOGY } from './topology';
export { VERIFICATION_LEVELS } from './verificationLevel';
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
