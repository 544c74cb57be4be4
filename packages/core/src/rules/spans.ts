import type { Hit } from "./rule.js";

/** A finding before it is dressed: the span of the original text and the one-click fix, if any. */
export interface Span {
  start: number;
  end: number;
  replacement?: string;
}

export const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start - b.start || b.end - a.end;

/** Drops hits that lie inside one of `covers` (an exception phrase, the exact canonical form). */
export function outside(hits: readonly Hit[], covers: readonly Hit[]): Hit[] {
  if (covers.length === 0) return [...hits];
  return hits.filter((h) => !isCovered(h, covers));
}

export function isCovered(h: Hit, covers: readonly Hit[]): boolean {
  // a loop, not covers.some(): this runs for each of a big word list's thousand hits per post
  for (const c of covers) if (c.start <= h.start && h.end <= c.end) return true;
  return false;
}

/**
 * Leftmost-longest: of overlapping hits keep the one that starts first, and the longer of equals;
 * of equal hits, the first given.
 */
export function longestFirst<T extends { start: number; end: number }>(hits: readonly T[]): T[] {
  // a scan reports hits by end, which is already this order unless one hit nests inside a later one
  let sorted = true;
  for (let i = 1; i < hits.length && sorted; i++) sorted = byPosition(hits[i - 1] as T, hits[i] as T) <= 0;
  if (sorted) return keepLeftmost(hits);
  // the stack below needs hits in end order, none of them empty: an empty hit at a kept hit's end
  // touches it without overlapping, and the stack would drop it
  let byEnd = true;
  for (let i = 0; i < hits.length && byEnd; i++) {
    const h = hits[i] as T;
    byEnd = h.start < h.end && (i === 0 || (hits[i - 1] as T).end <= h.end);
  }
  return byEnd ? keepLeftmostByEnd(hits) : keepLeftmost([...hits].sort(byPosition));
}

/** Hits sorted by position: keep each that starts where the last kept one ended, or later. */
function keepLeftmost<T extends { start: number; end: number }>(ordered: readonly T[]): T[] {
  const kept: T[] = [];
  let lastEnd = -1;
  for (const h of ordered) {
    if (h.start < lastEnd) continue;
    kept.push(h);
    lastEnd = h.end;
  }
  return kept;
}

/**
 * The same for hits in the order a scan reports them, by end, without sorting them (a word list
 * whose terms nest, 人民 in 人民共和国, sorted a thousand hits per post): a hit replaces the kept
 * hits that start after it (or at its start and end sooner), unless a kept hit that starts before
 * it overlaps it. Every hit it replaces lies inside it, so whatever they had blocked, it blocks.
 * A hit that is blocked costs the kept hits above the one blocking it, which nest in it: a few.
 */
function keepLeftmostByEnd<T extends { start: number; end: number }>(hits: readonly T[]): T[] {
  const kept: T[] = [];
  for (const h of hits) {
    let below = kept.length;
    for (; below > 0; below--) {
      const k = kept[below - 1] as T;
      if (k.start < h.start || (k.start === h.start && k.end >= h.end)) break;
    }
    const before = kept[below - 1];
    if (before !== undefined && before.end > h.start) continue;
    while (kept.length > below) kept.pop();
    kept.push(h);
  }
  return kept;
}
