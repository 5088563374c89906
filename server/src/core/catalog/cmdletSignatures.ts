import { ACCESS_EDGE_CONFIGURATION } from './accessEdgeConfiguration';
import { ALLOWED_DOMAIN } from './allowedDomain';
import { BLOCKED_DOMAIN } from './blockedDomain';
import { EXUM_CONTACT } from './exUmContact';
import { HOSTED_VOICEMAIL_POLICY } from './hostedVoicemailPolicy';
import { USER } from './user';
import { HOSTING_PROVIDER } from './hostingProvider';
import type { ObjectSpec, PropertySpec, ServerVersion } from './types';
import { VERIFICATION_LEVEL } from './verificationLevel';

/**
 * The declarations of the cmdlets the generator writes, as the cmdlet reference gives them: parameter
 * sets, Mandatory, Position, .NET type, and the documented ranges, patterns and lengths. The settings a
 * topology file holds are taken from the object specs; what those lack (Set-/Remove- cmdlets, positions,
 * sets, the command-only parameters) is written here. The stub module (`lync-topology stubs`) is built
 * from these, and test/fixtures/reference-parameters.json holds the same facts transcribed from the
 * reference, so that a disagreement fails a test.
 */

/** A parameter's type as the cmdlet reference names it. */
export type DocumentedType =
  | 'Boolean'
  | 'SwitchParameter'
  | 'UInt32'
  | 'UInt64'
  | 'String'
  | 'PSObject'
  | 'XdsIdentity'
  | 'XdsGlobalRelativeIdentity'
  | 'VerificationLevelType'
  | 'UserIdParameter'
  | 'OUIdParameter'
  | 'Fqdn'
  | 'Guid';

export interface SignatureParameter {
  readonly name: string;
  readonly type: DocumentedType;
  /** The parameter sets that have it; absent means every set of the cmdlet. */
  readonly parameterSets?: readonly string[];
  /** Mandatory in every set that has it. */
  readonly mandatory?: boolean;
  /** `Position:` as the reference prints it; absent means Named. */
  readonly position?: number;
  /** The only values it takes (an enumeration). */
  readonly validValues?: readonly string[];
  /** A documented range narrower than the type's own. */
  readonly range?: { readonly min: bigint; readonly max: bigint };
  /** A documented regular expression the value must match. */
  readonly pattern?: string;
  /** A documented most number of characters. */
  readonly maxLength?: number;
  /** Takes `$Null` though Mandatory: a Grant- cmdlet's PolicyName, where `$Null` takes the per-user policy away. */
  readonly allowNull?: boolean;
  /** First server version that has it; absent means every version. */
  readonly since?: ServerVersion;
  /** An older edition of the reference that lists it before `since` (reference §5.1). */
  readonly versionConflict?: PropertySpec['versionConflict'];
}

export interface CmdletSignature {
  readonly name: string;
  /** Every parameter set, the default one first; empty for a cmdlet with one unnamed set. */
  readonly parameterSets: readonly string[];
  /** Whether the cmdlet takes -WhatIf and -Confirm. */
  readonly supportsShouldProcess: boolean;
  readonly parameters: readonly SignatureParameter[];
}

const TYPE_RANGES: Partial<Record<DocumentedType, { min: bigint; max: bigint }>> = {
  UInt32: { min: 0n, max: 4294967295n },
  UInt64: { min: 0n, max: 18446744073709551615n },
};

function documentedType(property: PropertySpec): DocumentedType {
  const value = property.value;
  switch (value.kind) {
    case 'boolean':
      return 'Boolean';
    case 'switch':
      return 'SwitchParameter';
    case 'integer':
      return value.typeName;
    case 'enum':
      return value === VERIFICATION_LEVEL ? 'VerificationLevelType' : 'String';
    default:
      return 'String';
  }
}

/** A setting of a topology object as the parameter it is; `sets` are the cmdlet's sets it belongs to. */
function fromProperty(property: PropertySpec, sets: readonly string[] | undefined, mandatory: boolean): SignatureParameter {
  const value = property.value;
  const typeRange = value.kind === 'integer' ? TYPE_RANGES[value.typeName] : undefined;
  const narrower = value.kind === 'integer' && typeRange && (value.min !== typeRange.min || value.max !== typeRange.max);
  return {
    name: property.name,
    type: documentedType(property),
    ...(sets && { parameterSets: sets }),
    ...(mandatory && { mandatory }),
    ...(value.kind === 'enum' && value === VERIFICATION_LEVEL && { validValues: value.values }),
    ...(narrower && { range: { min: value.min, max: value.max } }),
    ...(property.since && { since: property.since }),
    ...(property.versionConflict && { versionConflict: property.versionConflict }),
  };
}

