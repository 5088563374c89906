import { SECTIONS_BY_KEY } from '../catalog';
import { entryName, nameKey, type NameReference, type ObjectModel, type TopologyModel } from '../model';

/**
 * Whether an entry of a list section changes an object the deployment already has (a Set- cmdlet) instead of
 * creating one: every entry of a section that only modifies (users), and an entry named as an object that
 * always exists (the `global` hosted voice mail policy, reference.md §1.7).
 */
export function changesExisting(entry: ObjectModel): boolean {
  const section = entry.spec.section;
  if (!section?.list) return false;
  if (section.modifies) return true;
  const name = entryName(entry);
  return name !== undefined && (section.modifyExisting?.names.includes(nameKey(section, name)) ?? false);
}

/**
 * Whether a string that names an entry (a granted policy, an item of `ExchangeUM.HostingProviders`) is wrong only
 * in its spaces: it is blank, or it has spaces at either end and names an entry of the file once they are
 * trimmed. LT104 reports it, with the fix that trims it; the rules about what a name resolves to leave it to
 * that one finding, which would otherwise be doubled by one about a name PowerShell does pass but nobody meant.
 */
export function isMisspacedReference(model: TopologyModel, reference: NameReference): boolean {
  const trimmed = reference.value.trim();
  if (trimmed === '') return true;
  if (trimmed === reference.value) return false;
  const section = SECTIONS_BY_KEY.get(reference.section)!.section;
  return (model.entriesByName.get(reference.section)?.get(nameKey(section, trimmed))?.length ?? 0) > 0;
}
