import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_ON } from "../src/index.js";
import { screenerOf, spans } from "./helpers.js";

// A word list's entry of one term is screened the short way: each hit is a finding by itself
// (screener.ts, lone patterns). An exception that never occurs in the text puts the same entry on
// the long way, where its hits are resolved together; both must find the same.

const EXACT = Object.fromEntries(Object.keys(ALL_ON).map((name) => [name, false]));
// ㍿ normalises to 株式会社: one character of the text, four units matched
const TERM_UNIT = fc.constantFrom("株", "式", "会", "社", "深", "a", "b");
const TEXT_UNIT = fc.constantFrom(
  "株",
  "式",
  "会",
  "社",
  "深",
  "a",
  "b",
  "㍿",
  "Ａ",
  "ｂ",
  " ",
  "\u200b",
  "。",
);

interface Entry {
  terms: string[];
  exceptions: string[];
}

/** The findings of a pack of `entries`, each with an exception that never occurs in the text when `never`. */
function screened(entries: readonly Entry[], normalize: object, text: string, never = false) {
  const pack = entries.map((e, i) => ({
    id: `e${i}`,
    kind: "term" as const,
    terms: e.terms,
    message: "m",
    ...(e.exceptions.length > 0 || never
      ? { exceptions: [...e.exceptions, ...(never ? [`零${e.terms[0]}`] : [])] }
      : {}),
  }));
  return spans(screenerOf({ defaults: { severity: "warning", normalize }, entries: pack }).screen(text));
}

const screens = (terms: readonly string[], normalize: object, text: string) =>
  screened(
    terms.map((t) => ({ terms: [t], exceptions: [] })),
    normalize,
    text,
  );

const word = (max: number) => fc.array(TERM_UNIT, { minLength: 1, maxLength: max }).map((cs) => cs.join(""));

describe("an entry of one term (a lone pattern)", () => {
  it("finds what the same entry finds with an exception that never occurs, exact or normalised", () => {
    // entries of one term (lone), of several (which may nest), with exceptions (which may hide a hit)
    const entry = fc.record({
      terms: fc.uniqueArray(word(4), { minLength: 1, maxLength: 3 }),
      exceptions: fc.oneof(fc.constant<string[]>([]), fc.array(word(5), { maxLength: 2 })),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 10 }),
        fc.array(TEXT_UNIT, { maxLength: 40 }).map((cs) => cs.join("")),
        fc.boolean(),
        (entries, text, normalized) => {
          // an exception must contain a term of its entry: give it the entry's first term
          const valid = entries.map((e) => ({ ...e, exceptions: e.exceptions.map((x) => x + e.terms[0]) }));
          const normalize = normalized ? ALL_ON : EXACT;
          expect(screened(valid, normalize, text)).toEqual(screened(valid, normalize, text, true));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("is not taken for an entry with an exception or several terms, which still hide or absorb its hits", () => {
    const entries = [
      { terms: ["社会"], exceptions: ["社会面"] },
      { terms: ["株式", "株式会社"], exceptions: [] },
    ];
    expect(screened(entries, EXACT, "社会面，社会；株式会社")).toEqual([
      ["e0", 4, 6, "社会"],
      ["e1", 7, 11, "株式会社"],
    ]);
  });

  it("finds a term that overlaps itself once where its occurrences overlap (深深 in 深深深)", () => {
    expect(screens(["深深"], EXACT, "深深深，深深")).toEqual([
      ["e0", 0, 2, "深深"],
      ["e0", 4, 6, "深深"],
    ]);
  });

  it("finds a term once where two of its occurrences meet inside one character that normalised to several (社㍿株: 社株 twice)", () => {
    expect(screens(["社株"], ALL_ON, "社㍿株")).toEqual([["e0", 0, 2, "社㍿"]]);
  });
});
