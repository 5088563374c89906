import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, compared ignoring case, when it is close enough to be a likely
 * misspelling (at most a third of its letters differ) and no other candidate is as close.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && candidate.toLowerCase() !== best?.toLowerCase()) {
      tied = true;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(word.length, best?.length ?? 0) / 3));
  return bestDistance <= limit && !tied ? best : undefined;
}
