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

/** The same for hits in the order a scan reports them, by end, none empty: see `ScanOrderSpans`. */
function keepLeftmostByEnd<T extends { start: number; end: number }>(hits: readonly T[]): T[] {
  const kept = new ScanOrderSpans(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as T;
    kept.offer(h.start, h.end, i);
  }
  const spans: T[] = [];
  for (let k = 0; k < kept.length; k++) spans.push(hits[kept.id[k] as number] as T);
  return spans;
}

/**
 * Leftmost-longest of spans offered in the order a scan reports them, by end, none empty, without
 * sorting them (a word list whose terms nest, 人民 in 人民共和国, sorted a thousand hits per post):
 * a span replaces the kept spans that start after it (or at its start and end sooner), unless a
 * kept span that starts before it overlaps it. Every span it replaces lies inside it, so whatever
 * they had blocked, it blocks. A span that is blocked costs the kept spans above the one blocking
 * it, which nest in it: a few. The kept spans are rows of ints, in order, each with the id it was
 * offered with: a big word list's thousand hits per post need no object each.
 */
export class ScanOrderSpans {
  start: Int32Array;
  end: Int32Array;
  id: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
  }

  /** Offers [start, end), which ends no sooner than every span offered before it. */
  offer(start: number, end: number, id: number): void {
    let below = this.length;
    for (; below > 0; below--) {
      const s = this.start[below - 1] as number;
      if (s < start || (s === start && (this.end[below - 1] as number) >= end)) break;
    }
    if (below > 0 && (this.end[below - 1] as number) > start) return;
    if (below === this.start.length) this.grow();
    this.start[below] = start;
    this.end[below] = end;
    this.id[below] = id;
    this.length = below + 1;
  }

  private grow(): void {
    for (const key of ["start", "end", "id"] as const) {
      const grown = new Int32Array(2 * this[key].length || 16);
      grown.set(this[key]);
      this[key] = grown;
    }
  }
}
