import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Automaton,
  buildAutomaton,
  buildDistinctAutomaton,
  selfOverlapping,
} from "../src/match/automaton.js";
import { HitBuffer, scan, scanText, toScanner } from "../src/match/scanner.js";

/** Every (pattern, end) occurrence, found the slow way. */
function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, id) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1))
      found.push(`${id}@${at + p.length - 1}`);
  });
  return found.sort();
}

/** The automaton's hits, each pattern reported by its id, or by `code` and read back with `decode`. */
function automatonHits(
  patterns: readonly string[],
  text: string,
  code?: (p: number) => number,
  decode: (c: number) => number = (c) => c,
): string[] {
  const scanner = toScanner(buildAutomaton(patterns), code);
  const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
  const hits = new HitBuffer();
  scan(scanner, units, units.length, hits);
  return Array.from(
    { length: hits.length },
    (_, i) => `${decode(hits.pattern[i] as number)}@${hits.end[i]}`,
  ).sort();
}

// a small alphabet makes patterns share prefixes and suffixes, where failure links matter
const unit = fc.constantFrom("中", "国", "人", "民", "a", "b", "\uff21", "\u3000");
const pattern = fc.array(unit, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(""));

describe("Aho–Corasick automaton", () => {
  it("finds exactly the occurrences a naive search finds, overlaps included", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pattern, { minLength: 1, maxLength: 40 }),
        fc.array(unit, { maxLength: 60 }).map((cs) => cs.join("")),
        (patterns, text) => {
          expect(automatonHits(patterns, text)).toEqual(naive(patterns, text));
          // a code of the caller's, negative ones too (all but -1), reported in the pattern's place
          const code = (p: number) => (p % 2 === 0 ? 1000 + p : -(p + 2));
          const decode = (c: number) => (c >= 1000 ? c - 1000 : -c - 2);
          expect(automatonHits(patterns, text, code, decode)).toEqual(naive(patterns, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds nested and suffix terms (国人 and 中国 inside 中国人民)", () => {
    expect(automatonHits(["中国人民", "国人", "中国", "民"], "中国人民")).toEqual(
      naive(["中国人民", "国人", "中国", "民"], "中国人民"),
    );
    expect(automatonHits(["中国人民", "国人", "中国", "民"], "中国人民")).toHaveLength(4);
  });

  it("finds the children of states with many of them, spread over a wide alphabet, as of one with few", () => {
    // 中 begins hundreds of words in a real lexicon: up to 300 children here, placed in the double
    // array among the children of other states with many
    const seconds = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + 61 * i + 1));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: seconds.length }),
        fc.array(fc.constantFrom("中", "国", ...seconds), { maxLength: 80 }).map((cs) => cs.join("")),
        (children, text) => {
          const picked = seconds.slice(0, children);
          const patterns = [
            ...picked.map((c) => `中${c}`),
            ...picked.slice(0, 50).map((c) => `${c}国`),
            ...picked.slice(0, 50).map((c) => `国${c}中`),
          ];
          expect(automatonHits(patterns, text)).toEqual(naive(patterns, text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("framed: reads a line break before and after the text, reporting the hits that end in the text or the break after it", () => {
    const withBreak = fc.constantFrom("中", "国", "人", "a", "\n");
    const term = fc.array(withBreak, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(
        fc.uniqueArray(term, { minLength: 1, maxLength: 40 }),
        fc.array(withBreak, { maxLength: 60 }).map((cs) => cs.join("")),
        (patterns, text) => {
          const scanner = toScanner(buildAutomaton(patterns));
          const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
          const hits = new HitBuffer();
          scan(scanner, units, units.length, hits, true);
          const found = Array.from({ length: hits.length }, (_, i) => `${hits.pattern[i]}@${hits.end[i]}`);
          // in "\n" + text + "\n", the occurrences ending past the first break, one unit later
          const expected = naive(patterns, `\n${text}\n`)
            .map((hit) => hit.split("@").map(Number) as [number, number])
            .filter(([, end]) => end >= 1)
            .map(([id, end]) => `${id}@${end - 1}`)
            .sort();
          expect(found.sort()).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reports the patterns ending at one place longest first", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pattern, { minLength: 1, maxLength: 40 }),
        fc.array(unit, { maxLength: 60 }).map((cs) => cs.join("")),
        (patterns, text) => {
          const scanner = toScanner(buildAutomaton(patterns));
          const hits = new HitBuffer();
          scanText(scanner, text, hits);
          for (let i = 1; i < hits.length; i++) {
            if (hits.end[i] !== hits.end[i - 1]) continue;
            const length = (h: number) => (patterns[hits.pattern[h] as number] as string).length;
            expect(length(i)).toBeLessThan(length(i - 1));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects an empty or duplicate pattern", () => {
    expect(() => buildAutomaton(["中国", ""])).toThrow("empty pattern");
    expect(() => buildAutomaton(["中国", "人民", "中国"])).toThrow("duplicate pattern: 中国");
  });

  it("with repeats allowed, numbers each distinct pattern by first occurrence and finds it once", () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 40 }), (patterns) => {
        const { automaton, idOf } = buildDistinctAutomaton(patterns);
        const distinct = [...new Set(patterns)];
        expect([...idOf]).toEqual(patterns.map((p) => distinct.indexOf(p)));
        expect([...automaton.patternLength]).toEqual(distinct.map((p) => p.length));
        const text = patterns.join("");
        const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
        const hits = new HitBuffer();
        scan(toScanner(automaton), units, units.length, hits);
        const found = Array.from({ length: hits.length }, (_, i) => `${hits.pattern[i]}@${hits.end[i]}`);
        expect(found.sort()).toEqual(naive(distinct, text));
      }),
      { numRuns: 200 },
    );
  });

  it("scans a string as it scans its code units", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pattern, { minLength: 1, maxLength: 30 }),
        fc.array(unit, { maxLength: 60 }).map((cs) => cs.join("")),
        (patterns, text) => {
          const scanner = toScanner(buildAutomaton(patterns));
          const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
          const a = new HitBuffer();
          const b = new HitBuffer();
          scan(scanner, units, units.length, a);
          scanText(scanner, text, b);
          expect([...b.pattern.subarray(0, b.length)]).toEqual([...a.pattern.subarray(0, a.length)]);
          expect([...b.end.subarray(0, b.length)]).toEqual([...a.end.subarray(0, a.length)]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("selfOverlapping", () => {
  /** Whether a proper prefix of p is also its suffix, found the slow way. */
  const overlaps = (p: string) =>
    [...Array(p.length).keys()].some((k) => k > 0 && p.startsWith(p.slice(p.length - k)));

  it("marks the patterns two of whose occurrences can overlap (深深 in 深深深), as a naive check does", () => {
    expect([
      ...selfOverlapping(buildAutomaton(["深深", "人民", "哈哈哈", "aba", "abab", "民人民", "a"])),
    ]).toEqual([1, 0, 1, 1, 1, 1, 0]);
    fc.assert(
      fc.property(fc.uniqueArray(pattern, { minLength: 1, maxLength: 40 }), (patterns) => {
        const marked = selfOverlapping(buildAutomaton(patterns));
        expect(patterns.map((p, i) => [p, marked[i] === 1])).toEqual(patterns.map((p) => [p, overlaps(p)]));
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the states being numbered breadth-first (a compiled file's need not be)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pattern, { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (patterns, seed) => {
          const a = buildAutomaton(patterns);
          expect([...selfOverlapping(renumbered(a, seed))]).toEqual([...selfOverlapping(a)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("marks a pattern longer than it checks as overlapping, unchecked", () => {
    const long = `${"中国".repeat(20)}人`;
    expect([...selfOverlapping(buildAutomaton([long, "人民"]), 40)]).toEqual([1, 0]);
    expect([...selfOverlapping(buildAutomaton([long, "人民"]), 41)]).toEqual([0, 0]);
  });
});

/** The same automaton with its states but the root numbered in a shuffled order (children before parents, often). */
function renumbered(a: Automaton, seed: number): Automaton {
  const states = a.fail.length;
  const order = Array.from({ length: states - 1 }, (_, i) => i + 1);
  let x = seed | 1;
  for (let i = order.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    const j = (x >>> 8) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const newOf = new Int32Array(states);
  order.forEach((old, i) => {
    newOf[old] = i + 1;
  });
  const oldOf = [0, ...order];
  const map = (s: number) => (s < 0 ? s : (newOf[s] as number));
  const edgeStart = new Int32Array(states + 1);
  const edgeChar: number[] = [];
  const edgeTarget: number[] = [];
  for (let ns = 0; ns < states; ns++) {
    const s = oldOf[ns] as number;
    edgeStart[ns] = edgeChar.length;
    for (let e = a.edgeStart[s] as number; e < (a.edgeStart[s + 1] as number); e++) {
      edgeChar.push(a.edgeChar[e] as number);
      edgeTarget.push(map(a.edgeTarget[e] as number));
    }
  }
  edgeStart[states] = edgeChar.length;
  const perState = (arr: Int32Array, mapValue: (v: number) => number) =>
    Int32Array.from({ length: states }, (_, ns) => mapValue(arr[oldOf[ns] as number] as number));
  return {
    alpha: a.alpha,
    rootNext: a.rootNext.map((t) => (t === 0 ? 0 : map(t))),
    edgeStart,
    edgeChar: Uint16Array.from(edgeChar),
    edgeTarget: Int32Array.from(edgeTarget),
    fail: perState(a.fail, map),
    out: perState(a.out, (p) => p),
    outLink: perState(a.outLink, map),
    patternLength: a.patternLength,
  };
}
