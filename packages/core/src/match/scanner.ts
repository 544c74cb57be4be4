import { LF } from "../normalize/normalizeText.js";
import type { Automaton } from "./automaton.js";

/**
 * The automaton laid out for scanning, as a double array. With a lexicon of 100,000 terms the
 * automaton has about 170,000 states, far more than the cache holds, and a character read in the
 * stored form (one array per field, edges in CSR) touches several of them at random. Here each state is a cell of four ints, `[check, base, fail | flags, out]`, and a state is
 * the offset of its cell; the child of state s on id c, if any, is the cell at `base(s) + 4c`,
 * whose check is s. A step then reads the state's own cell and its child's: one line each, whatever
 * the number of children. The root is a cell like any other (offset 0), so its children need no
 * table of their own. Ids here are the automaton's ranked by use (its own `alpha`), so that the
 * children of a state cluster at small ids and pack densely.
 *
 * `fail | flags`: the failure state's offset (a multiple of 4) with, in its two low bits, ENDS (a
 * pattern ends at this state) and LINKED (a pattern ends at a state down the failure chain). `out`:
 * ENDS alone, the pattern's code; LINKED alone, the nearest such state down the chain; both, an
 * index into `links`, pairs `[code, nearest state down the chain]`.
 */
export interface Scanner {
  /** code unit → id ranked by use (1: the id most edges read; 0: the unit occurs in no pattern) */
  alpha: Uint16Array;
  cells: Int32Array;
  links: Int32Array;
  patternLength: Int32Array;
}

const CHECK = 0;
const BASE = 1;
const FAIL = 2;
const OUT = 3;
const ENDS = 1;
const LINKED = 2;
const FLAGS = ENDS | LINKED;

/**
 * `code`: what a hit reports for each pattern (default: its id), never -1. The screener reports a
 * pattern's one rule and length themselves where it can, sparing a hit a cold read of its targets.
 * Derived when a screener is made; what is stored and checked stays the automaton's plain arrays.
 */
export function toScanner(a: Automaton, code: (pattern: number) => number = (p) => p): Scanner {
  const states = a.fail.length;
  const alphabet = a.rootNext.length;
  // ids ranked by how many edges read them: a state's children then cluster at small ids, and a
  // state with hundreds of them spans a narrow window of cells rather than the whole alphabet
  const rank = rankByUse(a.edgeChar, alphabet);
  const edgeChar = new Uint16Array(a.edgeChar.length);
  for (let e = 0; e < edgeChar.length; e++) edgeChar[e] = rank[a.edgeChar[e] as number] as number;
  const alpha = new Uint16Array(a.alpha.length);
  for (let u = 0; u < alpha.length; u++) alpha[u] = rank[a.alpha[u] as number] as number;
  const { cellOf, baseOf, top, maxBase } = place(a.edgeStart, edgeChar, a.edgeTarget, states, alphabet);
  const edgeStart = a.edgeStart;
  const edgeTarget = a.edgeTarget;
  // every base + id (id < alphabet) stays inside the array: a leaf's base is 0
  const length = Math.max(top + 1, maxBase + alphabet);
  const cells = new Int32Array(4 * length).fill(-1);
  let linked = 0;
  for (let s = 0; s < states; s++) if ((a.out[s] as number) >= 0 && (a.outLink[s] as number) >= 0) linked++;
  const links = new Int32Array(2 * linked);
  linked = 0;
  for (let s = 0; s < states; s++) {
    const at = 4 * (cellOf[s] as number);
    cells[at + BASE] = 4 * (baseOf[s] as number);
    const pattern = a.out[s] as number;
    const link = a.outLink[s] as number;
    let flags = 0;
    if (pattern >= 0 && link >= 0) {
      flags = ENDS | LINKED;
      links[linked] = code(pattern);
      links[linked + 1] = 4 * (cellOf[link] as number);
      cells[at + OUT] = linked;
      linked += 2;
    } else if (pattern >= 0) {
      flags = ENDS;
      cells[at + OUT] = code(pattern);
    } else if (link >= 0) {
      flags = LINKED;
      cells[at + OUT] = 4 * (cellOf[link] as number);
    }
    cells[at + FAIL] = (4 * (cellOf[a.fail[s] as number] as number)) | flags;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++)
      cells[4 * (cellOf[edgeTarget[e] as number] as number) + CHECK] = at;
  }
  return { alpha, cells, links, patternLength: a.patternLength };
}

