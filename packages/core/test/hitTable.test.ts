import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HitTable, Kept } from "../src/rules/hitTable.js";
import type { Hit, Role } from "../src/rules/rule.js";

describe("HitTable", () => {
  it("groups any hits by rule, in the order added, and forgets them on clear", () => {
    const table = new HitTable(5);
    const hit = fc.record({
      rule: fc.integer({ min: 0, max: 4 }),
      role: fc.integer({ min: 0, max: 8 }).map((r) => r as Role),
      arg: fc.nat(9),
      start: fc.nat(10_000),
      end: fc.nat(10_000),
    });
    fc.assert(
      fc.property(fc.array(hit, { maxLength: 600, size: "max" }), (hits: Hit[]) => {
        for (const h of hits) table.add(h.rule, h.role, h.arg, h.start, h.end);
        const rules = [...new Set(hits.map((h) => h.rule))];
        expect(table.rulesHit).toEqual(rules);
        for (let rule = 0; rule < 5; rule++) {
          const own = hits.filter((h) => h.rule === rule);
          expect(table.hitsOf(rule)).toEqual(own);
          const first = table.first(rule);
          if (own.length === 0) expect(first).toBe(-1);
          else
            expect([table.role(first), table.start(first), table.end(first)]).toEqual([
              own[0]?.role,
              own[0]?.start,
              own[0]?.end,
            ]);
        }
        table.clear();
        expect(table.rulesHit).toEqual([]);
        for (let rule = 0; rule < 5; rule++) expect(table.hitsOf(rule)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every hit of a screen that has thousands", () => {
    const table = new HitTable(3);
    for (let i = 0; i < 5000; i++) table.add(i % 3, 0, i, i, i + 2);
    expect(table.hitsOf(1)).toHaveLength(1667);
    const hits = table.hitsOf(2);
    expect(hits).toHaveLength(1666);
    expect(hits[1665]).toEqual({ rule: 2, role: 0, arg: 4997, start: 4997, end: 4999 });
    expect(hits.every((h, k) => h.arg === 3 * k + 2)).toBe(true);
  });

  it("keeps a lone hit in order among the others, in no rule's hits, and marks what is kept", () => {
    const table = new HitTable(3);
    table.add(1, 0, 0, 0, 2);
    table.addLone(1, 2, 4);
    table.addLone(2, 3, 5);
    table.add(1, 0, 0, 4, 6);
    expect(table.length).toBe(4);
    expect(table.rulesHit).toEqual([1]);
    expect(table.hitsOf(1).map((h) => [h.start, h.end])).toEqual([
      [0, 2],
      [4, 6],
    ]);
    expect(table.hitsOf(2)).toEqual([]);
    table.keep(3);
    expect([0, 1, 2, 3].map((h) => [table.rule(h), table.start(h), table.end(h), table.kept(h)])).toEqual([
      [1, 0, 2, Kept.no],
      [1, 2, 4, Kept.lone],
      [2, 3, 5, Kept.lone],
      [1, 4, 6, Kept.yes],
    ]);
    table.clear();
    expect(table.length).toBe(0);
    table.add(2, 0, 0, 7, 9);
    expect([table.kept(0), table.rulesHit]).toEqual([Kept.no, [2]]);
  });
});
