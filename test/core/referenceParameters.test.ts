import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CMDLET_SIGNATURES, VERIFICATION_LEVELS, type CmdletSignature } from '../../server/src/core';
import { repoFile } from '../helpers';

/** One cmdlet as test/fixtures/reference-parameters.json transcribes it from the cmdlet reference. */
interface ReferenceCmdlet {
  name: string;
  parameterSets: string[];
  whatIfConfirm: boolean;
  parameters: { name: string; type: string; mandatory: boolean; sets: string[] | '(All)'; position: number | 'Named'; range?: [number, number]; since?: string }[];
}

interface Reference {
  enumerations: { VerificationLevelType: string[] };
  cmdlets: ReferenceCmdlet[];
}

const REFERENCE = JSON.parse(repoFile('test', 'fixtures', 'reference-parameters.json')) as Reference;

/** A cmdlet signature in the transcription's terms. */
function transcribed(signature: CmdletSignature): ReferenceCmdlet {
  return {
    name: signature.name,
    parameterSets: [...signature.parameterSets],
    whatIfConfirm: signature.supportsShouldProcess,
    parameters: signature.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      mandatory: p.mandatory === true,
      sets: p.parameterSets ? [...p.parameterSets] : '(All)',
      position: p.position ?? 'Named',
      ...(p.range && { range: [Number(p.range.min), Number(p.range.max)] as [number, number] }),
      ...(p.since && { since: p.since }),
    })),
  };
}

/** Where the catalog and the transcription differ: one line per cmdlet or parameter fact. */
function differences(reference: Reference, signatures: readonly CmdletSignature[]): string[] {
  const found: string[] = [];
  const byName = new Map(signatures.map((s) => [s.name, transcribed(s)]));
  for (const name of new Set([...byName.keys(), ...reference.cmdlets.map((c) => c.name)])) {
    const ours = byName.get(name);
    const theirs = reference.cmdlets.find((c) => c.name === name);
    if (!ours || !theirs) {
      found.push(`${name}: only in the ${ours ? 'catalog' : 'reference'}`);
      continue;
    }
    if (JSON.stringify(ours.parameterSets) !== JSON.stringify(theirs.parameterSets)) found.push(`${name}: parameter sets ${JSON.stringify(ours.parameterSets)} vs ${JSON.stringify(theirs.parameterSets)}`);
    if (ours.whatIfConfirm !== theirs.whatIfConfirm) found.push(`${name}: -WhatIf/-Confirm ${ours.whatIfConfirm} vs ${theirs.whatIfConfirm}`);
    const sortedSets = (sets: string[] | '(All)') => (sets === '(All)' ? sets : [...sets].sort().join(','));
    for (const parameter of new Set([...ours.parameters, ...theirs.parameters].map((p) => p.name))) {
      const a = ours.parameters.find((p) => p.name === parameter);
      const b = theirs.parameters.find((p) => p.name === parameter);
      if (!a || !b) {
        found.push(`${name} -${parameter}: only in the ${a ? 'catalog' : 'reference'}`);
        continue;
      }
      for (const fact of ['type', 'mandatory', 'position', 'range', 'since', 'sets'] as const) {
        const [x, y] = fact === 'sets' ? [sortedSets(a.sets), sortedSets(b.sets)] : [JSON.stringify(a[fact]), JSON.stringify(b[fact])];
        if (x !== y) found.push(`${name} -${parameter}: ${fact} ${x} in the catalog, ${y} in the reference`);
      }
    }
  }
  return found;
}

describe('the catalog against the cmdlet reference', () => {
  it('declares every cmdlet and parameter as the reference does', () => {
    assert.deepEqual(differences(REFERENCE, CMDLET_SIGNATURES), []);
    assert.deepEqual([...VERIFICATION_LEVELS], REFERENCE.enumerations.VerificationLevelType);
  });

  it('fails when one fact differs', () => {
    const changed = structuredClone(REFERENCE);
    const tls = changed.cmdlets[0].parameters.find((p) => p.name === 'OutgoingTlsCountForFederatedPartners')!;
    tls.range = [1, 8];
    changed.cmdlets[1].parameters.find((p) => p.name === 'HostsOCSUsers')!.mandatory = false;
    changed.cmdlets[2].parameters.push({ name: 'ProxyFqdn', type: 'String', mandatory: false, sets: '(All)', position: 'Named' });
    assert.deepEqual(differences(changed, CMDLET_SIGNATURES), [
      'Set-CsAccessEdgeConfiguration -OutgoingTlsCountForFederatedPartners: range [1,4] in the catalog, [1,8] in the reference',
      'New-CsHostingProvider -HostsOCSUsers: mandatory true in the catalog, false in the reference',
      'Set-CsHostingProvider -ProxyFqdn: only in the reference',
    ]);
  });
});
