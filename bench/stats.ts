/** Median and 95th percentile (nearest rank) of a set of timings. */
export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: round(rank(0.5)), p95: round(rank(0.95)), runs: sorted.length };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Milliseconds an async step takes. */
export async function time(step: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await step();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
