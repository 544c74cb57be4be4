import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScreenContext } from "../src/rules/context.js";
import { HitTable } from "../src/rules/hitTable.js";
import type { Look } from "../src/rules/looks.js";
import { Role, type Rule } from "../src/rules/rule.js";
import { ScanOrderSpans } from "../src/rules/spans.js";
import { findTerms, findTermsInTable } from "../src/rules/term.js";

// Latin letters here and there, so that some hits continue a Latin word and are dropped
const TEXT = "中华ab人民共和国x1改革开放abc新时代中国特色社会主义思想";

const rule: Rule = {
  index: 1,
  ruleId: undefined,
  entryId: "e",
  look: { kind: "term", boundary: false } as Look,
};

const hit = fc
  .record({
    role: fc.constantFrom<Role>(Role.hit, Role.hit, Role.hit, Role.hit, Role.exception, Role.canonical),
    start: fc.nat(TEXT.length - 1),
    length: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ role, start, length }) => ({ role, start, end: Math.min(TEXT.length, start + length) }));

type Given = { role: Role; start: number; end: number };

/** The rule's hits in a table, among another rule's, as a screen leaves them. */
function tableOf(given: readonly Given[]): HitTable {
  const table = new HitTable(3);
  for (const h of given) {
    table.add(2, Role.hit, 0, h.start, h.end);
    table.add(rule.index, h.role, 0, h.start, h.end);
  }
  return table;
}

describe("findTermsInTable", () => {
  it("finds what findTerms finds, whenever it takes the rule's hits", () => {
    const ctx = new ScreenContext(TEXT, undefined);
    const kept = new ScanOrderSpans(2);
    let taken = 0;
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 40 }), fc.boolean(), (given, byEnd) => {
        // a scan's order (by end) most of the time, so that the table is read, else any order
        const hits = byEnd ? [...given].sort((a, b) => a.end - b.end) : given;
        const table = tableOf(hits);
        const expected = findTerms(rule, table.hitsOf(rule.index), ctx).map((s) => [s.start, s.end]);
        const readable = hits.every(
          (h, i) =>
            h.role === Role.hit && h.start < h.end && (i === 0 || (hits[i - 1] as Given).end <= h.end),
        );
        expect(findTermsInTable(rule, table, ctx, kept)).toBe(readable);
        if (!readable) return;
        taken++;
        const found = Array.from({ length: kept.length }, (_, k) => [kept.start[k], kept.end[k]]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    // the property held on tables it read, not only on those it handed back
    expect(taken).toBeGreaterThan(200);
  });

  it("keeps a word list's nested and overlapping terms leftmost-longest, in order", () => {
    // 中华 [0,2), 人民 [4,6), 中华ab人民 [0,6), 共和 [6,8), 人民共和国 [4,9), 和国 [7,9)
    const table = tableOf([
      { role: Role.hit, start: 0, end: 2 },
      { role: Role.hit, start: 4, end: 6 },
      { role: Role.hit, start: 0, end: 6 },
      { role: Role.hit, start: 6, end: 8 },
      { role: Role.hit, start: 4, end: 9 },
      { role: Role.hit, start: 7, end: 9 },
    ]);
    const kept = new ScanOrderSpans(1);
    expect(findTermsInTable(rule, table, new ScreenContext(TEXT, undefined), kept)).toBe(true);
    expect([...kept.start.subarray(0, kept.length)]).toEqual([0, 6]);
    expect([...kept.end.subarray(0, kept.length)]).toEqual([6, 8]);
  });
});
