import { spanOf, stringValue, type ObjectModel } from '../model';
import type { RuleContext } from './rule';

/**
 * Reports each hosting provider whose `name` repeats, ignoring case, one given by an earlier provider;
 * `index` holds the providers by that value, in file order. `message` gets each provider's value as written.
 */
export function reportRepeatedProviderValues(
  report: RuleContext['report'],
  index: ReadonlyMap<string, readonly ObjectModel[]>,
  name: string,
  message: (value: string, first: ObjectModel, firstValue: string) => string,
): void {
  for (const providers of index.values()) {
    const firstValue = stringValue(providers[0].byName.get(name))!;
    for (const provider of providers.slice(1)) {
      const node = provider.byName.get(name)!.valueNode!;
      report(spanOf(node), message(stringValue(provider.byName.get(name))!, providers[0], firstValue));
    }
  }
}
