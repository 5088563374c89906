import { OBJECT_SPECS, TOPOLOGY, type ValueSpec } from '../server/src/core';

/** TextMate grammar of topology files: JSON with comments, in which the catalog's names and values have scopes of their own. */

function alternatives(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

function enumValues(value: ValueSpec): string[] {
  if (value.kind === 'enum') return [...value.values];
  if (value.kind === 'array') return enumValues(value.items);
  return [];
}

function key(names: string, scope: string) {
  return {
    match: `(")(${names})(")\\s*(?=:)`,
    captures: {
      1: { name: 'punctuation.support.type.property-name.begin.lync-topology' },
      2: { name: scope },
      3: { name: 'punctuation.support.type.property-name.end.lync-topology' },
    },
  };
}

export function topologyGrammar(): Record<string, unknown> {
  const parameterObjects = OBJECT_SPECS.filter((spec) => spec !== TOPOLOGY);
  const sections = TOPOLOGY.properties.map((p) => p.name);
  const parameters = parameterObjects.flatMap((o) => o.properties.map((p) => p.name)).filter((name) => !sections.includes(name));
  const values = OBJECT_SPECS.flatMap((o) => o.properties.flatMap((p) => enumValues(p.value)));
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Lync Topology',
    scopeName: 'source.lync-topology',
    patterns: [
      { include: '#comments' },
      key(alternatives(sections), 'entity.name.section.lync-topology'),
      key(alternatives(parameters), 'support.type.property-name.parameter.lync-topology'),
      { name: 'support.type.property-name.lync-topology', match: '"(?:[^"\\\\]|\\\\.)*"(?=\\s*:)' },
      { name: 'support.constant.enum.lync-topology', match: `"(?:${alternatives(values)})"` },
      { include: '#string' },
      { name: 'constant.language.boolean.lync-topology', match: '\\b(?:true|false)\\b' },
      { name: 'constant.language.null.lync-topology', match: '\\bnull\\b' },
      { name: 'constant.numeric.lync-topology', match: '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?' },
      { name: 'punctuation.separator.dictionary.key-value.lync-topology', match: ':' },
      { name: 'punctuation.separator.comma.lync-topology', match: ',' },
      { name: 'punctuation.definition.dictionary.lync-topology', match: '[{}]' },
      { name: 'punctuation.definition.array.lync-topology', match: '[\\[\\]]' },
    ],
    repository: {
      comments: {
        patterns: [
          { name: 'comment.block.lync-topology', begin: '/\\*', end: '\\*/' },
          { name: 'comment.line.double-slash.lync-topology', match: '//.*$' },
        ],
      },
      string: {
        name: 'string.quoted.double.lync-topology',
        begin: '"',
        end: '"|$',
        patterns: [{ name: 'constant.character.escape.lync-topology', match: '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})' }],
      },
    },
  };
}
