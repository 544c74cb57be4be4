import { LF } from "../normalize/normalizeText.js";
import type { Automaton } from "./automaton.js";

/**
 * The automaton laid out for scanning. With a lexicon of 100,000 terms the automaton has about
 * 300,000 states, far more than the cache holds, and a character read in the stored form (one
 * array per field) touches six or more of them at random. Here each state is one record of
 * consecutive ints, `[fail, pattern, outLink, children, (alphabet id, child)…]`, and a state is the
 * offset of its record, so a step reads mostly one cache line. A state with few children lists
 * them in order; one with many (the first characters of words: 中 begins hundreds) keeps them in a
 * small hash table inside its record, found in about one probe where halving took eight. It is
 * derived when a screener is made; what is stored and checked stays the automaton's plain arrays.
 */
export interface Scanner {
  /** code unit → alphabet id (0: the unit occurs in no pattern) */
  alpha: Uint16Array;
  /** alphabet id → record of the root's child (0: none; the root's record is at 0) */
  rootNext: Int32Array;
  records: Int32Array;
  patternLength: Int32Array;
}

const FAIL = 0;
/** what is reported for the pattern ending at this state (its id, or the caller's code), or NONE */
const PATTERN = 1;
const NONE = -1;
/** record of the nearest state on the failure chain that ends a pattern, or -1 */
const OUT_LINK = 2;
/** n ≥ 0: n children listed in order of alphabet id; n < 0: a hash table of -n slots (id 0: empty) */
const CHILDREN = 3;
const HEADER = 4;
/** up to this many children are listed and read one by one, beyond it they are hashed */
const LISTED = 8;

/**
 * `code`: what a hit reports for each pattern (default: its id), never -1. The screener reports a
 * pattern's one rule and length themselves where it can, sparing a hit a cold read of its targets.
 */
export function toScanner(a: Automaton, code: (pattern: number) => number = (p) => p): Scanner {
  const states = a.fail.length;
  const at = new Int32Array(states);
  let size = 0;
  for (let s = 0; s < states; s++) {
    at[s] = size;
    size += HEADER + 2 * slotsFor((a.edgeStart[s + 1] as number) - (a.edgeStart[s] as number));
  }
  const records = new Int32Array(size);
  for (let s = 0; s < states; s++) {
    const r = at[s] as number;
    records[r + FAIL] = at[a.fail[s] as number] as number;
    const pattern = a.out[s] as number;
    records[r + PATTERN] = pattern < 0 ? NONE : code(pattern);
    const link = a.outLink[s] as number;
    records[r + OUT_LINK] = link < 0 ? -1 : (at[link] as number);
    const from = a.edgeStart[s] as number;
    const count = (a.edgeStart[s + 1] as number) - from;
    const slots = slotsFor(count);
    records[r + CHILDREN] = count <= LISTED ? count : -slots;
    for (let e = from; e < from + count; e++) {
      const c = a.edgeChar[e] as number;
      let k = count <= LISTED ? e - from : slotOf(c, slots - 1);
      while ((records[r + HEADER + 2 * k] as number) !== 0) k = (k + 1) & (slots - 1);
      records[r + HEADER + 2 * k] = c;
      records[r + HEADER + 2 * k + 1] = at[a.edgeTarget[e] as number] as number;
    }
  }
  const rootNext = new Int32Array(a.rootNext.length);
  for (let c = 0; c < rootNext.length; c++) {
    const next = a.rootNext[c] as number;
    rootNext[c] = next === 0 ? 0 : (at[next] as number);
  }
  return { alpha: a.alpha, rootNext, records, patternLength: a.patternLength };
}

/** Pairs a record holds for `count` children: the list itself, or a table at most half full. */
function slotsFor(count: number): number {
  if (count <= LISTED) return count;
  let slots = 2 * LISTED;
  while (slots < 2 * count) slots *= 2;
  return slots;
}

/** Home slot of alphabet id `c` in a table of mask + 1 slots (Fibonacci hashing: ids are dense). */
function slotOf(c: number, mask: number): number {
  return (Math.imul(c, 0x9e3779b1) >>> 15) & mask;
}

/** Growable list of raw hits (pattern id or code, index of the pattern's last unit), reused across scans. */
export class HitBuffer {
  pattern = new Int32Array(256);
  end = new Int32Array(256);
  length = 0;

  push(pattern: number, end: number): void {
    if (this.length === this.pattern.length) {
      const p = new Int32Array(this.length * 2);
      p.set(this.pattern);
      this.pattern = p;
      const e = new Int32Array(this.length * 2);
      e.set(this.end);
      this.end = e;
    }
    this.pattern[this.length] = pattern;
    this.end[this.length++] = end;
  }
}

/**
 * Appends every occurrence of every pattern in units[0..length) to `hits` (overlaps included).
 * `framed`, for an automaton with patterns that begin or end with a line break (an exception written
 * 。第一，: 第一 between two clause ends): a break is read before the text and after it, the text's
 * start and end being where a clause ends too. A pattern ending in the break after the text is
 * reported at `length`; one beginning in the break before it has a first unit of -1.
 */
export function scan(sc: Scanner, units: Uint16Array, length: number, hits: HitBuffer, framed = false): void {
  const alpha = sc.alpha;
  const lf = framed ? (alpha[LF] as number) : 0;
  let s = lf === 0 ? 0 : advance(sc, 0, lf);
  for (let i = 0; i < length; i++) {
    const c = alpha[units[i] as number] as number;
    s = c === 0 ? 0 : advance(sc, s, c);
    if (s !== 0) report(sc.records, s, i, hits);
  }
  if (lf === 0) return;
  s = advance(sc, s, lf);
  if (s !== 0) report(sc.records, s, length, hits);
}

/**
 * `scan` over a string's own code units: for a profile that changes nothing the automaton can see
 * (exact matching), the screener skips copying the text into a normalisation buffer.
 */
export function scanText(sc: Scanner, text: string, hits: HitBuffer): void {
  const alpha = sc.alpha;
  const length = text.length;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const c = alpha[text.charCodeAt(i)] as number;
    s = c === 0 ? 0 : advance(sc, s, c);
    if (s !== 0) report(sc.records, s, i, hits);
  }
}

/** The state after reading alphabet id `c` (not 0) in state `s`: its child, else along failure links. */
function advance(sc: Scanner, s: number, c: number): number {
  const records = sc.records;
  for (;;) {
    if (s === 0) return sc.rootNext[c] as number;
    const t = child(records, s, c);
    if (t !== 0) return t;
    s = records[s + FAIL] as number;
  }
}

/** The child of state `s` (not the root) on alphabet id `c`, or 0. */
function child(records: Int32Array, s: number, c: number): number {
  const children = records[s + CHILDREN] as number;
  const first = s + HEADER;
  if (children >= 0) {
    for (let k = first, end = first + 2 * children; k < end; k += 2) {
      const m = records[k] as number;
      if (m === c) return records[k + 1] as number;
      if (m > c) return 0;
    }
    return 0;
  }
  const mask = -children - 1;
  for (let k = slotOf(c, mask); ; k = (k + 1) & mask) {
    const m = records[first + 2 * k] as number;
    if (m === c) return records[first + 2 * k + 1] as number;
    if (m === 0) return 0;
  }
}

/** Appends the patterns that end at state `s`, at unit `i`. */
function report(records: Int32Array, s: number, i: number, hits: HitBuffer): void {
  let o = records[s + PATTERN] !== NONE ? s : (records[s + OUT_LINK] as number);
  while (o >= 0) {
    hits.push(records[o + PATTERN] as number, i);
    o = records[o + OUT_LINK] as number;
  }
}
