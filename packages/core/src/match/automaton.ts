/**
 * Aho–Corasick automaton over UTF-16 code units, stored in flat typed arrays (CSR edges, a direct
 * table for the root) so that it scans in time linear in the text whatever the lexicon size, and
 * serialises without a rebuild.
 */
export interface Automaton {
  /** code unit → alphabet id (0: the unit occurs in no pattern) */
  alpha: Uint16Array;
  /** alphabet id → child of the root (0: none) */
  rootNext: Int32Array;
  /** edges of state s are edgeChar/edgeTarget[edgeStart[s] .. edgeStart[s + 1]), sorted by id */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** pattern ending at a state, or -1 */
  out: Int32Array;
  /** nearest state on the failure chain that ends a pattern, or -1 */
  outLink: Int32Array;
  patternLength: Int32Array;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const alpha = alphabetOf(patterns);
  let alphabetSize = 1;
  for (let c = 0; c < 0x10000; c++)
    if ((alpha[c] as number) >= alphabetSize) alphabetSize = (alpha[c] as number) + 1;
  const idOf = new Map<string, number>();
  patterns.forEach((p, i) => {
    if (p.length === 0) throw new Error("empty pattern");
    if (idOf.has(p)) throw new Error(`duplicate pattern: ${p}`);
    idOf.set(p, i);
  });
  // Sorted patterns put every trie node's subtree in one contiguous range, so the trie is built
  // breadth-first straight into CSR arrays without per-node maps.
  const sorted = [...patterns].sort();
  let capacity = 1024;
  let out = new Int32Array(capacity).fill(-1);
  let edgeStart = new Int32Array(capacity + 1);
  const edgeChar: number[] = [];
  const edgeTarget: number[] = [];
  const qLo: number[] = [0];
  const qHi: number[] = [sorted.length];
  const qDepth: number[] = [0];
  let states = 1;
  for (let s = 0; s < states; s++) {
    if (states + 1 >= capacity) {
      capacity *= 2;
      const o = new Int32Array(capacity).fill(-1);
      o.set(out);
      out = o;
      const e = new Int32Array(capacity + 1);
      e.set(edgeStart);
      edgeStart = e;
    }
    edgeStart[s] = edgeChar.length;
    const hi = qHi[s] as number;
    const depth = qDepth[s] as number;
    let i = qLo[s] as number;
    if (i < hi && (sorted[i] as string).length === depth) out[s] = idOf.get(sorted[i++] as string) as number;
    while (i < hi) {
      const c = (sorted[i] as string).charCodeAt(depth);
      let j = i + 1;
      while (j < hi && (sorted[j] as string).charCodeAt(depth) === c) j++;
      edgeChar.push(alpha[c] as number);
      edgeTarget.push(states++);
      qLo.push(i);
      qHi.push(j);
      qDepth.push(depth + 1);
      i = j;
    }
  }
  edgeStart[states] = edgeChar.length;
  const a: Automaton = {
    alpha,
    rootNext: new Int32Array(alphabetSize),
    edgeStart: edgeStart.slice(0, states + 1),
    edgeChar: Uint16Array.from(edgeChar),
    edgeTarget: Int32Array.from(edgeTarget),
    fail: new Int32Array(states),
    out: out.slice(0, states),
    outLink: new Int32Array(states).fill(-1),
    patternLength: Int32Array.from(patterns, (p) => p.length),
  };
  for (let e = a.edgeStart[0] as number; e < (a.edgeStart[1] as number); e++) {
    a.rootNext[a.edgeChar[e] as number] = a.edgeTarget[e] as number;
  }
  linkFailures(a, states);
  return a;
}

/** Alphabet ids ascend with the code unit, so each state's edges (sorted by unit) are sorted by id. */
function alphabetOf(patterns: readonly string[]): Uint16Array {
  const alpha = new Uint16Array(0x10000);
  for (const p of patterns) for (let i = 0; i < p.length; i++) alpha[p.charCodeAt(i)] = 1;
  let next = 1;
  for (let c = 0; c < 0x10000; c++) if (alpha[c]) alpha[c] = next++;
  return alpha;
}

function linkFailures(a: Automaton, states: number): void {
  // states are numbered breadth-first, so a state's failure target is always linked before it
  for (let s = 0; s < states; s++) {
    for (let e = a.edgeStart[s] as number; e < (a.edgeStart[s + 1] as number); e++) {
      const c = a.edgeChar[e] as number;
      const t = a.edgeTarget[e] as number;
      let f = 0;
      if (s !== 0) {
        f = a.fail[s] as number;
        for (;;) {
          const g = step(a, f, c);
          if (g >= 0) {
            f = g;
            break;
          }
          if (f === 0) break;
          f = a.fail[f] as number;
        }
      }
      a.fail[t] = f;
      a.outLink[t] = (a.out[f] as number) >= 0 ? f : (a.outLink[f] as number);
    }
  }
}

/** The goto function: the child of `s` on alphabet id `c`, or -1. */
function step(a: Automaton, s: number, c: number): number {
  if (s === 0) return (a.rootNext[c] as number) || -1;
  let lo = a.edgeStart[s] as number;
  let hi = (a.edgeStart[s + 1] as number) - 1;
  const edgeChar = a.edgeChar;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = edgeChar[mid] as number;
    if (m === c) return a.edgeTarget[mid] as number;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Growable list of raw hits (pattern id, index of the pattern's last unit), reused across scans. */
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

/** Appends every occurrence of every pattern in units[0..length) to `hits` (overlaps included). */
export function scan(a: Automaton, units: Uint16Array, length: number, hits: HitBuffer): void {
  const { alpha, rootNext, edgeStart, edgeChar, edgeTarget, fail, out, outLink } = a;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const c = alpha[units[i] as number] as number;
    if (c === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      if (s === 0) {
        s = rootNext[c] as number;
        break;
      }
      // inlined `step`: most states have a handful of edges
      let lo = edgeStart[s] as number;
      let hi = (edgeStart[s + 1] as number) - 1;
      let t = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const m = edgeChar[mid] as number;
        if (m === c) {
          t = edgeTarget[mid] as number;
          break;
        }
        if (m < c) lo = mid + 1;
        else hi = mid - 1;
      }
      if (t >= 0) {
        s = t;
        break;
      }
      s = fail[s] as number;
    }
    if (s === 0) continue;
    let o = (out[s] as number) >= 0 ? s : (outLink[s] as number);
    while (o >= 0) {
      hits.push(out[o] as number, i);
      o = outLink[o] as number;
    }
  }
}
