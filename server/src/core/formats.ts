import type { StringFormat } from './catalog';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Two or more host-name labels; also the JSON schema's pattern for FQDNs. */
export const HOST_NAME_PATTERN = `^${LABEL}(?:\\.${LABEL})+$`;
const HOST_NAME = new RegExp(HOST_NAME_PATTERN);

/** A host name of two or more labels whose last label is not numeric, so that IP addresses do not pass. */
export function isFqdn(text: string): boolean {
  return text.length <= 253 && HOST_NAME.test(text) && !/^\d+$/.test(text.slice(text.lastIndexOf('.') + 1));
}

/** The pattern Set-CsHostedVoicemailPolicy documents for Destination (here with two labels at least), and its length limit. */
export const DESTINATION_PATTERN = '^[a-zA-Z0-9_-]+(?:\\.[a-zA-Z0-9_-]+)+$';
const DESTINATION = new RegExp(DESTINATION_PATTERN);
const MAX_DESTINATION_LENGTH = 255;

/** `sip:user@host`, the form New-CsExUmContact requires of SipAddress. */
export const SIP_ADDRESS_PATTERN = `^[sS][iI][pP]:[^@\\s:;]+@${LABEL}(?:\\.${LABEL})+$`;
const SIP_ADDRESS = new RegExp(SIP_ADDRESS_PATTERN);

/** New-CsExUmContact's DisplayNumber: an optional plus, then digits, the first not zero. */
export const PHONE_NUMBER_PATTERN = '^\\+?[1-9][0-9]*$';
const PHONE_NUMBER = new RegExp(PHONE_NUMBER_PATTERN);

/** An LDAP distinguished name: `attribute=value` parts separated by commas, a comma in a value escaped. */
const DISTINGUISHED_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9-]*=(?:\\\\.|[^,\\\\])+(?:,\\s*[A-Za-z][A-Za-z0-9-]*=(?:\\\\.|[^,\\\\])+)*$';
const DISTINGUISHED_NAME = new RegExp(DISTINGUISHED_NAME_PATTERN);
/**
 * An organizational unit's own name, as the Lync Server 2013 topic on contact objects for hosted Exchange UM passes
 * `-OU` ("HostedExUM Integration"): not empty, no spaces at either end, and no `=`, which only a distinguished name has.
 */
const UNIT_NAME_PATTERN = '^[^=\\s](?:[^=]*[^=\\s])?$';
/** What New-CsExUmContact's -OU (an OUIdParameter) is given: a distinguished name, or the unit's name (LT109). */
export const ORGANIZATIONAL_UNIT_PATTERN = `${DISTINGUISHED_NAME_PATTERN}|${UNIT_NAME_PATTERN}`;
const ORGANIZATIONAL_UNIT = new RegExp(ORGANIZATIONAL_UNIT_PATTERN);

/** Whether an organizational unit is named by its distinguished name, the one form New-CsExUmContact's reference shows. */
export function isDistinguishedName(text: string): boolean {
  return DISTINGUISHED_NAME.test(text);
}

/**
 * An attribute value of a distinguished name as the characters it stands for (RFC 4514 §2.4, §3): `\` and a
 * character is that character, `\` and two hex digits a byte of its UTF-8 encoding; spaces at either end that are
 * not escaped are no part of it.
 */
