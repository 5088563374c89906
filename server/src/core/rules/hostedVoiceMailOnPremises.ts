import { keySpan } from '../model';
import type { Rule } from './rule';

export const hostedVoiceMailOnPremises: Rule = {
  code: 'LT902',
  name: 'hosted-voice-mail-on-premises',
  severity: 'warning',
  check({ model, report }) {
    if (model.mode !== 'OnPremises' || !model.root) return;
    for (const property of model.root.byName.values()) {
      const value = property.spec?.value;
      const section = value?.kind === 'array' && value.items.kind === 'object' ? value.items.spec.section : undefined;
      if (!section?.hostedVoiceMail || (model.sections.get(section.key) ?? []).length === 0) continue;
      report(
        keySpan(property),
        `\`${section.key}\` sets up hosted voice mail, but \`ExchangeUM.Mode\` is OnPremises, where Exchange UM runs on your own servers and needs no hosted voice mail policy, user setting or contact of this kind. Use Mode CrossPremises or Mixed, or remove the section.`,
      );
    }
  },
};
