import { spanOf, stringValue, type ObjectModel } from '../model';
import type { RuleContext } from './rule';

/** Reports each hosting provider whose `name` repeats, ignoring case, one given by an earlier provider. */
export function reportRepeatedProviderValues(
  { model, report }: Pick<RuleContext, 'model' | 'report'>,
  name: string,
  message: (value: string, first: ObjectModel) => string,
): void {
  const seen = new Map<string, ObjectModel>();
  for (const provider of model.providers) {
    const property = provider.byName.get(name);
    const value = stringValue(property);
    if (value === undefined || !property?.valueNode) continue;
    const first = seen.get(value.toLowerCase());
    if (first) report(spanOf(property.valueNode), message(value, first));
    else seen.set(value.toLowerCase(), provider);
  }
}
