import type { ObjectSpec, PropertySpec } from './types';

export * from './types';
export { ACCESS_EDGE_CONFIGURATION } from './accessEdgeConfiguration';
export { HOSTING_PROVIDER } from './hostingProvider';
export { EXCHANGE_UM_MODES, type ExchangeUmMode } from './modes';
export { EXCHANGE_UM, TOPOLOGY } from './topology';
export { VERIFICATION_LEVELS } from './verificationLevel';

/** The property spec spelled exactly `name`, if any. */
export function findProperty(spec: ObjectSpec, name: string): PropertySpec | undefined {
  return spec.properties.find((p) => p.name === name);
}

/** The property spec whose name equals `name` ignoring letter case, as PowerShell matches parameter names. */
export function findPropertyIgnoringCase(spec: ObjectSpec, name: string): PropertySpec | undefined {
  const lower = name.toLowerCase();
  return spec.properties.find((p) => p.name.toLowerCase() === lower);
}
