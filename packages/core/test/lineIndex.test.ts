import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/findings/lineIndex.js";

/** Line and column of every offset, counted one unit at a time: CRLF, CR, LF, U+2028, U+2029 end a line. */
function reference(text: string): [number, number][] {
  const out: [number, number][] = [];
  let line = 1;
  let column = 1;
  for (let i = 0; i <= text.length; i++) {
    out.push([line, column]);
    const c = text[i];
    const breaks = c === "\n" || c === "\u2028" || c === "\u2029" || (c === "\r" && text[i + 1] !== "\n");
    if (breaks) {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

describe("LineIndex", () => {
  it("gives every offset the line and column a unit-by-unit count gives", () => {
    const unit = fc.constantFrom("a", "中", "\n", "\r", "\r\n", "\u2028", "\u2029", "😀");
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((u) => u.join("")),
        (text) => {
          const lines = new LineIndex(text);
          const got = Array.from({ length: text.length + 1 }, (_, offset): [number, number] => {
            const line = lines.lineOf(offset);
            return [line, lines.column(offset, line)];
          });
          expect(got).toEqual(reference(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("skips a byte order mark opening the text, as editors do: its first line's columns start after it", () => {
    const unit = fc.constantFrom("a", "中", "\n", "\r\n", "\uFEFF");
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 20 }).map((u) => u.join("")),
        (rest) => {
          const lines = new LineIndex(`\uFEFF${rest}`);
          // every offset after the mark is where a count of the text without it puts it (a mark
          // further on is a character like any other)
          const counted = reference(rest);
          for (let offset = 1; offset <= rest.length + 1; offset++) {
            const [line, column] = counted[offset - 1] as [number, number];
            expect(lines.position(offset)).toEqual({ line, column });
          }
          expect(lines.position(0)).toEqual({ line: 1, column: 1 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds the line of an offset from an earlier offset's line as a search does", () => {
    const unit = fc.constantFrom("a", "中", "\n", "\r\n", "\u2028");
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((u) => u.join("")),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
          const lines = new LineIndex(text);
          expect(lines.lineFrom(end as number, lines.lineOf(start as number))).toBe(
            lines.lineOf(end as number),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
