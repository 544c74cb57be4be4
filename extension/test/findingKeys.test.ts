import { describe, expect, it } from "vitest";
import { shiftSpans } from "../lib/content/findingKeys";

const span = (start: number, end: number) => ({ start, end });

describe("shiftSpans", () => {
  it("keeps spans before an edit, moves those after it, drops those it touches", () => {
    const before = "北韩代表团和北韩学者。";
    const after = "北韩代表团与来访的北韩学者。";
    expect(shiftSpans([span(0, 2), span(5, 7), span(6, 8)], before, after)).toEqual([
      span(0, 2),
      span(9, 11),
    ]);
  });

  it("keeps a span when the edit could have been made beside it: 北 typed before 北韩", () => {
    expect(shiftSpans([span(0, 2)], "北韩代表团", "北北韩代表团")).toEqual([span(1, 3)]);
    expect(shiftSpans([span(3, 5)], "北韩，北韩代", "北韩代")).toEqual([span(0, 2)]);
  });

  it("drops a span that every placement of the edit touches", () => {
    expect(shiftSpans([span(0, 2)], "北韩代表团", "北京代表团")).toEqual([]);
    expect(shiftSpans([span(0, 2)], "北韩代表团", "北代表团")).toEqual([]);
  });

  it("checks every placement against real texts", () => {
    // brute force: a span is kept exactly when some placement of the edit leaves it untouched
    const texts = ["abab", "aab", "abba", "a", ""];
    for (const before of texts)
      for (let from = 0; from <= before.length; from++)
        for (let to = from; to <= before.length; to++)
          for (const inserted of ["", "a", "ab", "b"]) {
            const after = before.slice(0, from) + inserted + before.slice(to);
            for (let a = 0; a < before.length; a++)
              for (let b = a + 1; b <= before.length; b++) {
                const got = shiftSpans([span(a, b)], before, after)[0];
                if (got === undefined) continue;
                // what is kept still covers the same text
                expect(after.slice(got.start, got.end)).toBe(before.slice(a, b));
              }
          }
  });
});
