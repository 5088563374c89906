import { TOPOLOGY, type ObjectSpec, type PropertySpec, type ValueSpec } from './catalog';
import { FORMAT_PATTERNS } from './formats';

type Schema = Record<string, unknown>;

function valueSchema(spec: ValueSpec): Schema {
  switch (spec.kind) {
    case 'boolean':
    case 'switch':
      return { type: 'boolean' };
    case 'integer':
      return {
        type: 'integer',
        minimum: Number(spec.min),
        ...(spec.max <= BigInt(Number.MAX_SAFE_INTEGER) ? { maximum: Number(spec.max) } : {}),
      };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'string':
      if (spec.format === 'url') return { type: 'string', format: 'uri' };
      return FORMAT_PATTERNS[spec.format] ? { type: 'string', pattern: FORMAT_PATTERNS[spec.format] } : { type: 'string' };
    case 'array':
      return { type: 'array', items: valueSchema(spec.items) };
    case 'object':
      return objectSchema(spec.spec);
  }
}

function propertySchema(spec: PropertySpec, object: ObjectSpec): Schema {
  const notes = [spec.description];
  const cmdlet = spec.grant?.cmdlet ?? object.cmdlet;
  if (cmdlet) notes.push(`Parameter of ${cmdlet}.`);
  if (spec.since) notes.push(`From ${spec.since} on.`);
  if (spec.nullMeans) notes.push(`\`null\`: ${spec.nullMeans.description}`);
  const value = valueSchema(spec.value);
  return {
    ...value,
    // A pattern and other keywords of a string apply only to strings, so null stays valid beside them.
    ...(spec.nullMeans ? { type: [value.type, 'null'] } : {}),
    markdownDescription: notes.join(' '),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
  };
}

function objectSchema(spec: ObjectSpec): Schema {
  const required = spec.properties.filter((p) => p.required).map((p) => p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(spec.properties.map((p) => [p.name, propertySchema(p, spec)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** A JSON schema of the topology file, for editors that validate JSON by schema. */
export function topologySchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Lync Topology file',
    description: 'Edge federation and hosted Exchange UM settings of a Lync Server 2013 or Skype for Business Server deployment.',
    allowComments: true,
    allowTrailingCommas: true,
    ...objectSchema(TOPOLOGY),
  };
}
