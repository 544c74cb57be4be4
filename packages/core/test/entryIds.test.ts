import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EntryIds } from "../src/lexicon/entryIds.js";

describe("EntryIds", () => {
  it("says of each entry whether an earlier one has its id, as a Set would", () => {
    // few distinct ids among many entries, so that repeats and hash collisions both happen
    const ids = fc.array(
      fc.oneof(fc.constantFrom("a", "b", "条目", "t1", "t10"), fc.string({ maxLength: 4 })),
      {
        maxLength: 200,
      },
    );
    fc.assert(
      fc.property(ids, fc.array(fc.string({ maxLength: 4 })), (given, asked) => {
        const entries = given.map((id) => ({ id }));
        const table = new EntryIds(entries);
        const seen = new Set<string>();
        entries.forEach((entry, place) => {
          expect(table.add(place)).toBe(!seen.has(entry.id));
          seen.add(entry.id);
        });
        for (const id of [...asked, ...given]) expect(table.has(id)).toBe(seen.has(id));
      }),
    );
  });

  it("holds a big pack's ids", () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ id: `t${i % 99_999}` }));
    const table = new EntryIds(entries);
    const repeated = entries.map((_, place) => place).filter((place) => !table.add(place));
    expect(repeated).toEqual([99_999]);
    expect(table.has("t99998")).toBe(true);
    expect(table.has("t99999")).toBe(false);
  });
});
