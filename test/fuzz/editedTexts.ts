import fc from 'fast-check';
import { generateProcedureTopology, generateTopology } from '../../bench/topology';
import { EXAMPLES, repoFile } from '../helpers';

/** Texts to edit, and edits aimed where the incremental analysis draws its lines: shared by the core and server tests. */

/** Entries of every list section, each starting on the line where the one before it ends, at varied indentation. */
export const SAME_LINE = `{ "SipDomains": ["contoso.com"],
  "AllowedDomains": [ { "Identity": "fabrikam.com" }, { "Domain": "FABRIKAM.com",
      "Comment": "again" },
    { "Identity": "contoso.com" } ],
  "BlockedDomains": [
    { "Identity": "adatum.com" }, {
  "Comment": "no name" } ],
  "HostingProviders": [ { "Identity": "P", "Enabled": true,
    "ProxyFqdn": "p.fabrikam.com" }, { "Identity": "p", "Enabled": "yes" } ],
  "HostedVoicemailPolicies": [ { "Identity": "global" }, { "Identity": "ExRedmond",
        "Organization": "a.contoso.com,b.contoso.com" }, { "Identity": "Unused", "Destination": "x y" } ],
  "Users": [ { "Identity": "sip:a@contoso.com", "HostedVoiceMail": true }, { "Identity": "kenmyer",
    "HostedVoicemailPolicy": "ExRedmon" }, { "Identity": "SIP:a@contoso.com" } ],
  "ExUmContacts": [ { "SipAddress": "sip:a@contoso.com", "RegistrarPool": "pool.contoso.com", "OU": "OU=X,DC=contoso,DC=com",
    "DisplayNumber": "+1425" }, { "SipAddress": "exum", "DisplayNumber": "+1425", "HostedVoicemailPolicy": "tag:ExRedmond" } ]
}`;

/**
 * Providers laid out so that one ends and the next begins on the same line (`    }, {`), where what a
 * provider's fixes insert depends on text in front of it; also in CRLF and indented by tabs.
 */
const SHARED_LINES = generateTopology(30)
  .replace(/\n {4}\},\n {4}\{/g, '\n    }, {')
  .replace('}, {\n      "Identity": "Provider 3"', '}, {}, {\n      "Identity": "Provider 3"');
export const LAYOUTS = [SHARED_LINES, SHARED_LINES.replace(/\n/g, '\r\n'), SHARED_LINES.replace(/\n((?: {2})+)/g, (_, indent: string) => `\n${'\t'.repeat(indent.length / 2)}`)];

/** A value nested `levels` deep in arrays. */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

/**
 * Files the analysis must follow while they are broken or unusual: a missing comma between entries, an unclosed
 * entry, a text cut off inside an entry, a syntax error far from the edits, stray words and values between entries, suppression comments, a byte order mark, characters outside the
 * Basic Multilingual Plane, and an entry that nests just under the limit of 64 objects and arrays.
 */
export const UNUSUAL = [
  SAME_LINE.replace('}, { "Identity": "p"', '} { "Identity": "p"'),
  SAME_LINE.replace('{ "Identity": "adatum.com" },', '{ "Identity": "adatum.com" ,'),
  SAME_LINE.replace('"ServerVersion"', '"ServerVersion" "x"').replace('"SipDomains": [', '"SipDomains" ['),
  `\ufeff${SAME_LINE.replace('"Unused"', '"Un😀used"').replace('"kenmyer"', '"ken\ud83dmyer"')}`,
  SAME_LINE.replace('  "Users": [', '  // lync-topology-disable-next-line LT405\n  "Users": [').replace('{ "Identity": "kenmyer"', '/* lync-topology-disable-next-line */ { "Identity": "kenmyer"'),
  SAME_LINE.replace('"Comment": "again"', `"Deep": ${nestedArrays(61)}`),
  `${SAME_LINE.slice(0, -2)},\n  "Broken": { "a": 1 ,, }\n}`,
  `${SAME_LINE.slice(0, SAME_LINE.lastIndexOf('"HostedVoicemailPolicy"'))}"Extra": {}`,
  SAME_LINE.replace('{ "Identity": "global" },', '{ "Identity": "global" } x,').replace('"SipDomains": ["contoso.com"],', '"SipDomains": ["contoso.com"], 12 "a",'),
];

export const TEXTS = [...EXAMPLES.map((file) => repoFile(file)), generateTopology(30), ...LAYOUTS, generateProcedureTopology(12, 4, 5), SAME_LINE, ...UNUSUAL];

/** Offsets where a change decides between the paths: at and around braces, brackets, commas, quotes, colons and line breaks. */
export function boundaries(text: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) if ('{}[],":\n/'.includes(text[i])) offsets.push(i - 1, i, i + 1);
  return offsets.filter((o) => o >= 0 && o <= text.length);
}

/** What an edit puts in: structure, comments that open and close, line breaks (in strings, an error), surrogates, a BOM. */
export const INSERTED = fc.oneof(
  fc.constantFrom('', ' ', '\n', '\r\n', '\t', 'x', '1', '"', '{', '}', '[', ']', ',', ':', '//', '// ', '/*', '*/', '/* c */', '// c\n', '\\', '\ufeff', '😀', '\ud83d', '\ude00'),
  fc.constantFrom('},{', '}, {', '{}', ',{}', '{ "Identity": "P" },', '"Enabled": false,', '"HostedVoiceMail": false,', '"Identity": "Provider 3",', 'true', '"x"', nestedArrays(4)),
  fc.constantFrom('// lync-topology-disable-next-line\n', '// lync-topology-disable-next-line LT101\n', '/* lync-topology-disable-next-line */'),
  fc.string({ maxLength: 4 }),
);

/** One change of a text, at a boundary or anywhere, that removes up to a few characters or a longer stretch. */
export interface EditSpec {
  readonly anchor: number;
  readonly atBoundary: boolean;
  readonly shift: number;
  readonly removed: number;
  readonly inserted: string;
}

export const EDIT: fc.Arbitrary<EditSpec> = fc.record({
  anchor: fc.nat(),
  atBoundary: fc.boolean(),
  shift: fc.integer({ min: -2, max: 2 }),
  removed: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 200 }) }),
  inserted: INSERTED,
});

/** The span and text of `edit` in `text`. */
export function placed(text: string, edit: EditSpec): { start: number; end: number; newText: string } {
  const points = edit.atBoundary ? boundaries(text) : [];
  const base = points.length > 0 ? points[edit.anchor % points.length] : edit.anchor % (text.length + 1);
  const start = Math.max(0, Math.min(text.length, base + edit.shift));
  return { start, end: Math.min(text.length, start + edit.removed), newText: edit.inserted };
}