type Adjustment = Partial<SignatureParameter> & { readonly omit?: boolean };

/** The settings of `spec` as parameters, each adjusted by what the reference adds about that cmdlet. */
function settingsOf(spec: ObjectSpec, adjust: Readonly<Record<string, Adjustment>>, required: (p: PropertySpec) => boolean): SignatureParameter[] {
  const parameters: SignatureParameter[] = [];
  for (const property of spec.properties) {
    const { omit, ...extra } = adjust[property.name] ?? {};
    if (omit) continue;
    parameters.push({ ...fromProperty(property, property.parameterSets, required(property)), ...extra });
  }
  return parameters;
}

function switchParameter(name: string, parameterSets?: readonly string[]): SignatureParameter {
  return { name, type: 'SwitchParameter', ...(parameterSets && { parameterSets }) };
}

const EDGE_SETS = ['Identity', 'Instance', 'DefaultRoute', 'DnsSrvRouting'];

/** Set-CsAccessEdgeConfiguration: reference §1.1. */
export const SET_ACCESS_EDGE_CONFIGURATION: CmdletSignature = {
  name: 'Set-CsAccessEdgeConfiguration',
  parameterSets: EDGE_SETS,
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(ACCESS_EDGE_CONFIGURATION, { Identity: { type: 'XdsIdentity', position: 2 } }, () => false),
    { name: 'Instance', type: 'PSObject', parameterSets: ['Instance'] },
    switchParameter('Force'),
  ],
};

/**
 * The reference's Lync Server 2010 and 2013 editions give New-CsHostingProvider two parameter sets; the
 * second makes EnabledSharedAddressSpace and HostsOCSUsers Mandatory together. The editions do not name
 * the sets: these names are ours.
 */
export const HOSTING_PROVIDER_SETS = { plain: 'Identity', sharedAddressSpace: 'SharedAddressSpace' } as const;

const SHARED_ADDRESS_SPACE: Adjustment = {
  parameterSets: [HOSTING_PROVIDER_SETS.sharedAddressSpace],
  mandatory: true,
};

/** New-CsHostingProvider: reference §1.3. */
export const NEW_HOSTING_PROVIDER: CmdletSignature = {
  name: 'New-CsHostingProvider',
  parameterSets: [HOSTING_PROVIDER_SETS.plain, HOSTING_PROVIDER_SETS.sharedAddressSpace],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(
      HOSTING_PROVIDER,
      {
        Identity: { type: 'XdsGlobalRelativeIdentity', position: 2 },
        EnabledSharedAddressSpace: SHARED_ADDRESS_SPACE,
        HostsOCSUsers: SHARED_ADDRESS_SPACE,
      },
      (p) => p.required === true,
    ),
    switchParameter('InMemory'),
    switchParameter('Force'),
  ],
};

/** Set-CsHostingProvider: reference §1.4. It has no ProxyFqdn: a changed proxy means a new provider. */
export const SET_HOSTING_PROVIDER: CmdletSignature = {
  name: 'Set-CsHostingProvider',
  parameterSets: ['Identity', 'Instance'],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(
      HOSTING_PROVIDER,
      { Identity: { type: 'XdsGlobalRelativeIdentity', position: 2, parameterSets: ['Identity'] }, ProxyFqdn: { omit: true } },
      () => false,
    ),
    { name: 'Instance', type: 'PSObject', parameterSets: ['Instance'] },
    switchParameter('Force'),
  ],
};

/** Remove-CsHostingProvider: reference §1.5. */
export const REMOVE_HOSTING_PROVIDER: CmdletSignature = {
  name: 'Remove-CsHostingProvider',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [{ name: 'Identity', type: 'XdsGlobalRelativeIdentity', mandatory: true, position: 2 }, switchParameter('Force')],
};

/** Get-CsManagementStoreReplicationStatus: reference §1.13. */
export const GET_REPLICATION_STATUS: CmdletSignature = {
  name: 'Get-CsManagementStoreReplicationStatus',
  parameterSets: [],
  supportsShouldProcess: false,
  parameters: [{ name: 'ReplicaFqdn', type: 'String', position: 2 }, switchParameter('CentralManagementStoreStatus')],
};

