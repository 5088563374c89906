import { REPLICATION_CHECK_ORDER, SECTIONS, type ProcedureStep } from './catalog';
import type { Analysis } from './analyze';
import type { Diagnostic } from './diagnostics';
import { grantedValue, psArgument, statedValue } from './argument';
import { booleanValue, entryName, nameKey, type ObjectModel, type PropertyModel, type TopologyModel } from './model';
import { psComment, psParameter, psQuote } from './quote';
import { routingOf } from './facts/routing';

export interface Generation {
  /** The script, or undefined when something blocks it. */
  readonly script: string | undefined;
  readonly blocking: readonly Diagnostic[];
}

/** `Cmdlet -Name value ...` from an entry's settings, its names first; undefined when it changes nothing. */
function command(object: ObjectModel, text: string): string | undefined {
  const section = object.spec.section!;
  const names = section.names ?? [];
  const properties = [...object.byName.values()].filter((p) => p.spec && !p.spec.notEmitted && !p.spec.grant && p.valueNode);
  const rank = (p: PropertyModel) => {
    const index = names.indexOf(p.spec!.name);
    return index < 0 ? names.length : index;
  };
  properties.sort((a, b) => rank(a) - rank(b));
  const parts: string[] = [];
  let settings = 0;
  for (const property of properties) {
    const value = psArgument(property.spec!, statedValue(property.spec!, property.valueNode!, text));
    if (value === undefined) continue;
    parts.push(psParameter(property.spec!.name, value));
    if (!names.includes(property.spec!.name)) settings++;
  }
  if (parts.length === 0 || (section.modifies && settings === 0)) return undefined;
  const name = entryName(object);
  const existing = section.modifyExisting;
  const modifies = existing && name !== undefined && existing.names.includes(nameKey(section, name));
  return `${modifies ? existing.cmdlet : object.spec.cmdlet} ${parts.join(' ')}`;
}

/**
 * The grants an entry asks for, one per granted property: `Grant-... -Identity <entry> -PolicyName <policy>`, or
 * `-PolicyName $Null` where the file states `null`, which takes the per-user policy away.
 */
function grants(object: ObjectModel): string[] {
  const name = entryName(object);
  if (name === undefined) return [];
  const lines: string[] = [];
  for (const property of object.byName.values()) {
    const policy = grantedValue(property);
    if (policy === undefined) continue;
    const grant = property.spec!.grant!;
    lines.push(`${grant.cmdlet} ${psParameter('Identity', psQuote(name))} ${psParameter(grant.parameter, psArgument(undefined, policy)!)}`);
  }
  return lines;
}

/** The lines one step of the procedure writes for a section's objects. */
function stepLines(step: ProcedureStep, objects: readonly ObjectModel[], text: string): string[] {
  const first = step.firstWhen;
  const ordered = first ? [...objects.filter((o) => booleanValue(o.byName.get(first)) === true), ...objects.filter((o) => booleanValue(o.byName.get(first)) !== true)] : objects;
  const lines: string[] = [];
  for (const object of ordered) {
    const own = step.emits === 'grants' ? undefined : command(object, text);
    if (own) lines.push(own);
    if (step.emits !== 'commands') lines.push(...grants(object));
  }
  return lines;
}

/** What the Edge step reminds of: the DNS SRV record federation needs, for each SIP domain. */
function dnsSrvNotes(model: TopologyModel): string[] {
  if (!model.accessEdge || routingOf(model.accessEdge)?.mode !== 'DnsSrvRouting') return [];
  return model.sipDomains.map((domain) =>
    psComment(`Federation needs the external DNS SRV record _sipfederationtls._tcp.${domain.value} (port 5061) pointing to the Edge Server.`),
  );
}

export const REPLICATION_CHECK = [
  psComment('Check that the Central Management store has replicated to the Edge Server (UpToDate True).'),
  'Get-CsManagementStoreReplicationStatus',
  psComment('If it has not, replicate it, wait a few minutes and check again:'),
  psComment('Invoke-CsManagementStoreReplication'),
];

/**
 * The topology as Lync Server Management Shell cmdlets, in the order of the documented procedure: each
 * section's steps by their place in it (the Edge, the federation lists, the replication check, the hosting
 * providers, the voice mail policies, the grants to users, the users, the contacts), each under a heading.
 */
export function generate(analysis: Analysis): Generation {
  if (analysis.blocking.length > 0) return { script: undefined, blocking: analysis.blocking };
  const { model } = analysis;
  const steps: { order: number; lines: string[] }[] = [];
  let reachesEdge = false;
  for (const spec of SECTIONS) {
    const objects = model.sections.get(spec.section.key) ?? [];
    for (const step of spec.section.steps) {
      const lines = stepLines(step, objects, model.text);
      if (lines.length === 0) continue;
      reachesEdge ||= spec.section.reachesEdge === true;
      const notes = objects.includes(model.accessEdge!) ? dnsSrvNotes(model) : [];
      steps.push({ order: step.order, lines: [psComment(`${step.heading}.`), ...notes, ...lines] });
    }
  }
  if (reachesEdge) steps.push({ order: REPLICATION_CHECK_ORDER, lines: REPLICATION_CHECK });
  steps.sort((a, b) => a.order - b.order);
  const header = psComment(`Lync Server Management Shell cmdlets for ${model.serverVersion}, generated by Lync Topology.`);
  const body = steps.map((step) => step.lines.join('\n')).join('\n\n');
  return { script: body ? `${header}\n\n${body}\n` : `${header}\n${psComment('The topology file sets nothing.')}\n`, blocking: [] };
}
