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
  readonly recreate?: () => { readonly steps: readonly Ordered[]; readonly replaces: readonly Ordered[] };
}

/**
 * `steps` in procedure order (ascending `order`, then as given), except that a step waits for every step that
 * provides what it needs: the smallest reordering with which no cmdlet is asked to take a value another object
 * still holds. Objects that exchange values (a cycle of Set- steps) go through their `recreate`, one per cycle.
 * Time: O(n log n) in the steps, plus the tokens they hand over.
 * @throws Error when steps wait for each other and none can be made a removal and a creation: a fault of the
 *   planner, never of the files, since every cycle goes through a Set- that moves a unique value.
 */
export function schedule(steps: readonly Ordered[]): Ordered[] {
  let base = steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.order - b.step.order || a.index - b.index).map((s) => s.step);
  for (;;) {
    const { ordered, waiting } = run(base);
    if (waiting.length === 0) return ordered;
    const swapped = new Map(cycles(waiting).map((cycle) => [swappable(cycle), swappable(cycle).recreate!()]));
    const dropped = new Set([...swapped.values()].flatMap((r) => r.replaces));
    base = base.flatMap((s) => swapped.get(s)?.steps ?? (dropped.has(s) ? [] : [s]));
  }
}

/** One pass: each step as soon as nothing still to run provides what it needs; `waiting` are those that never were. */
function run(base: readonly Ordered[]): { ordered: Ordered[]; waiting: Ordered[] } {
  const pending = new Map<string, number>();
  for (const s of base) for (const token of s.provides) pending.set(token, (pending.get(token) ?? 0) + 1);
  const blocks = (s: Ordered, token: string) => (pending.get(token) ?? 0) > (s.provides.includes(token) ? 1 : 0);
  const position = new Map(base.map((s, i) => [s, i]));
  const waitersOf = new Map<string, Ordered[]>();
  const waiting = new Set<Ordered>();
  const ordered: Ordered[] = [];
  // Steps freed by the last one run, earliest in the procedure first; always before the next step of `base`.
  const freed = new Heap<Ordered>((a, b) => position.get(a)! - position.get(b)!);
  const emit = (s: Ordered) => {
    ordered.push(s);
    for (const token of s.provides) {
      pending.set(token, pending.get(token)! - 1);
      for (const w of waitersOf.get(token) ?? []) {
        if (!waiting.has(w) || w.needs.some((t) => blocks(w, t))) continue;
        waiting.delete(w);
        freed.push(w);
      }
    }
  };
  for (const s of base) {
    const blocking = s.needs.filter((t) => blocks(s, t));
    if (blocking.length > 0) {
      waiting.add(s);
      for (const token of blocking) listed(waitersOf, token).push(s);
      continue;
    }
    emit(s);
    for (let next = freed.pop(); next; next = freed.pop()) emit(next);
  }
  return { ordered, waiting: base.filter((s) => waiting.has(s)) };
}

/**
 * The cycles among `waiting` steps, each held by the next: their strongly connected components of two or more
 * (Tarjan's algorithm, without recursion), each in the order of `waiting`.
 */
function cycles(waiting: readonly Ordered[]): Ordered[][] {
  const providers = new Map<string, Ordered[]>();
  for (const s of waiting) for (const token of s.provides) listed(providers, token).push(s);
  const rank = new Map(waiting.map((s, i) => [s, i]));
  const heldBy = (s: Ordered) => [...new Set(s.needs.flatMap((t) => providers.get(t) ?? []))].filter((o) => o !== s);
  const index = new Map<Ordered, number>();
  const low = new Map<Ordered, number>();
  const stack: Ordered[] = [];
  const onStack = new Set<Ordered>();
  const found: Ordered[][] = [];
  for (const root of waiting) {
    if (index.has(root)) continue;
    const frames: { node: Ordered; next: Ordered[]; at: number }[] = [];
    const open = (node: Ordered) => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
      frames.push({ node, next: heldBy(node), at: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.at < frame.next.length) {
        const to = frame.next[frame.at++];
        if (!index.has(to)) open(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      frames.pop();
      if (frames.length > 0) low.set(frames[frames.length - 1].node, Math.min(low.get(frames[frames.length - 1].node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: Ordered[] = [];
      let member: Ordered;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1) found.push(component.sort((a, b) => rank.get(a)! - rank.get(b)!));
    }
  }
  return found;
}

/** The step of a cycle that is made a removal and a creation: the first in the procedure that can be. */
function swappable(cycle: readonly Ordered[]): Ordered {
  const step = cycle.find((s) => s.recreate);
  if (!step) throw new Error(`plan: ${cycle.map((s) => s.step.cmdlet).join(', ')} wait for each other`);
  return step;
}

/** The list under `key`, made empty when there is none. */
function listed<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** A binary min-heap under `before`. */
class Heap<T> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < items.length && this.before(items[l], items[least]) < 0) least = l;
      if (r < items.length && this.before(items[r], items[least]) < 0) least = r;
      if (least === i) break;
      [items[i], items[least]] = [items[least], items[i]];
      i = least;
    }
    return top;
  }
}