/** Invoke-CsManagementStoreReplication: reference §1.13, which documents no -WhatIf for it. */
export const INVOKE_REPLICATION: CmdletSignature = {
  name: 'Invoke-CsManagementStoreReplication',
  parameterSets: [],
  supportsShouldProcess: false,
  parameters: [{ name: 'ReplicaFqdn', type: 'String', position: 2 }, switchParameter('Force')],
};

/** The two ways New-CsAllowedDomain and New-CsBlockedDomain name the domain: reference §1.12. */
const DOMAIN_NAMES: Readonly<Record<string, Adjustment>> = {
  Identity: { type: 'XdsGlobalRelativeIdentity', position: 2, mandatory: true },
  Domain: { mandatory: true },
};

/** New-CsAllowedDomain: reference §1.12. */
export const NEW_ALLOWED_DOMAIN: CmdletSignature = {
  name: 'New-CsAllowedDomain',
  parameterSets: ['Identity', 'ParentAndRelativeKey'],
  supportsShouldProcess: true,
  parameters: [...settingsOf(ALLOWED_DOMAIN, DOMAIN_NAMES, () => false), switchParameter('InMemory'), switchParameter('Force')],
};

/** New-CsBlockedDomain: the same two parameter sets as New-CsAllowedDomain, with a Comment. */
export const NEW_BLOCKED_DOMAIN: CmdletSignature = {
  name: 'New-CsBlockedDomain',
  parameterSets: ['Identity', 'ParentAndRelativeKey'],
  supportsShouldProcess: true,
  parameters: [...settingsOf(BLOCKED_DOMAIN, DOMAIN_NAMES, () => false), switchParameter('InMemory'), switchParameter('Force')],
};

/** Destination of a hosted voice mail policy: the pattern and length Set-CsHostedVoicemailPolicy documents (§1.8). */
const DESTINATION: Adjustment = { pattern: '^[a-zA-Z0-9\\-_]+(\\.[a-zA-Z0-9\\-_]+){0,}$', maxLength: 255 };
const TENANT: SignatureParameter = { name: 'Tenant', type: 'Guid', since: 'Lync Server 2013' };

/** New-CsHostedVoicemailPolicy: reference §1.7. Organization is one string of comma-separated domains. */
export const NEW_HOSTED_VOICEMAIL_POLICY: CmdletSignature = {
  name: 'New-CsHostedVoicemailPolicy',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(HOSTED_VOICEMAIL_POLICY, { Identity: { type: 'XdsIdentity', position: 2 }, Destination: DESTINATION }, (p) => p.required === true),
    TENANT,
    switchParameter('InMemory'),
    switchParameter('Force'),
  ],
};

/** Set-CsHostedVoicemailPolicy: reference §1.8; without Identity it changes the global policy. */
export const SET_HOSTED_VOICEMAIL_POLICY: CmdletSignature = {
  name: 'Set-CsHostedVoicemailPolicy',
  parameterSets: ['Identity', 'Instance'],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(HOSTED_VOICEMAIL_POLICY, { Identity: { type: 'XdsIdentity', position: 2, parameterSets: ['Identity'] }, Destination: DESTINATION }, () => false),
    { name: 'Instance', type: 'PSObject', parameterSets: ['Instance'] },
    TENANT,
    switchParameter('Force'),
  ],
};

const USER_IDENTITY: SignatureParameter = { name: 'Identity', type: 'UserIdParameter', mandatory: true, position: 1 };
const DOMAIN_CONTROLLER: SignatureParameter = { name: 'DomainController', type: 'Fqdn' };

/** Grant-CsHostedVoicemailPolicy: reference §1.9, PolicyName Mandatory as the current and Lync Server 2013 syntax show it. */
export const GRANT_HOSTED_VOICEMAIL_POLICY: CmdletSignature = {
  name: 'Grant-CsHostedVoicemailPolicy',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [
    USER_IDENTITY,
    // $Null ungrants: the generic rule of the Grant-Cs* cmdlets (reference §1.9, not confirmed for this one).
    { name: 'PolicyName', type: 'String', mandatory: true, position: 2, allowNull: true },
    { name: 'Tenant', type: 'Guid' },
    DOMAIN_CONTROLLER,
    switchParameter('PassThru'),
  ],
};

/** Set-CsUser, the part the procedure uses: reference §1.11. */
export const SET_USER: CmdletSignature = {
  name: 'Set-CsUser',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(USER, { Identity: { type: 'UserIdParameter', position: 1 }, HostedVoicemailPolicy: { omit: true } }, (p) => p.required === true),
    DOMAIN_CONTROLLER,
    switchParameter('PassThru'),
  ],
};

