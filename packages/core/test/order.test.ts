import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byFindingOrder, type Finding, sortFindings } from "../src/index.js";

/** A finding with only what ordering reads; the rest is filler. */
const finding = (start: number, length: number, ruleId: string): Finding => ({
  ruleId,
  lexiconId: "p",
  entryId: ruleId,
  kind: "term",
  category: "c",
  severity: "warning",
  message: "m",
  start,
  end: start + length,
  line: 1,
  column: start + 1,
  endLine: 1,
  endColumn: start + length + 1,
  text: "",
  suggestions: [],
});

// fast-check draws short arrays unless told: the counting sort needs 64 findings or more
const findings = (maxStart: number, maxLength: number, maxCount = 80, minCount = 0) =>
  fc.array(
    fc
      .tuple(
        fc.nat({ max: maxStart }),
        fc.nat({ max: maxLength }),
        fc.constantFrom("a/x", "a/y", "b/x", "b/a1", "c/z"),
      )
      .map(([start, length, rule]) => finding(start, length, rule)),
    { minLength: minCount, maxLength: maxCount },
  );

describe("sortFindings", () => {
  it("orders as byFindingOrder does: by start, the longer first, then by rule id", () => {
    // small offsets: many equal spans, where only the rule id decides
    fc.assert(
      fc.property(findings(12, 4), (list) => {
        expect(sortFindings([...list])).toEqual([...list].sort(byFindingOrder));
      }),
      { numRuns: 400 },
    );
  });

  it("orders many findings of one start (many rules flag the same words) as few", () => {
    fc.assert(
      fc.property(findings(3, 4, 200, 64), (list) => {
        expect(sortFindings([...list])).toEqual([...list].sort(byFindingOrder));
      }),
      { numRuns: 100 },
    );
  });

  it("orders long lists (counted by start) and lists sparse in a long text (compared) alike", () => {
    fc.assert(
      fc.property(findings(3000, 6, 600, 200), (list) => {
        expect(sortFindings([...list])).toEqual([...list].sort(byFindingOrder));
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(findings(2 ** 25, 2 ** 11), (list) => {
        expect(sortFindings([...list])).toEqual([...list].sort(byFindingOrder));
      }),
      { numRuns: 200 },
    );
  });

  it("orders a long list made by end, as a scan reports hits (sorted by insertion), and one past its budget of moves", () => {
    const byEnd = (list: Finding[]) => [...list].sort((a, b) => a.end - b.end || a.start - b.start);
    fc.assert(
      fc.property(findings(3000, 6, 600, 200), (list) => {
        const made = byEnd(list);
        expect(sortFindings([...made])).toEqual([...made].sort(byFindingOrder));
        // a few findings of another rule appended out of place: the insertion gives up part way
        const late = [...made, ...made.slice(0, 150).map((f) => finding(f.start, f.end - f.start, "z/late"))];
        expect(sortFindings([...late])).toEqual([...late].sort(byFindingOrder));
      }),
      { numRuns: 100 },
    );
  });

  it("sorts in place and returns the same array", () => {
    const list = [finding(4, 1, "a/x"), finding(1, 1, "a/x")];
    expect(sortFindings(list)).toBe(list);
    expect(list.map((f) => f.start)).toEqual([1, 4]);
  });
});
