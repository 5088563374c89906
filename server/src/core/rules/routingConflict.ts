import { keySpan } from '../model';
import type { Rule } from './rule';
import { chosenSwitches } from '../facts/routing';

export const routingConflict: Rule = {
  code: 'LT301',
  name: 'routing-conflict',
  severity: 'error',
  check({ model, report }) {
    const edge = model.accessEdge;
    if (!edge) return;
    const switches = chosenSwitches(edge);
    if (switches.length < 2) return;
    report(
      keySpan(switches[switches.length - 1]),
      `\`${switches[0].spec!.name}\` and \`${switches[1].spec!.name}\` are both true, but the Edge Server uses one routing method. Set one of them to false.`,
    );
  },
};
