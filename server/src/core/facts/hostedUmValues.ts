import { findProperty, type JsonScalar, type PropertySpec } from '../catalog';
import { fix, type Fix } from '../diagnostics';
import type { EditBuilder } from '../edits';
import { anchorSpan, settingName, spanOf, type ObjectModel } from '../model';
import type { Span } from '../text';
import { isWellFormed } from './values';

/** A value a hosted Exchange UM provider must have (or is advised to have) and does not. */
export interface HostedUmMismatch {
  readonly provider: ObjectModel;
  readonly spec: PropertySpec;
  readonly wanted: JsonScalar;
  /** False when the key is missing. */
  readonly present: boolean;
  readonly span: Span;
  readonly fix: Fix;
}

/** Enum values match ignoring case, as PowerShell reads them. */
function sameValue(actual: unknown, wanted: JsonScalar): boolean {
  return typeof actual === 'string' && typeof wanted === 'string' ? actual.toLowerCase() === wanted.toLowerCase() : actual === wanted;
}

/** Whether another key of an all-or-none group is given: then the group's own rule speaks of the missing one. */
function inPartialGroup(provider: ObjectModel, name: string): boolean {
  return (provider.spec.allOrNone ?? []).some(
    (group) => group.includes(name) && group.some((other) => provider.byName.has(other)),
  );
}

/**
 * What adding `name` to a provider that gives no key of its all-or-none group must add: the whole group, each key
 * with the value a hosted Exchange UM provider needs (the group's rule would report the others missing), in the
 * group's order, so that the fixes of two of its keys make the same edit. Just `name` outside a group.
 */
function withGroup(provider: ObjectModel, name: string, wanted: JsonScalar): (readonly [string, JsonScalar])[] {
  const group = (provider.spec.allOrNone ?? []).find((names) => names.includes(name));
  const values = group?.map((other) => [other, other === name ? wanted : findProperty(provider.spec, other)?.hostedUm?.value] as const);
  return values?.every((entry): entry is readonly [string, JsonScalar] => entry[1] !== undefined) ? values : [[name, wanted]];
}

export function hostedUmMismatches(
  edits: EditBuilder,
  providers: readonly ObjectModel[],
  level: 'required' | 'advice',
): HostedUmMismatch[] {
  const mismatches: HostedUmMismatch[] = [];
  for (const provider of providers) {
    for (const spec of provider.spec.properties) {
      if (spec.hostedUm?.level !== level) continue;
      const wanted = spec.hostedUm.value;
      const node = provider.byName.get(spec.name)?.valueNode;
      if (node) {
        if (!isWellFormed(spec.value, node, edits.text) || sameValue(node.value, wanted)) continue;
        mismatches.push({ provider, spec, wanted, present: true, span: spanOf(node), fix: fix(`Change to ${JSON.stringify(wanted)}`, [edits.replace(node, wanted)]) });
      } else if (!spec.required && !inPartialGroup(provider, spec.name)) {
        const added = withGroup(provider, spec.name, wanted);
        const title = `Add ${added.map(([name, value]) => `'${name}': ${JSON.stringify(value)}`).join(' and ')}`;
        mismatches.push({ provider, spec, wanted, present: false, span: anchorSpan(provider), fix: fix(title, [edits.insertProperties(provider.node, added)]) });
      }
    }
  }
  return mismatches;
}

export function describeMismatch(mismatch: HostedUmMismatch, verb: 'must be' | 'is advised to be' = 'must be'): string {
  const name = settingName(mismatch.provider, mismatch.spec.name);
  const wanted = JSON.stringify(mismatch.wanted);
  return mismatch.present ? `${name} ${verb} ${wanted}` : `${name} is not given; it ${verb} ${wanted}`;
}
