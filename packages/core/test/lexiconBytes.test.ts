import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notUtf8Problem } from "../src/lexicon/bytes.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const decodes = (bytes: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe("notUtf8Problem", () => {
  it("finds nothing wrong with UTF-8, with or without a byte order mark", () => {
    expect(notUtf8Problem(utf8("id: 词库 😀\n"), "a.yaml")).toBeUndefined();
    expect(
      notUtf8Problem(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8("id: a\n")), "a.yaml"),
    ).toBeUndefined();
  });

  it("refuses GBK at the line and column of its first byte, counted in characters of the line", () => {
    // line 3 is "  terms: [测试, " then 数据 in GBK (ca fd be dd)
    const bytes = concat(
      utf8("id: a\nname: 名\n  terms: [测试, "),
      Uint8Array.of(0xca, 0xfd, 0xbe, 0xdd),
      utf8("]\n"),
    );
    expect(notUtf8Problem(bytes, "lexicons/a.yaml")).toMatchObject({
      code: "not-utf8",
      file: "lexicons/a.yaml",
      line: 3,
      column: 15,
      severity: "error",
    });
  });

  it("refuses UTF-16 by its byte order mark, at 1:1", () => {
    for (const bom of [Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)]) {
      const problem = notUtf8Problem(concat(bom, Uint8Array.of(0x69, 0, 0x64, 0)), "u.yaml");
      expect(problem).toMatchObject({ code: "not-utf8", line: 1, column: 1 });
    }
  });

  it("refuses exactly what a strict decoder refuses (overlong forms and surrogates too)", () => {
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (values) => {
        const bytes = Uint8Array.from(values);
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return; // UTF-16's mark: refused on purpose
        expect(notUtf8Problem(bytes, "r.yaml") === undefined).toBe(decodes(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("places a bad byte after any UTF-8 prefix where the prefix ends (a leading BOM is no column)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => !s.startsWith("\uFEFF")),
        fc.boolean(),
        fc.constantFrom(0x80, 0xc0, 0xff, 0xb2),
        (prefix, bom, bad) => {
          const head = bom ? concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(prefix)) : utf8(prefix);
          const problem = notUtf8Problem(concat(head, Uint8Array.of(bad)), "p.yaml");
          const lines = prefix.split("\n");
          expect(problem).toMatchObject({ line: lines.length, column: (lines.at(-1) as string).length + 1 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
