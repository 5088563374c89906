import { ACCESS_EDGE_CONFIGURATION } from './accessEdgeConfiguration';
import { ALLOWED_DOMAIN } from './allowedDomain';
import { BLOCKED_DOMAIN } from './blockedDomain';
import { EXUM_CONTACT } from './exUmContact';
import { HOSTED_VOICEMAIL_POLICY } from './hostedVoicemailPolicy';
import { HOSTING_PROVIDER } from './hostingProvider';
import type { ObjectSpec, SectionSpec } from './types';
import { USER } from './user';

export type SectionObjectSpec = ObjectSpec & { readonly section: SectionSpec };

/** Every section of the topology file that feeds a cmdlet, in the order the file lists them. */
export const SECTIONS: readonly SectionObjectSpec[] = [
  ACCESS_EDGE_CONFIGURATION,
  ALLOWED_DOMAIN,
  BLOCKED_DOMAIN,
  HOSTING_PROVIDER,
  HOSTED_VOICEMAIL_POLICY,
  USER,
  EXUM_CONTACT,
] as SectionObjectSpec[];

/** The section spec of each section key. */
export const SECTIONS_BY_KEY: ReadonlyMap<string, SectionObjectSpec> = new Map(SECTIONS.map((spec) => [spec.section.key, spec]));

/** Where the replication check stands in the procedure: after the Edge's own settings, before the hosting providers. */
export const REPLICATION_CHECK_ORDER = 40;
