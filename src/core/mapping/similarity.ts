/** How alike two texts are, as token sets of folded words, and the one way the mapper picks the likeliest. Pure. */

/** Token set of folded words. */
export function tokens(folded: string): Set<string> {
  const out = new Set<string>();
  if (!folded) return out;
  for (const t of folded.split(' ')) if (t) out.add(t);
  return out;
}

/** Dice similarity of two token sets, and how much of `a` lies in `b`. */
export function overlap(a: Set<string>, b: Set<string>): { dice: number; containment: number } {
  if (a.size === 0 || b.size === 0) return { dice: 0, containment: 0 };
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) common++;
  return { dice: (2 * common) / (a.size + b.size), containment: common / a.size };
}

/** Text similarity for indicator texts: Dice, or containment for an abbreviated text. */
export function similarity(a: Set<string>, b: Set<string>): number {
  const { dice, containment } = overlap(a, b);
  // A short text is contained in many: it never reaches a match on containment alone.
  const weight = a.size >= 6 ? 0.9 : a.size >= 4 ? 0.75 : 0.45;
  return Math.max(dice, containment * weight);
}

export interface Best<T> {
  item: T;
  score: number;
  /** The highest score of the other candidates (undefined when there was no other). */
  second: number | undefined;
}

/**
 * The candidate with the highest score (the first of equals), and the runner-up's score.
 * A candidate scored `undefined` takes no part. Null when none does.
 */
export function best<T>(candidates: Iterable<T>, score: (candidate: T) => number | undefined): Best<T> | null {
  let top: Best<T> | null = null;
  for (const candidate of candidates) {
    const s = score(candidate);
    if (s === undefined) continue;
    if (!top) top = { item: candidate, score: s, second: undefined };
    else if (s > top.score) top = { item: candidate, score: s, second: top.score };
    else if (top.second === undefined || s > top.second) top.second = s;
  }
  return top;
}
