import { SERVER_VERSIONS, type ObjectSpec, type PropertySpec, type StringFormat, type ValueSpec } from './catalog';
import { entryLabel, nameProperty, type ObjectModel } from './model';

const FORMAT_TYPE_NAMES: Record<StringFormat, string> = {
  fqdn: 'FQDN',
  url: 'URL',
  sipDomain: 'domain name',
  text: 'text',
  name: 'name',
  hostName: 'FQDN, at most 255 characters',
  sipAddress: 'SIP address',
  phoneNumber: 'phone number',
  organizationalUnit: 'organizational unit',
};

/** How a value spec reads in documentation. */
export function typeName(value: ValueSpec): string {
  switch (value.kind) {
    case 'boolean':
      return 'Boolean (`true` or `false`)';
    case 'switch':
      return 'switch (`true` passes it)';
    case 'integer':
      return `${value.typeName} (whole number)`;
    case 'enum':
      return 'one of the values below';
    case 'string':
      return `string (${FORMAT_TYPE_NAMES[value.format]})`;
    case 'array':
      return `array of ${value.items.kind === 'object' ? `${value.items.spec.title} objects` : typeName(value.items)}`;
    case 'object':
      return 'object';
  }
}

function versions(spec: PropertySpec): string {
  if (!spec.since) return 'every version';
  const from = SERVER_VERSIONS.indexOf(spec.since);
  return SERVER_VERSIONS.slice(from).join(', ');
}

/** Markdown documentation of one property: what it does, its type, values, default, cmdlet and versions. */
export function describeProperty(spec: PropertySpec, object: ObjectSpec): string {
  // A granted setting is passed to the grant cmdlet, as its PolicyName, not to the section's own cmdlet.
  const cmdlet = spec.grant ? `${spec.grant.parameter} of \`${spec.grant.cmdlet}\`` : object.cmdlet && `parameter of \`${object.cmdlet}\``;
  const lines = [`**${spec.name}**${cmdlet ? ` · ${cmdlet}` : ''}`, '', spec.description, ''];
  lines.push(`- Type: ${typeName(spec.value)}`);
  if (spec.value.kind === 'enum') {
    const meanings = spec.value.meanings;
    for (const value of spec.value.values) lines.push(`  - \`${value}\`${meanings?.[value] ? `: ${meanings[value]}` : ''}`);
  }
  if (spec.nullMeans) lines.push(`- \`null\`: ${spec.nullMeans.description}`);
  if (spec.value.kind === 'integer') lines.push(`- Range: ${spec.value.min} to ${spec.value.max}`);
  if (spec.required) lines.push('- Required');
  if (spec.default !== undefined) lines.push(`- Default: \`${JSON.stringify(spec.default)}\``);
  if (spec.parameterSets) lines.push(`- Parameter sets: ${spec.parameterSets.join(', ')}`);
  if (object.cmdlet) lines.push(`- Exists in: ${versions(spec)}`);
  if (spec.hostedUm) {
    lines.push(`- For a provider that hosts Exchange UM: ${spec.hostedUm.level === 'required' ? 'must be' : 'advised'} \`${JSON.stringify(spec.hostedUm.value)}\``);
  }
  return lines.join('\n');
}

/** Markdown summary of an entry of a list section: its kind, its name and its settings as written. */
export function entrySummary(entry: ObjectModel, text: string): string {
  const name = nameProperty(entry);
  const settings = [...entry.byName.values()]
    .filter((p) => p.valueNode && p !== name)
    .map((p) => `- ${p.spec?.name ?? p.key}: \`${text.slice(p.valueNode!.offset, p.valueNode!.offset + p.valueNode!.length)}\``);
  const title = entry.spec.title;
  return [`**${title[0].toUpperCase()}${title.slice(1)}** ${entryLabel(entry)}`, '', ...settings].join('\n');
}
