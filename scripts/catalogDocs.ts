import { COMMON_PARAMETERS, FORMAT_NAMES, OBJECT_SPECS, SECTIONS_BY_KEY, SERVER_VERSIONS, TOPOLOGY, type ObjectSpec, type PropertySpec, type ValueSpec } from '../server/src/core';

/**
 * The parts of docs/format.md and docs/diagnostics.md that list what the catalog holds (keys, values,
 * ranges, formats, versions), written from it between `<!-- catalog:NAME:begin -->` and `<!-- catalog:NAME:end -->`.
 */

const code = (text: string | number | bigint | boolean) => `\`${text}\``;
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Where an object's keys sit, as the docs name them: `HostingProviders[]`, `AccessEdgeConfiguration`. */
function place(spec: ObjectSpec): string {
  if (spec === TOPOLOGY) return '';
  if (spec.section) return spec.section.list ? `${spec.section.key}[]` : spec.section.key;
  const holder = TOPOLOGY.properties.find((p) => p.value.kind === 'object' && p.value.spec === spec);
  return holder?.name ?? spec.title;
}

/** A key as the docs name it, with the object it sits in. */
function keyPath(spec: ObjectSpec, name: string): string {
  return code(place(spec) ? `${place(spec)}.${name}` : name);
}

function valueText(value: ValueSpec, property: PropertySpec): string {
  switch (value.kind) {
    case 'boolean':
      return 'Boolean';
    case 'switch':
      return 'switch (`true` passes it)';
    case 'integer':
      return `${value.typeName}, ${value.min} to ${value.max}`;
    case 'enum':
      return list(value.values.map(code));
    case 'string':
      return value.format === 'text' ? 'string' : `string: ${FORMAT_NAMES[value.format]}`;
    case 'array':
      return value.items.kind === 'object'
        ? `array of ${value.items.spec.title} objects`
        : `array of ${valueText(value.items, property)}${property.joinedWith ? ` (passed as one string, joined by ${code(property.joinedWith)})` : ''}`;
    case 'object':
      return 'object';
  }
}

/** The table of one object's keys, for docs/format.md. */
function keysTable(spec: ObjectSpec): string {
  const rows = spec.properties.map((p) => {
    const notes = [p.required ? 'required' : '', p.default !== undefined ? `default ${code(JSON.stringify(p.default))}` : '', p.since ? `from ${p.since}` : '', p.grant ? `granted with ${p.grant.cmdlet}` : '', p.references ? `names an entry of ${code(p.references)}` : '']
      .filter(Boolean)
      .join('; ');
    const none = p.nullMeans ? `; or \`null\`: ${p.nullMeans.summary}` : '';
    return `| ${code(p.name)} | ${valueText(p.value, p)}${none} | ${notes} |`;
  });
  const header = spec.cmdlet ? `Keys are parameters of **${spec.cmdlet}**.\n\n` : '';
  return `${header}| Key | Value | Notes |\n|---|---|---|\n${rows.join('\n')}`;
}

function everyProperty(): { spec: ObjectSpec; property: PropertySpec }[] {
  return OBJECT_SPECS.flatMap((spec) => spec.properties.map((property) => ({ spec, property })));
}

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

function leafValue(value: ValueSpec): ValueSpec {
  return value.kind === 'array' ? leafValue(value.items) : value;
}

const GENERATED: Record<string, () => string> = {
  LT005: () =>
    bullets(
      OBJECT_SPECS.filter((s) => s.cmdlet && s.commandOnly).map(
        (s) => `${s.cmdlet}: ${list(s.commandOnly!.filter((name) => !COMMON_PARAMETERS.includes(name)).map(code)) || 'none'}`,
      ),
    ),
  LT102: () =>
    bullets(
      everyProperty()
        .filter(({ property }) => leafValue(property.value).kind === 'enum')
        .map(({ spec, property }) => `${keyPath(spec, property.name)}: ${valueText(leafValue(property.value), property)}`),
    ),
  LT103: () =>
    bullets(
      everyProperty()
        .filter(({ property }) => property.value.kind === 'integer')
        .map(({ spec, property }) => `${keyPath(spec, property.name)}: ${valueText(property.value, property)}`),
    ),
  LT104: () =>
    bullets(
      everyProperty()
        .filter(({ property }) => {
          const leaf = leafValue(property.value);
          return leaf.kind === 'string' && leaf.format !== 'text' && !property.notEmitted;
        })
        .map(({ spec, property }) => `${keyPath(spec, property.name)}: ${valueText(property.value, property)}`),
    ),
  LT108: () =>
    bullets(
      everyProperty()
        .filter(({ property }) => property.joinedWith !== undefined)
        .map(({ spec, property }) => `${keyPath(spec, property.name)}: passed to ${spec.cmdlet} as one string, the items joined by ${code(property.joinedWith!)}`),
    ),
  LT201: () =>
    bullets(
      OBJECT_SPECS.filter((s) => s.properties.some((p) => p.required)).map(
        (s) => `${place(s) ? code(place(s)) : 'the top level'}: ${list(s.properties.filter((p) => p.required).map((p) => code(p.name)))}`,
      ),
    ),
  LT203: () =>
    bullets(
      SERVER_VERSIONS.flatMap((version) => {
        const names = everyProperty().filter(({ property }) => property.since === version);
        return names.length === 0 ? [] : [`from ${version}: ${list(names.map(({ spec, property }) => keyPath(spec, property.name)))}`];
      }),
    ),
  unique: () =>
    bullets(
      [...SECTIONS_BY_KEY.values()].flatMap((spec) =>
        (spec.section.unique ?? []).map(
          (key) =>
            `${code(`${spec.section.key}[].${key.keys.join('` or `')}`)}: compared with every other ${key.scope}${key.compare === 'ignoreCase' ? ', without regard to case' : ', exactly'}${spec.section.names?.includes(key.keys[0]) ? ' (the entry\'s name: LT501)' : ' (LT502)'}`,
        ),
      ),
    ),
  ...Object.fromEntries(OBJECT_SPECS.map((s) => [`keys:${s === TOPOLOGY ? 'topology' : place(s)}`, () => keysTable(s)])),
};

/** `text` with every catalog marker's content written anew; throws on a marker the catalog cannot fill. */
export function fillCatalogMarkers(text: string): string {
  return text.replace(/(<!-- catalog:(.+?):begin -->\n)[^]*?(<!-- catalog:\2:end -->)/g, (_, begin: string, name: string, end: string) => {
    const make = GENERATED[name];
    if (!make) throw new Error(`no catalog content named ${name}`);
    return `${begin}${make()}\n${end}`;
  });
}
