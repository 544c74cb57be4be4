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

/** Builds the automaton of distinct patterns; pattern i has id i. Throws on an empty or repeated one. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const { automaton, idOf } = buildDistinctAutomaton(patterns);
  idOf.forEach((id, i) => {
    if (id !== i) throw new Error(`duplicate pattern: ${patterns[i]}`);
  });
  return automaton;
}

/**
 * Builds the automaton of patterns that may repeat (the trie finds repeats for free, where a map
 * of a hundred thousand strings costs more than the trie): `idOf[i]` is the id pattern i matches
 * as, ids numbered by first occurrence. Throws on an empty pattern.
 */
export function buildDistinctAutomaton(patterns: readonly string[]): {
  automaton: Automaton;
  idOf: Int32Array;
} {
  const alpha = alphabetOf(patterns);
  const trie = insertAll(patterns, alpha);
  const { idOf, lengths } = distinctIds(patterns, trie);
  const { edgeStart, edgeChar, edgeTarget, order } = breadthFirst(trie);
  const states = trie.states;
  const out = new Int32Array(states);
  for (let n = 0; n < states; n++) {
    const first = trie.out[order[n] as number] as number;
    out[n] = first >= 0 ? (idOf[first] as number) : -1;
  }
  let alphabetSize = 1;
  for (let c = 0; c < 0x10000; c++)
    if ((alpha[c] as number) >= alphabetSize) alphabetSize = (alpha[c] as number) + 1;
  const a: Automaton = {
    alpha,
    rootNext: new Int32Array(alphabetSize),
    edgeStart,
    edgeChar,
    edgeTarget,
    fail: new Int32Array(states),
    out,
    outLink: new Int32Array(states).fill(-1),
    patternLength: lengths,
  };
  for (let e = a.edgeStart[0] as number; e < (a.edgeStart[1] as number); e++) {
    a.rootNext[a.edgeChar[e] as number] = a.edgeTarget[e] as number;
  }
  linkFailures(a, states);
  return { automaton: a, idOf };
}

/** Pattern i → its id (a repeat takes its first occurrence's), and each id's length. */
function distinctIds(patterns: readonly string[], trie: Trie): { idOf: Int32Array; lengths: Int32Array } {
  const idOf = new Int32Array(patterns.length);
  const lengths = new Int32Array(patterns.length);
  let ids = 0;
  for (let i = 0; i < patterns.length; i++) {
    const first = trie.repeats[i] as number;
    if (first === -1) {
      idOf[i] = ids;
      lengths[ids++] = (patterns[i] as string).length;
    } else {
      idOf[i] = idOf[first] as number;
    }
  }
  return { idOf, lengths: lengths.slice(0, ids) };
}

/** The trie as first built: states numbered in insertion order, each knowing its parent and unit. */
interface Trie {
  states: number;
  parent: Int32Array;
  unit: Uint16Array;
  /** the first pattern ending at a state, or -1 */
  out: Int32Array;
  /** pattern i → the earlier pattern it repeats, or -1 */
  repeats: Int32Array;
}

/**
 * Inserts every pattern into a trie whose edges live in one open-addressing hash table keyed by
 * (state, alphabet id): no sort and no per-node map, so a lexicon of 100,000 terms builds in a few
 * tens of milliseconds. A slot holds only the child: its parent and unit say which key it is.
 */
