import { contactKinds } from './contactKinds';
import { contactNeedsPolicy } from './contactNeedsPolicy';
import { destinationNotAProvider } from './destinationNotAProvider';
import { exactlyOne } from './exactlyOne';
import { federationListsUnused } from './federationListsUnused';
import { globalPolicyDestination } from './globalPolicyDestination';
import { grantedPolicyName } from './grantedPolicyName';
import { grantedPolicyPrefix } from './grantedPolicyPrefix';
import { hostedUmNeedsPolicy } from './hostedUmNeedsPolicy';
import { hostedVoiceMailOnPremises } from './hostedVoiceMailOnPremises';
import { onlineOnly } from './onlineOnly';
import { organizationalUnitName } from './organizationalUnitName';
import { ownDomainAllowed } from './ownDomainAllowed';
import { policyIdentity } from './policyIdentity';
import { policyWithoutDestination } from './policyWithoutDestination';
import { samAccountName } from './samAccountName';
import { severalPolicies } from './severalPolicies';
import { unknownPolicy } from './unknownPolicy';
import { unusedPolicy } from './unusedPolicy';
import { userNeedsPolicy } from './userNeedsPolicy';
import { wildcardIdentity } from './wildcardIdentity';
import { allOrNone } from './allOrNone';
import { assumedEdgeSetting } from './assumedEdgeSetting';
import { commandOnly } from './commandOnly';
import { defaultRouteWithProviders } from './defaultRouteWithProviders';
import { duplicateName } from './duplicateName';
import { duplicateKey } from './duplicateKey';
import { duplicateListEntry } from './duplicateListEntry';
import { duplicateUniqueValue } from './duplicateUniqueValue';
import { emptyJoinedList } from './emptyJoinedList';
import { enumValue } from './enumValue';
import { federationForSharedAddressSpace } from './federationForSharedAddressSpace';
import { hostedUmAdvice } from './hostedUmAdvice';
import { hostedUmExplicit } from './hostedUmExplicit';
import { hostedUmNeedsProvider } from './hostedUmNeedsProvider';
import { hostedUmProvider } from './hostedUmProvider';
import { hostedUmRouting } from './hostedUmRouting';
import { hostedUmSipDomain } from './hostedUmSipDomain';
import { letterCase } from './letterCase';
import { missingRequired } from './missingRequired';
import { onPremisesWithProviders } from './onPremisesWithProviders';
import { partnerDiscovery } from './partnerDiscovery';
import { placeholder } from './placeholder';
import { range } from './range';
import { routingCompanion } from './routingCompanion';
import { routingConflict } from './routingConflict';
import type { Rule } from './rule';
import { serverVersion } from './serverVersion';
import { serviceFqdn } from './serviceFqdn';
import { sipClientPort } from './sipClientPort';
import { supportOnly } from './supportOnly';
import { syntax } from './syntax';
import { unknownKey } from './unknownKey';
import { unresolvedReference } from './unresolvedReference';
import { unsafeCharacters } from './unsafeCharacters';
import { valueFormat } from './valueFormat';
import { valueType } from './valueType';
import { versionConflict } from './versionConflict';
import { wrongRouting } from './wrongRouting';

export type { ObjectRuleContext, Rule, RuleContext } from './rule';

/** Every rule, in code order. */
export const RULES: readonly Rule[] = [
  syntax,
  duplicateKey,
  unknownKey,
  letterCase,
  commandOnly,
  valueType,
  enumValue,
  range,
  valueFormat,
  unsafeCharacters,
  placeholder,
  serviceFqdn,
  emptyJoinedList,
  organizationalUnitName,
  missingRequired,
  allOrNone,
  serverVersion,
  exactlyOne,
  onlineOnly,
  versionConflict,
  routingConflict,
  wrongRouting,
  routingCompanion,
  defaultRouteWithProviders,
  partnerDiscovery,
  supportOnly,
  assumedEdgeSetting,
  unresolvedReference,
  hostedUmProvider,
  hostedUmExplicit,
  hostedUmRouting,
  federationForSharedAddressSpace,
  hostedUmSipDomain,
  hostedUmNeedsProvider,
  onPremisesWithProviders,
  hostedUmAdvice,
  duplicateName,
  duplicateUniqueValue,
  duplicateListEntry,
  sipClientPort,
  ownDomainAllowed,
  federationListsUnused,
  policyIdentity,
  policyWithoutDestination,
  unusedPolicy,
  grantedPolicyName,
  unknownPolicy,
  severalPolicies,
  globalPolicyDestination,
  grantedPolicyPrefix,
  userNeedsPolicy,
  samAccountName,
  wildcardIdentity,
  contactNeedsPolicy,
  contactKinds,
  hostedUmNeedsPolicy,
  hostedVoiceMailOnPremises,
  destinationNotAProvider,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.code, rule]));
