import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import {
  ACCESS_EDGE_CONFIGURATION,
  ALLOWED_DOMAIN,
  BLOCKED_DOMAIN,
  canonicalValue,
  EXUM_CONTACT,
  HOSTED_VOICEMAIL_POLICY,
  findPropertyIgnoringCase,
  HOSTING_PROVIDER,
  HOSTING_PROVIDER_SETS,
  USER,
  type ObjectSpec,
} from '../../server/src/core';
import type { RecordedCall, Verdict } from './pwsh';

/**
 * The calls a clean topology file asks for, read from the file itself rather than from the generator:
 * each setting the file states, by the cmdlet's spelling of its name, with the value the file holds
 * (numbers as their digits, enumeration values in their canonical spelling, a false switch left out, a
 * list the cmdlet takes as one string joined by commas), in the order of the documented procedure.
 */
export function expectedCalls(text: string): RecordedCall[] {
  const root = parseTree(text);
  const calls: RecordedCall[] = [];
  const items = (key: string) => (root && findNodeAtLocation(root, [key])?.children) ?? [];
  const edge = root && findNodeAtLocation(root, ['AccessEdgeConfiguration']);
  const edgeParameters = edge ? parametersOf(edge, ACCESS_EDGE_CONFIGURATION, text) : {};
  if (Object.keys(edgeParameters).length > 0) {
    const routing = ACCESS_EDGE_CONFIGURATION.properties.find((p) => p.routing && p.name in edgeParameters)?.routing;
    calls.push(call('Set-CsAccessEdgeConfiguration', routing ?? 'Identity', edgeParameters));
  }
  for (const [key, spec, cmdlet] of [['AllowedDomains', ALLOWED_DOMAIN, 'New-CsAllowedDomain'], ['BlockedDomains', BLOCKED_DOMAIN, 'New-CsBlockedDomain']] as const) {
    for (const domain of items(key)) {
      const parameters = parametersOf(domain, spec, text);
      calls.push(call(cmdlet, 'Identity' in parameters ? 'Identity' : 'ParentAndRelativeKey', parameters));
    }
  }
  const providers = items('HostingProviders');
  if (calls.length > 0 || providers.length > 0) calls.push(call('Get-CsManagementStoreReplicationStatus', '__AllParameterSets', {}));
  for (const provider of providers) {
    const parameters = parametersOf(provider, HOSTING_PROVIDER, text);
    const set = 'EnabledSharedAddressSpace' in parameters ? HOSTING_PROVIDER_SETS.sharedAddressSpace : HOSTING_PROVIDER_SETS.plain;
    calls.push(call('New-CsHostingProvider', set, parameters));
  }
  for (const policy of items('HostedVoicemailPolicies')) {
    const parameters = parametersOf(policy, HOSTED_VOICEMAIL_POLICY, text);
    const global = String(parameters.Identity).toLowerCase() === 'global';
    calls.push(call(global ? 'Set-CsHostedVoicemailPolicy' : 'New-CsHostedVoicemailPolicy', global ? 'Identity' : '__AllParameterSets', parameters));
  }
  const users = items('Users');
  for (const user of users) calls.push(...grantOf(user, 'Identity'));
  for (const user of users) {
    const parameters = parametersOf(user, USER, text);
    if ('HostedVoiceMail' in parameters) calls.push(call('Set-CsUser', '__AllParameterSets', parameters));
  }
  const contacts = items('ExUmContacts');
  const autoAttendant = (contact: Node) => findNodeAtLocation(contact, ['AutoAttendant'])?.value === true;
  for (const contact of [...contacts.filter(autoAttendant), ...contacts.filter((c) => !autoAttendant(c))]) {
    calls.push(call('New-CsExUmContact', '__AllParameterSets', parametersOf(contact, EXUM_CONTACT, text)));
    calls.push(...grantOf(contact, 'SipAddress'));
  }
  return calls;
}

/**
 * The Grant-CsHostedVoicemailPolicy a user or contact asks for with HostedVoicemailPolicy, named by its `name` key:
 * `null` takes the policy away, a $Null the stub records as PowerShell makes it a string, empty.
 */
function grantOf(entry: Node, name: string): RecordedCall[] {
  const policy = findNodeAtLocation(entry, ['HostedVoicemailPolicy'])?.value as string | null | undefined;
  const identity = findNodeAtLocation(entry, [name])?.value as string;
  return policy === undefined ? [] : [call('Grant-CsHostedVoicemailPolicy', '__AllParameterSets', { Identity: identity, PolicyName: policy ?? '' })];
}

function call(cmdlet: string, parameterSet: string, parameters: Record<string, string | boolean>): RecordedCall {
  return { Cmdlet: cmdlet, ParameterSet: parameterSet, Parameters: parameters, WouldRun: true };
}

function parametersOf(object: Node, spec: ObjectSpec, text: string): Record<string, string | boolean> {
  const parameters: Record<string, string | boolean> = {};
  for (const member of object.children ?? []) {
    const [key, value] = member.children ?? [];
    const property = findPropertyIgnoringCase(spec, key.value as string);
    if (!property || property.notEmitted || property.grant || !value) continue;
    if (property.value.kind === 'switch') {
      if (value.value === true) parameters[property.name] = true;
    } else if (value.type === 'array') {
      parameters[property.name] = (value.children ?? []).map((item) => item.value as string).join(',');
    } else if (value.type === 'number') {
      parameters[property.name] = text.slice(value.offset, value.offset + value.length);
    } else if (property.value.kind === 'enum') {
      parameters[property.name] = canonicalValue(property.value.values, value.value as string) ?? (value.value as string);
    } else {
      parameters[property.name] = value.value as string | boolean;
    }
  }
  return parameters;
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}

/** Everything in a verdict that says the script is not what `expected` asks for; empty when it is. */
export function disagreements(verdict: Verdict, expected: readonly RecordedCall[]): string[] {
  const found = [...verdict.parseErrors.map((e) => `parse error: ${e}`), ...verdict.newerSyntax.map((s) => `not in Windows PowerShell 3.0: ${s}`)];
  if (verdict.error) found.push(`stopped by ${verdict.error.id}: ${verdict.error.message}`);
  const got = verdict.calls.map((c) => JSON.stringify(sorted(c)));
  const want = expected.map((c) => JSON.stringify(sorted(c)));
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    if (got[i] !== want[i]) found.push(`call ${i + 1}: recorded ${got[i] ?? 'nothing'}, the file says ${want[i] ?? 'nothing'}`);
  }
  return found;
}
