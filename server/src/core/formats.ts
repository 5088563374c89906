import type { StringFormat } from './catalog';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Two or more host-name labels; also the JSON schema's pattern for FQDNs. */
export const HOST_NAME_PATTERN = `^${LABEL}(?:\\.${LABEL})+$`;
const HOST_NAME = new RegExp(HOST_NAME_PATTERN);

/** A host name of two or more labels whose last label is not numeric, so that IP addresses do not pass. */
export function isFqdn(text: string): boolean {
  return text.length <= 253 && HOST_NAME.test(text) && !/^\d+$/.test(text.slice(text.lastIndexOf('.') + 1));
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

/** What each format expects, as messages say it. */
export const FORMAT_NAMES: Record<StringFormat, string> = {
  fqdn: 'a fully qualified domain name such as proxyserver.fabrikam.com',
  text: 'a name that is not empty',
  sipDomain: 'a SIP domain name such as contoso.com',
  url: 'an http or https URL',
};

export function matchesFormat(format: StringFormat, text: string): boolean {
  switch (format) {
    case 'fqdn':
    case 'sipDomain':
      return isFqdn(text);
    case 'url':
      return isUrl(text);
    case 'text':
      return text.trim().length > 0;
  }
}