/**
 * Places each state's children: the base of each state, and the cell of each. States with the most
 * children go first, while the array is empty enough to take them; those with one child, the most,
 * then fill the holes left. A state with several children is placed by testing 32 bases at once
 * against a bitmap of the cells taken.
 */
function place(
  edgeStart: Int32Array,
  edgeChar: Uint16Array,
  edgeTarget: Int32Array,
  states: number,
  alphabet: number,
): { cellOf: Int32Array; baseOf: Int32Array; top: number; maxBase: number } {
  const cellOf = new Int32Array(states);
  const baseOf = new Int32Array(states);
  let capacity = 1024;
  while (capacity < 2 * states + 4 * alphabet) capacity *= 2;
  const free = new NextFree(capacity);
  let taken = new Int32Array((capacity >> 5) + 2);
  const ensure = (cells: number) => {
    if (cells + 64 < capacity) return;
    while (cells + 64 >= capacity) capacity *= 2;
    free.grow(capacity);
    const t = new Int32Array((capacity >> 5) + 2);
    t.set(taken);
    taken = t;
  };
  const take = (cell: number) => {
    free.take(cell);
    taken[cell >> 5] = (taken[cell >> 5] as number) | (1 << (cell & 31));
  };
  take(0); // the root
  let top = 0;
  let maxBase = 0;
  const order = byChildrenDescending(edgeStart, states);
  let hint = 0; // in blocks of 32 bases
  let klass = Number.POSITIVE_INFINITY;
  for (let k = 0; k < order.length; k++) {
    const s = order[k] as number;
    const from = edgeStart[s] as number;
    const to = edgeStart[s + 1] as number;
    let first = edgeChar[from] as number;
    for (let e = from + 1; e < to; e++) first = Math.min(first, edgeChar[e] as number);
    let base: number;
    if (to - from === 1) base = free.find(first) - first;
    else {
      // next fit within a class of sizes (halving): a state looks first where the last one of its
      // class found room, as the cells before held no room for it either
      if (to - from < klass) {
        klass = (to - from + 1) >> 1;
        hint = 0;
      }
      // bases below this one put the first child on a taken cell
      let block = Math.max((free.find(first) - first) >> 5, hint);
      for (;;) {
        const b = block << 5;
        ensure(b + 32 + alphabet);
        let clash = 0;
        for (let e = from; e < to && clash !== -1; e++) {
          const x = b + (edgeChar[e] as number);
          const w = x >> 5;
          const shift = x & 31;
          clash |=
            shift === 0
              ? (taken[w] as number)
              : ((taken[w] as number) >>> shift) | ((taken[w + 1] as number) << (32 - shift));
        }
        if (clash !== -1) {
          const open = ~clash;
          base = b + 31 - Math.clz32(open & -open);
          hint = block;
          break;
        }
        block++;
      }
    }
    baseOf[s] = base;
    if (base > maxBase) maxBase = base;
    for (let e = from; e < to; e++) {
      const cell = base + (edgeChar[e] as number);
      take(cell);
      cellOf[edgeTarget[e] as number] = cell;
      if (cell > top) top = cell;
    }
  }
  return { cellOf, baseOf, top, maxBase };
}

/** id → its rank (1: the id most edges read; 0 stays 0). */
function rankByUse(edgeChar: Uint16Array, alphabet: number): Uint16Array {
  const uses = new Float64Array(alphabet);
  for (let e = 0; e < edgeChar.length; e++)
    uses[edgeChar[e] as number] = (uses[edgeChar[e] as number] as number) + 1;
  // key: uses descending, then id ascending
  const keys = new Float64Array(alphabet - 1);
  for (let c = 1; c < alphabet; c++) keys[c - 1] = (edgeChar.length - (uses[c] as number)) * 65536 + c;
  keys.sort();
  const rank = new Uint16Array(alphabet);
  for (let r = 0; r < keys.length; r++) rank[(keys[r] as number) % 65536] = r + 1;
  return rank;
}

