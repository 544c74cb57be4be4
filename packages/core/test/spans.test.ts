import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPosition, longestFirst } from "../src/rules/spans.js";

/** Leftmost-longest the plain way: sort, then keep each span that starts after the last kept one ends. */
function reference(spans: readonly { start: number; end: number }[]) {
  const kept: { start: number; end: number }[] = [];
  for (const s of [...spans].sort(byPosition)) {
    if (kept.length === 0 || s.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(s);
  }
  return kept;
}

const span = fc
  .tuple(fc.nat(30), fc.integer({ min: 1, max: 6 }))
  .map(([start, length]) => ({ start, end: start + length }));

describe("longestFirst", () => {
  it("keeps the spans the plain way keeps, in scan order (by end) or in any order", () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (spans) => {
        const byEnd = [...spans].sort((a, b) => a.end - b.end || a.start - b.start);
        expect(longestFirst(byEnd)).toEqual(reference(spans));
        expect(longestFirst(spans)).toEqual(reference(spans));
        expect(longestFirst([...spans].sort(byPosition))).toEqual(reference(spans));
      }),
      { numRuns: 300 },
    );
  });
});