function attributeValue(written: string): string {
  const units = [...written.matchAll(/\\([0-9A-Fa-f]{2})|\\(.)|(.)/gsu)];
  const isSpace = (unit: RegExpMatchArray) => unit[3] !== undefined && unit[3].trim() === '';
  let [start, end] = [0, units.length];
  while (start < end && isSpace(units[start])) start++;
  while (end > start && isSpace(units[end - 1])) end--;
  const encoder = new TextEncoder();
  const bytes = units.slice(start, end).flatMap(([, hex, escaped, plain]) => (hex ? [parseInt(hex, 16)] : [...encoder.encode(escaped ?? plain)]));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The parts of a distinguished name as `attribute=value`, each value as the characters it stands for, in lower case. */
function distinguishedNameParts(text: string): string[] {
  return (text.match(/(?:\\.|[^,\\])+/g) ?? []).map((part) => {
    const equals = part.indexOf('=');
    return `${part.slice(0, equals).trim()}=${attributeValue(part.slice(equals + 1))}`.toLowerCase();
  });
}

/**
 * Whether two values of an organizational unit name the same unit as far as their text tells: two distinguished
 * names part by part, without regard to letter case or to spaces around the separators, as the directory compares
 * them; a unit's own name with the first part of a distinguished name (which unit of that name it is, only the
 * directory knows: LT109).
 */
export function sameOrganizationalUnit(a: string, b: string): boolean {
  const [dnA, dnB] = [isDistinguishedName(a), isDistinguishedName(b)];
  if (dnA && dnB) {
    const [partsA, partsB] = [distinguishedNameParts(a), distinguishedNameParts(b)];
    return partsA.length === partsB.length && partsA.every((part, i) => part === partsB[i]);
  }
  if (!dnA && !dnB) return a.toLowerCase() === b.toLowerCase();
  const [dn, name] = dnA ? [a, b] : [b, a];
  const first = distinguishedNameParts(dn)[0];
  return first.slice(first.indexOf('=') + 1) === name.toLowerCase();
}

export function isUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** The JSON schema pattern of each format that has one. */
export const FORMAT_PATTERNS: Partial<Record<StringFormat, string>> = {
  fqdn: HOST_NAME_PATTERN,
  sipDomain: HOST_NAME_PATTERN,
  hostName: DESTINATION_PATTERN,
  sipAddress: SIP_ADDRESS_PATTERN,
  phoneNumber: PHONE_NUMBER_PATTERN,
  organizationalUnit: ORGANIZATIONAL_UNIT_PATTERN,
};

/** What each format expects, as messages and the docs say it. */
export const FORMAT_NAMES: Record<StringFormat, string> = {
  fqdn: 'a fully qualified domain name such as proxyserver.fabrikam.com',
  text: 'any text, empty too',
  name: 'a name that is not empty, without spaces at either end',
  sipDomain: 'a SIP domain name such as contoso.com',
  url: 'an http or https URL',
  hostName: 'an FQDN of at most 255 characters made of letters, digits, hyphens and underscores, such as exap.um.outlook.com',
  sipAddress: 'a SIP address starting with sip:, such as sip:exumaa1@contoso.com',
  phoneNumber: 'a phone number: an optional +, then digits, the first not 0, such as +14255550101',
  organizationalUnit: "the distinguished name of an organizational unit, such as OU=ExUmContacts,DC=contoso,DC=com, or the unit's own name",
};

export function matchesFormat(format: StringFormat, text: string): boolean {
  switch (format) {
    case 'fqdn':
    case 'sipDomain':
      return isFqdn(text);
    case 'url':
      return isUrl(text);
    // Free text (a comment, a description): a String parameter takes any, and an empty one clears it.
    case 'text':
      return true;
    // PowerShell passes the spaces on, so " P1" names another object than the "P1" a grant or a list writes.
    case 'name':
      return text.length > 0 && text.trim() === text;
    case 'hostName':
      return text.length <= MAX_DESTINATION_LENGTH && DESTINATION.test(text);
    case 'sipAddress':
      return SIP_ADDRESS.test(text);
    case 'phoneNumber':
      return PHONE_NUMBER.test(text);
    case 'organizationalUnit':
      return ORGANIZATIONAL_UNIT.test(text);
  }
}

/**
 * What is wrong with `text`, which does not match `format`, as a message goes on after naming the setting:
 * `is empty: it must be ...`, `is 300 characters long: ...`, `has spaces at either end: ...`, or
 * `must be ...; "x" is not.`
 */
export function formatProblem(format: StringFormat, text: string): string {
  const expected = FORMAT_NAMES[format];
  const trimmed = text.trim();
  if (trimmed === '') return `is ${text === '' ? 'empty' : 'blank'}: it must be ${expected}.`;
  // PowerShell passes the spaces on, so the value names or says something other than what was meant.
  if (trimmed !== text && matchesFormat(format, trimmed))
    return `has spaces at either end: it must be ${expected}, and PowerShell passes the spaces on, so ${JSON.stringify(text)} is not the same as ${JSON.stringify(trimmed)}.`;
  if (format === 'hostName' && text.length > MAX_DESTINATION_LENGTH) return `is ${text.length} characters long: it must be ${expected}.`;
  return `must be ${expected}; ${JSON.stringify(text)} is not.`;
}
