import type { PropertySpec } from './types';

/**
 * The two ways New-CsAllowedDomain and New-CsBlockedDomain name a domain: `-Identity` (parameter set
 * Identity) or `-Domain` (set ParentAndRelativeKey); exactly one is given and sets the other.
 */
export function domainNames(list: 'allowed' | 'blocked'): PropertySpec[] {
  const common = {
    value: { kind: 'string', format: 'sipDomain' },
    insertValue: '<domain name, such as fabrikam.com>',
  } as const;
  return [
    {
      name: 'Identity',
      ...common,
      description: `The domain to put on the ${list} list, such as \`fabrikam.com\`. Give \`Identity\` or \`Domain\`, not both; the cmdlet sets the other to the same value.`,
      parameterSets: ['Identity'],
    },
    {
      name: 'Domain',
      ...common,
      description: `The domain to put on the ${list} list: the other way to name it, instead of \`Identity\`.`,
      parameterSets: ['ParentAndRelativeKey'],
    },
  ];
}

/** A domain is on the allowed list or on the blocked list, once: both lists share one scope. */
export const FEDERATION_DOMAIN_SCOPE = { keys: ['Identity', 'Domain'], scope: 'federation domain', compare: 'ignoreCase', noun: 'domain' } as const;
