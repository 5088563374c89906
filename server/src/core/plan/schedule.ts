import type { ParameterValue } from '../argument';

/** One command of a plan, as `--format json` gives it. */
export interface PlanStep {
  readonly action: 'new' | 'set' | 'remove' | 'grant';
  readonly cmdlet: string;
  /** The object the command is about; null for the Edge settings, of which there is one. */
  readonly identity: string | null;
  /** Parameter name to value, -Identity first; a switch is `true`; `null` is passed as `$Null`. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly reason: string;
}

/**
 * A step with its place in the documented procedure and what it hands over to the steps around it. A token
 * is a unique value in its scope (`display number` and a number) or an object being there: a removal provides
 * the values it gives up, a Set- that moves an object off a value provides the old one and needs the new one,
 * a New- needs its values and provides its object, a grant needs the object and the policy.
 */
export interface Ordered {
  readonly order: number;
  readonly step: PlanStep;
  readonly provides: readonly string[];
  readonly needs: readonly string[];
  /**
   * For a Set- that moves a unique value: the same change as a removal and a creation, used when objects
   * exchange values (one Set- would take a value another still holds, whichever runs first); `replaces` are the
   * other steps of that object the creation makes anew (its grants).
   */
  readonly recreate?: { readonly steps: readonly Ordered[]; readonly replaces: readonly Ordered[] };
}

/**
 * `steps` in procedure order (ascending `order`, then as given), except that a step waits for every step that
 * provides what it needs: the smallest reordering with which no cmdlet is asked to take a value another object
 * still holds. Objects that exchange values (a cycle of Set- steps) go through their `recreate`.
 * @throws Error when steps wait for each other and none can be made a removal and a creation: a fault of the
 *   planner, never of the files, since every cycle goes through a Set- that moves a unique value.
 */
export function schedule(steps: readonly Ordered[]): Ordered[] {
  let base = steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.order - b.step.order || a.index - b.index).map((s) => s.step);
  for (;;) {
    const { ordered, waiting } = run(base);
    if (waiting.length === 0) return ordered;
    const swapped = onCycle(waiting);
    const dropped = new Set([swapped, ...swapped.recreate!.replaces]);
    const at = base.slice(0, base.indexOf(swapped)).filter((s) => !dropped.has(s)).length;
    base = base.filter((s) => !dropped.has(s));
    base.splice(at, 0, ...swapped.recreate!.steps);
  }
}

/** One pass: each step as soon as nothing still to run provides what it needs; `waiting` are those that never were. */
function run(base: readonly Ordered[]): { ordered: Ordered[]; waiting: Ordered[] } {
  const pending = new Map<string, number>();
  for (const s of base) for (const token of s.provides) pending.set(token, (pending.get(token) ?? 0) + 1);
  const ready = (s: Ordered) => s.needs.every((token) => (pending.get(token) ?? 0) === (s.provides.includes(token) ? 1 : 0));
  const ordered: Ordered[] = [];
  const waiting: Ordered[] = [];
  const emit = (s: Ordered) => {
    ordered.push(s);
    for (const token of s.provides) pending.set(token, pending.get(token)! - 1);
  };
  for (const s of base) {
    if (!ready(s)) {
      waiting.push(s);
      continue;
    }
    emit(s);
    for (let i = 0; s.provides.length > 0 && i < waiting.length; ) {
      if (!ready(waiting[i])) i++;
      else {
        emit(waiting.splice(i, 1)[0]);
        i = 0;
      }
    }
  }
  return { ordered, waiting };
}

/** A step that can be made a removal and a creation on a cycle of `waiting` steps, each held by the next. */
function onCycle(waiting: readonly Ordered[]): Ordered {
  const path: Ordered[] = [];
  let current = waiting[0];
  while (!path.includes(current)) {
    path.push(current);
    const step = current;
    current = waiting.find((o) => o !== step && o.provides.some((token) => step.needs.includes(token)))!;
  }
  const cycle = path.slice(path.indexOf(current));
  const swappable = waiting.find((s) => cycle.includes(s) && s.recreate);
  if (!swappable) throw new Error(`plan: ${cycle.map((s) => s.step.cmdlet).join(', ')} wait for each other`);
  return swappable;
}