/** New-CsExUmContact: reference §1.10. */
export const NEW_EXUM_CONTACT: CmdletSignature = {
  name: 'New-CsExUmContact',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [
    ...settingsOf(EXUM_CONTACT, { RegistrarPool: { type: 'Fqdn' }, OU: { type: 'OUIdParameter' }, HostedVoicemailPolicy: { omit: true } }, (p) => p.required === true),
    switchParameter('PassThru'),
  ],
};

/**
 * Set-CsAllowedDomain and Set-CsBlockedDomain: the Identity and Instance sets of their cmdlet reference pages,
 * with the settings the New- cmdlet has.
 */
function setDomain(name: string, spec: ObjectSpec): CmdletSignature {
  return {
    name,
    parameterSets: ['Identity', 'Instance'],
    supportsShouldProcess: true,
    parameters: [
      ...settingsOf(spec, { Identity: { type: 'XdsGlobalRelativeIdentity', position: 2, parameterSets: ['Identity'] }, Domain: { omit: true } }, () => false),
      { name: 'Instance', type: 'PSObject', parameterSets: ['Instance'] },
      switchParameter('Force'),
    ],
  };
}

export const SET_ALLOWED_DOMAIN = setDomain('Set-CsAllowedDomain', ALLOWED_DOMAIN);
export const SET_BLOCKED_DOMAIN = setDomain('Set-CsBlockedDomain', BLOCKED_DOMAIN);

/** Remove-CsAllowedDomain and Remove-CsBlockedDomain: `[-Identity] <XdsGlobalRelativeIdentity>`, as Remove-CsHostingProvider. */
function removeByRelativeIdentity(name: string): CmdletSignature {
  return { ...REMOVE_HOSTING_PROVIDER, name };
}

export const REMOVE_ALLOWED_DOMAIN = removeByRelativeIdentity('Remove-CsAllowedDomain');
export const REMOVE_BLOCKED_DOMAIN = removeByRelativeIdentity('Remove-CsBlockedDomain');

/** Remove-CsHostedVoicemailPolicy: reference §1.9. The global policy cannot be removed; a plan never tries. */
export const REMOVE_HOSTED_VOICEMAIL_POLICY: CmdletSignature = {
  name: 'Remove-CsHostedVoicemailPolicy',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [{ name: 'Identity', type: 'XdsIdentity', mandatory: true, position: 2 }, TENANT, switchParameter('Force')],
};

/** Set-CsExUmContact, the parameters a plan uses and their documented neighbours: reference §1.10. */
export const SET_EXUM_CONTACT: CmdletSignature = {
  name: 'Set-CsExUmContact',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [
    USER_IDENTITY,
    { name: 'AutoAttendant', type: 'Boolean' },
    { name: 'Description', type: 'String' },
    { name: 'DisplayNumber', type: 'String' },
    { name: 'Enabled', type: 'Boolean' },
    { name: 'EnterpriseVoiceEnabled', type: 'Boolean' },
    { name: 'SipAddress', type: 'String' },
    DOMAIN_CONTROLLER,
    switchParameter('PassThru'),
  ],
};

/** Remove-CsExUmContact: reference §1.10. */
export const REMOVE_EXUM_CONTACT: CmdletSignature = {
  name: 'Remove-CsExUmContact',
  parameterSets: [],
  supportsShouldProcess: true,
  parameters: [USER_IDENTITY],
};

/** Every cmdlet the generated scripts and plans call or name, in the order of the procedure. */
export const CMDLET_SIGNATURES: readonly CmdletSignature[] = [
  SET_ACCESS_EDGE_CONFIGURATION,
  NEW_ALLOWED_DOMAIN,
  SET_ALLOWED_DOMAIN,
  REMOVE_ALLOWED_DOMAIN,
  NEW_BLOCKED_DOMAIN,
  SET_BLOCKED_DOMAIN,
  REMOVE_BLOCKED_DOMAIN,
  GET_REPLICATION_STATUS,
  INVOKE_REPLICATION,
  NEW_HOSTING_PROVIDER,
  SET_HOSTING_PROVIDER,
  REMOVE_HOSTING_PROVIDER,
  NEW_HOSTED_VOICEMAIL_POLICY,
  SET_HOSTED_VOICEMAIL_POLICY,
  REMOVE_HOSTED_VOICEMAIL_POLICY,
  GRANT_HOSTED_VOICEMAIL_POLICY,
  SET_USER,
  NEW_EXUM_CONTACT,
  SET_EXUM_CONTACT,
  REMOVE_EXUM_CONTACT,
];
