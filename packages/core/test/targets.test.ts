import { describe, expect, it } from "vitest";
import { PATTERN_WIDTH, packTargets } from "../src/rules/targets.js";

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
