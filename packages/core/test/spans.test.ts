import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byPosition, longestFirst } from "../src/rules/spans.js";

/** Leftmost-longest the plain way: sort, then keep each span that starts after the last kept one ends. */
function reference<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  const kept: T[] = [];
  for (const s of [...spans].sort(byPosition)) {
    if (kept.length === 0 || s.start >= (kept[kept.length - 1]?.end ?? 0)) kept.push(s);
  }
  return kept;
}

// few places, so that spans repeat (of equal spans the first given is kept, which `id` tells
// apart); some empty, which the stack for scan order must leave to the sort
const span = fc
  .tuple(fc.nat(30), fc.integer({ min: 0, max: 6 }))
  .map(([start, length]) => ({ start, end: start + length }));
const spans = fc
  .array(fc.tuple(span, fc.nat(9)), { maxLength: 30, size: "max" })
  .map((list) => list.map(([s, tie], id) => ({ ...s, id, tie })));

describe("longestFirst", () => {
  it("keeps the spans the plain way keeps, in scan order (by end) or in any order", () => {
    fc.assert(
      fc.property(spans, (given) => {
        // a scan's order: by end, equal ends in any order
        const byEnd = [...given].sort((a, b) => a.end - b.end || a.tie - b.tie);
        expect(longestFirst(byEnd)).toEqual(reference(byEnd));
        expect(longestFirst(given)).toEqual(reference(given));
        const sorted = [...given].sort(byPosition);
        expect(longestFirst(sorted)).toEqual(reference(sorted));
      }),
      { numRuns: 300 },
    );
  });
});