function insertAll(patterns: readonly string[], alpha: Uint16Array): Trie {
  let units = 0;
  for (let i = 0; i < patterns.length; i++) units += (patterns[i] as string).length;
  const maxStates = units + 1;
  let size = 1024;
  while (size < maxStates * 1.5) size *= 2;
  const mask = size - 1;
  const slotChild = new Int32Array(size); // 0: empty (the root is no one's child)
  const parent = new Int32Array(maxStates);
  const unit = new Uint16Array(maxStates);
  const out = new Int32Array(maxStates).fill(-1);
  const repeats = new Int32Array(patterns.length).fill(-1);
  let states = 1;
  patterns.forEach((p, id) => {
    if (p.length === 0) throw new Error("empty pattern");
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = alpha[p.charCodeAt(i)] as number;
      let slot = (Math.imul(s, 0x9e3779b1) ^ c) & mask;
      for (;;) {
        const child = slotChild[slot] as number;
        if (child === 0) {
          slotChild[slot] = states;
          parent[states] = s;
          unit[states] = c;
          s = states++;
          break;
        }
        if (parent[child] === s && unit[child] === c) {
          s = child;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    if ((out[s] as number) >= 0) repeats[id] = out[s] as number;
    else out[s] = id;
  });
  return { states, parent, unit, out, repeats };
}

/**
 * Renumbers the trie breadth-first, children in ascending alphabet id, into CSR edge arrays. The
 * failure links need parents numbered before children; binary search in `step` needs sorted edges.
 */
function breadthFirst(trie: Trie): {
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTarget: Int32Array;
  order: Int32Array;
} {
  const { states, parent, unit } = trie;
  // children of each old state, grouped by counting sort on the parent
  const childStart = new Int32Array(states + 1);
  for (let t = 1; t < states; t++) {
    const p = (parent[t] as number) + 1;
    childStart[p] = (childStart[p] as number) + 1;
  }
  for (let s = 0; s < states; s++)
    childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const children = new Int32Array(Math.max(0, states - 1));
  // each start serves as its state's cursor, which ends at the next state's start: shift them back
  for (let t = 1; t < states; t++) {
    const p = parent[t] as number;
    children[childStart[p] as number] = t;
    childStart[p] = (childStart[p] as number) + 1;
  }
  childStart.copyWithin(1, 0, states);
  childStart[0] = 0;
  const order = new Int32Array(states); // new number → old number
  const edgeStart = new Int32Array(states + 1);
  const edgeChar = new Uint16Array(Math.max(0, states - 1));
  const edgeTarget = new Int32Array(Math.max(0, states - 1));
  let next = 1;
  for (let n = 0; n < states; n++) {
    const old = order[n] as number;
    const from = childStart[old] as number;
    const to = childStart[old + 1] as number;
    sortByUnit(children, from, to, unit);
    // every state but the root has one incoming edge, so edge k leads to state k + 1
    edgeStart[n] = next - 1;
    for (let k = from; k < to; k++) {
      const child = children[k] as number;
      order[next] = child;
      edgeChar[next - 1] = unit[child] as number;
      edgeTarget[next - 1] = next;
      next++;
    }
  }
  edgeStart[states] = states - 1;
  return { edgeStart, edgeChar, edgeTarget, order };
}

/** Sorts children[from..to) by their unit: insertion sort for the usual handful, else a typed sort. */
function sortByUnit(children: Int32Array, from: number, to: number, unit: Uint16Array): void {
  if (to - from <= 16) {
    for (let i = from + 1; i < to; i++) {
      const child = children[i] as number;
      const u = unit[child] as number;
      let j = i - 1;
      while (j >= from && (unit[children[j] as number] as number) > u) {
        children[j + 1] = children[j] as number;
        j--;
      }
      children[j + 1] = child;
    }
    return;
  }
  // units of one state's children are distinct: sort (unit << 32 | child) keys as numbers
  const keys = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    const child = children[i] as number;
    keys[i - from] = (unit[child] as number) * 2 ** 32 + child;
  }
  keys.sort();
  for (let i = from; i < to; i++) children[i] = (keys[i - from] as number) % 2 ** 32;
}

/** Alphabet ids ascend with the code unit, so each state's edges (sorted by unit) are sorted by id. */
function alphabetOf(patterns: readonly string[]): Uint16Array {
  const alpha = new Uint16Array(0x10000);
  for (let k = 0; k < patterns.length; k++) {
    const p = patterns[k] as string;
    for (let i = 0; i < p.length; i++) alpha[p.charCodeAt(i)] = 1;
  }
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

/**
 * Per pattern, 1 when two of its occurrences can overlap, that is when a proper prefix of it is
 * also its suffix (深深 in 深深深, 哈哈 in 哈哈哈), else 0. Such a prefix is a state down the
 * pattern's failure chain (every suffix that begins a pattern is) lying on the pattern's own path
 * from the root. A pattern longer than `longest` units is marked 1 unchecked: the check climbs the
 * path once per state down the chain.
 */
export function selfOverlapping(a: Automaton, longest = 64): Uint8Array {
  const states = a.fail.length;
  const overlapping = new Uint8Array(a.patternLength.length);
  // walked from the root, not by number: a compiled file's automaton is read as it was written, and
  // one written otherwise (or damaged) must not make a pattern seem to overlap itself or not
  const parent = new Int32Array(states);
  const depth = new Int32Array(states);
  const seen = new Uint8Array(states);
  const queue = new Int32Array(states);
  seen[0] = 1;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const s = queue[head] as number;
    for (let e = a.edgeStart[s] as number; e < (a.edgeStart[s + 1] as number); e++) {
      const t = a.edgeTarget[e] as number;
      if (seen[t]) continue;
      seen[t] = 1;
      parent[t] = s;
      depth[t] = (depth[s] as number) + 1;
      queue[tail++] = t;
    }
  }
  for (let s = 1; s < states; s++) {
    const p = a.out[s] as number;
    if (p < 0) continue;
    const d = depth[s] as number;
    if (d > longest) {
      overlapping[p] = 1;
      continue;
    }
    for (let f = a.fail[s] as number; f !== 0; f = a.fail[f] as number) {
      let u = s;
      for (let k = d - (depth[f] as number); k > 0; k--) u = parent[u] as number;
      if (u === f) {
        overlapping[p] = 1;
        break;
      }
    }
  }
  return overlapping;
}
