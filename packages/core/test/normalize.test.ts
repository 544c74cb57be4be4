import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_ON, normalizeText } from "../src/index.js";
import { ASTRAL, charTable, classify, EXPAND, KEEP, NOISE } from "../src/normalize/charTable.js";
import type { NormalizeProfile } from "../src/normalize/profile.js";
import { screenerOf, spans } from "./helpers.js";

const off = { width: false, case: false, traditional: false, invisible: false, noise: false };

describe("normalizeText", () => {
  it.each([
    ["full-width to half-width (NFKC)", "ＡＢＣ１２３", { ...off, width: true }, "ABC123"],
    ["case folding", "WeChat", { ...off, case: true }, "wechat"],
    ["traditional to simplified (OpenCC)", "臺灣當局發佈", { ...off, traditional: true }, "台湾当局发布"],
    ["invisible characters dropped", "台\u200B湾\u200D\uFEFF\u00AD人", { ...off, invisible: true }, "台湾人"],
    ["noise skipped", "台 湾*人“😀”", { ...off, noise: true }, "台湾人"],
    // a sentence or clause ends at these: no term spans them (、 lists, and stays noise)
    [
      "clause ends break",
      "北。韩，北；韩！？…、北：韩．",
      { ...off, noise: true },
      "北\n韩\n北\n韩\n\n\n、北\n韩\n",
    ],
    ["the enumeration comma is kept", "北、韩 ､ 台*湾", { ...off, width: true, noise: true }, "北、韩、台湾"],
    ["ASCII full stop and colon stay noise", "Ph.D 10:30", { ...off, noise: true }, "PhD1030"],
    ["clause marks are text when noise is off", "北，韩", off, "北，韩"],
    ["nothing on: text unchanged", "Ａ台 湾", off, "Ａ台 湾"],
  ])("%s", (_name, input, profile, expected) => {
    expect(normalizeText(input, profile).text).toBe(expected);
  });

  it("maps every normalised unit back to the original code units it came from", () => {
    const text = "Ａ😀臺\u200B灣\r\n㍿";
    const n = normalizeText(text, ALL_ON);
    // each of \r \n is a break; ㍿ expands to 株式会社 by NFKC: four units from one original unit
    expect(n.text).toBe("a台湾\n\n株式会社");
    expect([...n.from]).toEqual([0, 3, 5, 6, 7, 8, 8, 8, 8]);
    expect([...n.to]).toEqual([1, 4, 6, 7, 8, 9, 9, 9, 9]);
  });

  it("offset map is monotone and inside the text, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const n = normalizeText(text, ALL_ON);
        expect(n.from.length).toBe(n.text.length);
        for (let i = 0; i < n.from.length; i++) {
          expect(n.from[i]).toBeGreaterThanOrEqual(0);
          expect(n.to[i]).toBeLessThanOrEqual(text.length);
          expect(n.from[i]).toBeLessThan(n.to[i] as number);
          if (i > 0) expect(n.from[i]).toBeGreaterThanOrEqual(n.from[i - 1] as number);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("character tables", () => {
  // the tables classify only the code units a regular expression picks out as able to change:
  // under each of the 32 profiles, every code unit must come out as `classify` says one by one
  const switches = ["width", "case", "traditional", "invisible", "noise"] as const;
  const profiles: NormalizeProfile[] = Array.from({ length: 32 }, (_, bits) => ({
    width: (bits & 1) !== 0,
    case: (bits & 2) !== 0,
    traditional: (bits & 4) !== 0,
    invisible: (bits & 8) !== 0,
    noise: (bits & 16) !== 0,
  }));

  it.each(profiles.map((p) => [switches.filter((name) => p[name]).join("+") || "none", p] as const))(
    "%s: every code unit as classify gives it",
    (_name, profile) => {
      const table = charTable(profile);
      const wrong: string[] = [];
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const { kind, out } = classify(String.fromCharCode(c), profile);
        const got = table.kind[c];
        const same =
          got === kind &&
          (kind !== KEEP || table.unit[c] === out.charCodeAt(0)) &&
          (kind !== EXPAND || table.expansions.get(c) === out);
        if (!same && wrong.push(c.toString(16)) > 20) break;
      }
      expect(wrong).toEqual([]);
      expect(table.kind[0xd83d]).toBe(ASTRAL);
      expect(table.kind[0xdc00]).toBe(profile.noise ? NOISE : KEEP);
    },
  );
});

describe("offsets of findings on tricky text", () => {
  const s = screenerOf({ entries: [{ id: "tw", kind: "term", message: "m", terms: ["台湾当局"] }] });
  it.each([
    ["emoji before", "😀😀台湾当局", 4, 8],
    ["astral CJK before (𠀀)", "𠀀台湾当局", 2, 6],
    ["combining mark inside", "台\u0301湾当局", 0, 5],
    ["CRLF before", "第一行\r\n台湾当局", 5, 9],
    ["full-width and traditional", "ＸＹ臺灣當局", 2, 6],
    ["noise inside covered by the span", "说台 * 湾当局。", 1, 8],
    ["zero-width joiner inside", "台\u200D湾当局", 0, 5],
    ["emoji inside", "台😀湾当局", 0, 6],
  ])("%s", (_name, text, start, end) => {
    const [f] = s.screen(text);
    expect(f).toMatchObject({ start, end, text: text.slice(start, end) });
  });

  it("a Latin letter's accents are not read, however written (café, cafe\u0301, VPŃ, VPN\u0301, İ)", () => {
    const latin = screenerOf({
      entries: [
        { id: "cafe", kind: "term", message: "m", terms: ["café"] },
        { id: "resume", kind: "term", message: "m", terms: ["re\u0301sume\u0301"] },
        { id: "vpn", kind: "term", message: "m", terms: ["VPN"] },
        { id: "izmir", kind: "term", message: "m", terms: ["İzmir"] },
      ],
    });
    const found = (text: string) => latin.screen(text).map((f) => [f.entryId, f.start, f.end]);
    // a mark after the last letter is outside the span, as any invisible character at its edge
    expect(found("点一杯cafe\u0301吧")).toEqual([["cafe", 3, 7]]);
    expect(found("点一杯CAFÉ吧")).toEqual([["cafe", 3, 7]]);
    expect(found("点一杯cafe吧")).toEqual([["cafe", 3, 7]]);
    expect(found("投résumé")).toEqual([["resume", 1, 7]]);
    // an accent slipped onto a letter, composed or not, is no way past a term
    expect(found("翻墙用VPN\u0301")).toEqual([["vpn", 3, 6]]);
    expect(found("翻墙用VPŃ")).toEqual([["vpn", 3, 6]]);
    expect(found("去I\u0307zmir")).toEqual([["izmir", 1, 7]]);
    expect(found("去İzmir")).toEqual([["izmir", 1, 6]]);
    // other scripts keep the letters their marks make
    expect(normalizeText("が가").text).toBe("が가");
  });

  it("line and column are 1-based and count CRLF as one line break", () => {
    const [f] = s.screen("一\r\n二\r\n三三台湾当局");
    expect(f).toMatchObject({ line: 3, column: 3, endLine: 3, endColumn: 7 });
  });

  it("a finding that runs across a line break ends on its own line and column", () => {
    const p = screenerOf({ entries: [{ id: "p", kind: "pattern", message: "m", pattern: "甲\\s+乙" }] });
    const text = "一\r\n二甲\r\n乙三";
    const [f] = p.screen(text);
    expect(f).toMatchObject({ start: 4, end: 8, line: 2, column: 2, endLine: 3, endColumn: 2 });
    expect([f?.endLine, f?.endColumn]).toEqual(naivePosition(text, 8));
  });

  it("noise is not skipped across a line break or a long run of noise", () => {
    expect(s.screen("台湾\n当局")).toEqual([]);
    expect(s.screen("台湾..........当局")).toEqual([]);
  });

  it("nor across the end of a sentence or clause, where the next begins with the term's end", () => {
    // 北韩 in 华北，韩国, 台湾当局 in 台湾。当局: natural text, not a term dodging the filter
    for (const text of [
      "台湾。当局",
      "台湾，当局",
      "台湾；当局",
      "台湾：当局",
      "台湾？当局",
      "台湾!当局",
      "台湾……当局",
    ])
      expect(s.screen(text)).toEqual([]);
  });

  it("nor across the enumeration comma, which separates a list's items, where a term holding it matches it", () => {
    const places = screenerOf({
      entries: [
        { id: "nk", kind: "term", message: "m", terms: ["北韩"] },
        { id: "title", kind: "term", message: "m", terms: ["国家主席、中共中央总书记"] },
      ],
    });
    // the end of one item and the start of the next are no term: 河北、韩国 holds no 北韩
    for (const text of ["来自河北、韩国和日本", "来自河北､韩国", "来自河北 、 韩国"])
      expect(places.screen(text)).toEqual([]);
    expect(spans(places.screen("北 韩"))).toEqual([["nk", 0, 3, "北 韩"]]);
    expect(spans(places.screen("他是国家主席 、 中共中央总书记"))).toEqual([
      ["title", 2, 16, "国家主席 、 中共中央总书记"],
    ]);
    expect(places.screen("国家主席中共中央总书记")).toEqual([]);
    expect(places.screen("国家主席，中共中央总书记")).toEqual([]);
  });

  it("the matched original text normalises back to the term, for any noise inserted", () => {
    const noise = fc.constantFrom(" ", "*", "“", "😀", "\u200B", "·", "-", "\u3000");
    fc.assert(
      fc.property(
        fc.array(fc.array(noise, { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
        fc.string(),
        (gaps, prefix) => {
          const chars = [..."台湾当局"];
          const word = chars.map((c, i) => c + (i < 3 ? (gaps[i] as string[]).join("") : "")).join("");
          const text = `${prefix.replace(/[台湾当局]/g, "")}。${word}`;
          const found = s.screen(text).at(-1);
          expect(found).toBeDefined();
          expect(normalizeText(found?.text ?? "", ALL_ON).text).toBe("台湾当局");
          expect(text.slice(found?.start, found?.end)).toBe(found?.text);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("per-entry normalisation switches", () => {
  const s = screenerOf({
    entries: [
      { id: "strict", kind: "term", message: "m", terms: ["AB"], normalize: { case: false, noise: false } },
      { id: "loose", kind: "term", message: "m", terms: ["台湾当局"] },
    ],
  });
  it("an entry with case folding off matches only its own case", () => {
    expect(spans(s.screen("ab AB"))).toEqual([["strict", 3, 5, "AB"]]);
  });
  it("an entry with noise off does not skip noise", () => {
    expect(spans(s.screen("A B"))).toEqual([]);
  });
  it("entries with other switches still normalise", () => {
    expect(spans(s.screen("台 灣當局"))).toEqual([["loose", 0, 5, "台 灣當局"]]);
  });
  it("Latin terms do not match inside a longer Latin word, even with noise skipped", () => {
    expect(spans(s.screen("xAB ABc"))).toEqual([]);
  });
});

describe("exact matching (every switch off): the text is scanned as it is", () => {
  // units that normalisation would change under other profiles, or that end a line
  const unit = fc.constantFrom(
    "台",
    "湾",
    "当",
    "局",
    "\r\n",
    "\n",
    "\u2028",
    " ",
    "*",
    "😀",
    "Ａ",
    "\u200b",
    "臺",
  );
  const terms = ["台湾", "湾当局", "台湾当局", "当局", "臺湾"];

  it("finds exactly the occurrences a plain search finds, at their offsets", () => {
    const s = screenerOf({
      defaults: { normalize: off },
      entries: terms.map((t, i) => ({ id: `t${i}`, kind: "term" as const, message: "m", terms: [t] })),
    });
    fc.assert(
      fc.property(
        // size "max": fast-check draws up to 10 units otherwise, and texts of many lines are the point
        fc.array(unit, { maxLength: 40, size: "max" }).map((u) => u.join("")),
        (text) => {
          const expected: [string, number, number, string][] = [];
          terms.forEach((t, i) => {
            for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1))
              expected.push([`t${i}`, at, at + t.length, t]);
          });
          const order = (a: (string | number)[], b: (string | number)[]) =>
            (a[1] as number) - (b[1] as number) ||
            (b[2] as number) - (a[2] as number) ||
            String(a[0]).localeCompare(String(b[0]));
          const findings = s.screen(text);
          expect(spans(findings)).toEqual(expected.sort(order));
          for (const f of findings) {
            expect([f.line, f.column]).toEqual(naivePosition(text, f.start));
            expect([f.endLine, f.endColumn]).toEqual(naivePosition(text, f.end));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a term that holds a unit normalisation would change still matches as written", () => {
    const s = screenerOf({
      defaults: { normalize: off },
      entries: [{ id: "t", kind: "term", message: "m", terms: ["Ａ台"] }],
    });
    expect(spans(s.screen("中Ａ台 A台"))).toEqual([["t", 1, 3, "Ａ台"]]);
  });
});

/** 1-based [line, column] of `offset`, counted one unit at a time (CRLF is one break). */
function naivePosition(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\r" && text[i + 1] === "\n") continue; // the break ends at the LF
    if (c === "\r" || c === "\n" || c === "\u2028" || c === "\u2029") {
      line++;
      lineStart = i + 1;
    }
  }
  return [line, offset - lineStart + 1];
}
