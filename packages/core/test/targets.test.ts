import { describe, expect, it } from "vitest";
import {
  hitCode,
  isLoneCode,
  lengthOfCode,
  PATTERN_WIDTH,
  packTargets,
  patternOfCode,
  ruleOfCode,
} from "../src/rules/targets.js";

describe("packTargets", () => {
  it("keeps a pattern's one target beside its length, and several in the shared list", () => {
    // pattern 0: one target; pattern 1: two; pattern 2: one
    const start = [0, 3, 9, 12];
    const data = [5, 0, 0, 7, 1, 0, 8, 3, 2, 9, 4, 1];
    const { byPattern, shared } = packTargets(Int32Array.from([2, 3, 4]), start, data);
    expect(byPattern.length).toBe(3 * PATTERN_WIDTH);
    expect([...byPattern.subarray(0, 4)]).toEqual([2, 5, 0, 0]);
    expect([...byPattern.subarray(4, 8)]).toEqual([3, -1, 0, 2]);
    expect([...byPattern.subarray(8, 12)]).toEqual([4, 9, 4, 1]);
    expect([...shared]).toEqual([7, 1, 0, 8, 3, 2]);
  });
});

describe("hitCode", () => {
  it("gives a plain hit of one rule as its rule and length, any other pattern as a pointer to its targets", () => {
    // 0: a plain hit of rule 5; 1: two targets; 2: an exception; 3: an enumeration item (arg 4);
    // 4: a plain hit of a pattern too long for the code; 5: a plain hit of a rule past the code's reach
    const start = [0, 3, 9, 12, 15, 18, 21];
    const data = [5, 0, 0, 7, 1, 0, 8, 0, 0, 9, 1, 0, 2, 3, 4, 6, 0, 0, 2 ** 22, 0, 0];
    const targets = packTargets(Int32Array.from([2, 3, 4, 2, 256, 3]), start, data);
    const code = hitCode(targets, 0);
    expect(code).toBeGreaterThanOrEqual(0);
    expect([ruleOfCode(code), lengthOfCode(code)]).toEqual([5, 2]);
    for (const p of [1, 2, 3, 4, 5]) {
      const other = hitCode(targets, p);
      expect(other).toBeLessThan(-1);
      expect(patternOfCode(other)).toBe(p);
    }
    // the largest rule and length a code holds
    const edge = packTargets(Int32Array.from([255]), [0, 3], [2 ** 22 - 1, 0, 0]);
    for (const lone of [false, true]) {
      const c = hitCode(edge, 0, lone);
      expect([ruleOfCode(c), lengthOfCode(c), isLoneCode(c)]).toEqual([2 ** 22 - 1, 255, lone]);
    }
    // lone says nothing of a pattern read through its targets
    expect(patternOfCode(hitCode(targets, 1, true))).toBe(1);
  });
});
