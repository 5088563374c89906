import { entryName, nameProperty, spanOf } from '../model';
import type { Rule } from './rule';

export const ownDomainAllowed: Rule = {
  code: 'LT601',
  name: 'own-domain-allowed',
  severity: 'warning',
  check({ model, report }) {
    const own = new Map(model.sipDomains.map((d) => [d.value.toLowerCase(), d.value]));
    for (const entry of model.sections.get('AllowedDomains') ?? []) {
      const domain = entryName(entry);
      const sipDomain = domain === undefined ? undefined : own.get(domain.toLowerCase());
      if (sipDomain === undefined) continue;
      report(
        spanOf(nameProperty(entry)!.valueNode!),
        `\`${entry.path}\` allows ${JSON.stringify(domain)}, which is this deployment's own SIP domain ${JSON.stringify(sipDomain)} (\`SipDomains\`). The allowed list is for partners' domains; remove it.`,
      );
    }
  },
};