/** Free cells: the next free cell at or after any, found with path compression. */
class NextFree {
  next: Int32Array;
  constructor(capacity: number) {
    this.next = new Int32Array(capacity + 1);
    for (let i = 0; i <= capacity; i++) this.next[i] = i;
  }
  take(i: number): void {
    this.next[i] = i + 1;
  }
  find(i: number): number {
    const next = this.next;
    let r = i;
    while ((next[r] as number) !== r) r = next[r] as number;
    while ((next[i] as number) !== r) {
      const n = next[i] as number;
      next[i] = r;
      i = n;
    }
    return r;
  }
  grow(capacity: number): void {
    const old = this.next;
    this.next = new Int32Array(capacity + 1);
    this.next.set(old.subarray(0, old.length - 1));
    for (let i = old.length - 1; i <= capacity; i++) this.next[i] = i;
  }
}

/** The states with children, by number of children descending, ties in state order (counting sort). */
function byChildrenDescending(edgeStart: Int32Array, states: number): Int32Array {
  let most = 0;
  for (let s = 0; s < states; s++)
    most = Math.max(most, (edgeStart[s + 1] as number) - (edgeStart[s] as number));
  const start = new Int32Array(most + 2);
  for (let s = 0; s < states; s++) {
    const n = (edgeStart[s + 1] as number) - (edgeStart[s] as number);
    start[most - n + 1] = (start[most - n + 1] as number) + 1;
  }
  for (let n = 1; n <= most + 1; n++) start[n] = (start[n] as number) + (start[n - 1] as number);
  const order = new Int32Array(start[most] as number);
  for (let s = 0; s < states; s++) {
    const n = (edgeStart[s + 1] as number) - (edgeStart[s] as number);
    if (n > 0) order[start[most - n] as number] = s;
    start[most - n] = (start[most - n] as number) + 1;
  }
  return order;
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
  const cells = sc.cells;
  const lf = framed ? (alpha[LF] as number) : 0;
  let s = lf === 0 ? 0 : step(cells, 0, lf << 2);
  for (let i = 0; i < length; i++) {
    const c = alpha[units[i] as number] as number;
    s = c === 0 ? 0 : step(cells, s, c << 2);
    if (((cells[s + FAIL] as number) & FLAGS) !== 0) report(cells, sc.links, s, i, hits);
  }
  if (lf === 0) return;
  s = step(cells, s, lf << 2);
  if (((cells[s + FAIL] as number) & FLAGS) !== 0) report(cells, sc.links, s, length, hits);
}

/**
 * `scan` over a string's own code units: for a profile that changes nothing the automaton can see
 * (exact matching), the screener skips copying the text into a normalisation buffer.
 */
export function scanText(sc: Scanner, text: string, hits: HitBuffer): void {
  const alpha = sc.alpha;
  const cells = sc.cells;
  const length = text.length;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const c = alpha[text.charCodeAt(i)] as number;
    s = c === 0 ? 0 : step(cells, s, c << 2);
    if (((cells[s + FAIL] as number) & FLAGS) !== 0) report(cells, sc.links, s, i, hits);
  }
}

/** The state after reading alphabet id c (c4 = 4c, c ≠ 0) in state s: its child, else along failure links. */
function step(cells: Int32Array, s: number, c4: number): number {
  for (;;) {
    const t = (cells[s + BASE] as number) + c4;
    if (cells[t + CHECK] === s) return t;
    if (s === 0) return 0;
    s = (cells[s + FAIL] as number) & ~FLAGS;
  }
}

/** Appends the patterns that end at state s (which has ENDS or LINKED), at unit i. */
function report(cells: Int32Array, links: Int32Array, s: number, i: number, hits: HitBuffer): void {
  for (;;) {
    const flags = (cells[s + FAIL] as number) & FLAGS;
    const out = cells[s + OUT] as number;
    if (flags === ENDS) {
      hits.push(out, i);
      return;
    }
    if (flags === LINKED) {
      s = out;
      continue;
    }
    hits.push(links[out] as number, i);
    s = links[out + 1] as number;
  }
}
