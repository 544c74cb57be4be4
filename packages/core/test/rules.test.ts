import { describe, expect, it } from "vitest";
import { loadCompiled } from "../src/index.js";
import { screenerOf, spans } from "./helpers.js";

const countries = ["美国", "日本", "英国", "中国", "韩国"];

const s = screenerOf({
  lists: { countries },
  entries: [
    { id: "nk", kind: "replace", message: "应称朝鲜", terms: ["北韩"], replacement: "朝鲜" },
    { id: "best", kind: "term", message: "m", terms: ["最佳"], exceptions: ["最佳实践"] },
    { id: "first", kind: "term", message: "m", terms: ["第一"], exceptions: ["第一次", "第一责任人"] },
    {
      id: "thought",
      kind: "canonical",
      message: "m",
      canonical: "习近平新时代中国特色社会主义思想",
      variants: ["习近平新时代中国特色社会主义", "习近平新时代特色社会主义思想"],
    },
    {
      id: "confidence",
      kind: "enumeration",
      message: "m",
      name: "四个自信",
      items: ["道路自信", "理论自信", "制度自信", "文化自信"],
      wrongItems: { 文化自信: ["文明自信"] },
    },
    {
      id: "regions",
      kind: "juxtaposition",
      message: "m",
      first: ["台湾", "香港", "澳门"],
      second: "$countries",
      exceptions: ["中国台湾", "中国香港", "中国澳门"],
    },
    { id: "near", kind: "near", message: "m", groups: [["疫苗"], ["致死", "致命"]], within: 10 },
    { id: "pat", kind: "pattern", message: "m", pattern: "[0-9]+倍速" },
    { id: "list", kind: "term", message: "m", terms: ["人民", "人民共和国", "和国"] },
    // one string each: their hits overlap one another (深深 in 深深深), or fail the Latin word rule
    { id: "deep", kind: "term", message: "m", terms: ["深深"] },
    { id: "aza", kind: "term", message: "m", terms: ["a中a"] },
    // no variant lies inside the canonical form: written correctly, the text has one hit, on it
    { id: "cpc", kind: "canonical", message: "m", canonical: "中国共产党", variants: ["中共党"] },
  ],
});

describe("rule kinds", () => {
  it.each([
    ["replace gives the replacement as a fix", "北韩发射", [["nk", 0, 2, "北韩"]]],
    ["term inside an exception phrase is not a finding", "最佳实践和最佳方案", [["best", 5, 7, "最佳"]]],
    ["ordinary words stay clean", "第一次会议，第一责任人", []],
    ["canonical: the full form is clean", "以习近平新时代中国特色社会主义思想为指导", []],
    ["canonical: the canonical form alone is clean", "坚持中国共产党领导", []],
    [
      "a term overlapping itself is flagged where it first begins",
      "深深深的深深",
      [
        ["deep", 0, 2, "深深"],
        ["deep", 4, 6, "深深"],
      ],
    ],
    ["a hit inside a Latin word does not block the next one", "ba中a中a", [["aza", 3, 6, "a中a"]]],
    ["canonical: its variant is flagged", "坚持中共党领导", [["cpc", 2, 5, "中共党"]]],
    [
      "canonical: a truncated form is flagged",
      "学习习近平新时代中国特色社会主义。",
      [["thought", 2, 16, "习近平新时代中国特色社会主义"]],
    ],
    [
      "canonical: a word dropped",
      "习近平新时代特色社会主义思想",
      [["thought", 0, 14, "习近平新时代特色社会主义思想"]],
    ],
    ["enumeration in order is clean", "坚定道路自信、理论自信、制度自信、文化自信", []],
    [
      "enumeration reordered",
      "道路自信、制度自信、理论自信、文化自信",
      [["confidence", 0, 19, "道路自信、制度自信、理论自信、文化自信"]],
    ],
    [
      "enumeration missing an item",
      "道路自信、理论自信、文化自信",
      [["confidence", 0, 14, "道路自信、理论自信、文化自信"]],
    ],
    [
      "enumeration with a wrong item",
      "道路自信、理论自信、制度自信、文明自信",
      [["confidence", 0, 19, "道路自信、理论自信、制度自信、文明自信"]],
    ],
    [
      "enumeration with the half-width or small 、 (､ ﹑) some input methods give",
      "道路自信､制度自信﹑理论自信､文化自信",
      [["confidence", 0, 19, "道路自信､制度自信﹑理论自信､文化自信"]],
    ],
    ["enumeration: the name alone is clean", "坚定“四个自信”", []],
    ["enumeration: one item alone is clean", "增强文化自信", []],
    [
      "enumeration: the name announces two items just after it",
      "坚定四个自信：道路自信、文化自信",
      [["confidence", 7, 16, "道路自信、文化自信"]],
    ],
    [
      "enumeration: the name does not announce a list in the next sentence",
      "坚定四个自信。道路自信、文化自信",
      [],
    ],
    ["enumeration: nor across a line", "坚定四个自信\n道路自信、文化自信", []],
    // the name introduces the list, or the list is another's: 贯彻新发展理念，推动创新、协调发展
    ["enumeration: nor with other words between", "坚定四个自信，推动道路自信、文化自信", []],
    ["enumeration: nor with other words and no comma", "以四个自信引领道路自信、文化自信", []],
    [
      "enumeration: a word saying what it holds may stand between, after a comma too",
      "坚定“四个自信”，即道路自信、文化自信",
      [["confidence", 10, 19, "道路自信、文化自信"]],
    ],
    [
      "enumeration: 的内涵是 may stand between",
      "四个自信的基本内涵是：道路自信、文化自信",
      [["confidence", 11, 20, "道路自信、文化自信"]],
    ],
    ["juxtaposition with countries", "美国、日本、台湾等国家", [["regions", 0, 8, "美国、日本、台湾"]]],
    ["juxtaposition with 和", "英国和香港的学者", [["regions", 0, 5, "英国和香港"]]],
    ["juxtaposition: 中国台湾 is clean", "美国、日本、中国台湾等地", []],
    ["juxtaposition: regions among themselves are clean", "台湾、香港、澳门", []],
    ["near: both groups within reach", "有人说疫苗可能致死", [["near", 3, 9, "疫苗可能致死"]]],
    ["near: too far apart", "疫苗。这是一段很长很长很长的文字才说致死", []],
    ["near: not across the end of a sentence", "说疫苗。致死", []],
    ["near: nor across a line", "说疫苗\n\n致死", []],
    // full-width ． ends a sentence in some journals' style, but not inside a number
    [
      "near: a number's full-width point is no sentence end",
      "疫苗第3．5批致死",
      [["near", 0, 9, "疫苗第3．5批致死"]],
    ],
    ["near: a full-width ． after words is", "说疫苗．致死", []],
    ["near: across a comma, in one sentence", "说疫苗，会致死", [["near", 1, 7, "疫苗，会致死"]]],
    ["pattern over normalised text", "请用２倍速播放", [["pat", 2, 5, "２倍速"]]],
    [
      // the scan finds 人民 and 和国 before the 人民共和国 they lie in
      "word list: of nested or overlapping terms the leftmost longest",
      "中华人民共和国，人民",
      [
        ["list", 2, 7, "人民共和国"],
        ["list", 8, 10, "人民"],
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(spans(s.screen(text))).toEqual(expected);
  });

  it("an enumeration's name announces a list when it says what it holds, or follows it as its name", () => {
    const listed = (text: string) => s.screen(text).map((f) => f.text);
    for (const announced of [
      "“四个自信”主要包括道路自信、文化自信。",
      "四个自信是指道路自信、文化自信。",
      "四个自信的科学内涵是道路自信、文化自信。",
      "坚定“四个自信”战略：道路自信、文化自信。",
    ])
      expect(listed(announced), announced).toEqual(["道路自信、文化自信"]);
    // after the list, its name says what the list is: all items but one are enough
    expect(listed("坚定道路自信、理论自信、文化自信的四个自信。")).toEqual(["道路自信、理论自信、文化自信"]);
    expect(listed("坚定道路自信、文化自信的四个自信。")).toEqual([]);
    for (const other of ["四个自信为道路自信、文化自信注入动能。", "以四个自信引领道路自信、文化自信。"])
      expect(listed(other), other).toEqual([]);
  });

  it("a bare 是 or 要求 announces a list only when the list is all that is said", () => {
    const listed = (text: string) => s.screen(text).map((f) => f.text);
    for (const announced of [
      "四个自信是道路自信、文化自信。",
      "四个自信就是道路自信、文化自信等",
      "“四个自信”是“道路自信、文化自信”，",
      "四个自信是道路自信、文化自信、文明进步",
      "四个自信是道路自信、文化自信 ",
      "四个自信也就是道路自信、文化自信 等。",
      // called by the end of its name after the list
      "四个自信是道路自信、文化自信的自信。",
      "四个自信是道路自信、文化自信的四个自信，",
    ])
      expect(listed(announced), announced).toEqual(["道路自信、文化自信"]);
    // the items said of something else: what the name is made of, not what it lists
    for (const other of [
      "四个自信是道路自信、文化自信的集中体现。",
      "四个自信要求道路自信、文化自信协同推进",
      "四个自信也就是道路自信、文化自信的统一。",
      "四个自信是道路自信、文化自信的自信在新时代的体现。",
      // the list goes on with words that are more than an item
      "四个自信是道路自信、文化自信、民族复兴信念在新时代的集中体现。",
    ])
      expect(listed(other), other).toEqual([]);
    // a word saying it holds them is enough, whatever follows
    expect(listed("四个自信主要包括道路自信、文化自信两个方面")).toEqual(["道路自信、文化自信"]);
  });

  it("an enumeration without its name needs all its items but one right: wrong items alone make no attempt", () => {
    const listed = (text: string) => s.screen(text).map((f) => f.text);
    expect(listed("道路自信、理论自信、文明自信。")).toEqual(["道路自信、理论自信、文明自信"]);
    expect(listed("道路自信、文明自信、文明自信。")).toEqual([]);
  });

  it("an enumeration's fix keeps the list's own separator, ､ too", () => {
    const [reordered] = s.screen("坚定道路自信､制度自信､理论自信､文化自信");
    expect(reordered?.fix?.replacement).toBe("道路自信､理论自信､制度自信､文化自信");
  });

  it("an enumeration's minItems: a list of fewer items is not checked, unless its name announces it", () => {
    const strategies = screenerOf({
      entries: [
        {
          id: "three",
          kind: "enumeration",
          message: "m",
          name: "三大战略",
          minItems: 3,
          items: ["科教兴国战略", "人才强国战略", "创新驱动发展战略"],
        },
      ],
    });
    const cases: [string, unknown[]][] = [
      ["实施科教兴国战略和人才强国战略", []],
      ["实施人才强国战略、科教兴国战略", []],
      [
        "实施人才强国战略、科教兴国战略、创新驱动发展战略",
        [["three", 2, 24, "人才强国战略、科教兴国战略、创新驱动发展战略"]],
      ],
      ["三大战略：科教兴国战略、创新驱动发展战略", [["three", 5, 20, "科教兴国战略、创新驱动发展战略"]]],
    ];
    // the compiled form keeps it
    const loaded = loadCompiled(JSON.parse(JSON.stringify(strategies.serialize())));
    for (const [text, expected] of cases) {
      expect(spans(strategies.screen(text)), text).toEqual(expected);
      expect(spans(loaded.screen(text)), text).toEqual(expected);
    }
  });

  it("a hit inside a character matching reads as several (㍿ is 株式会社) gets no fix that would delete the rest", () => {
    const company = screenerOf({
      id: "c",
      name: "c",
      version: "1.0.0",
      entries: [{ id: "company", kind: "replace", message: "m", terms: ["会社"], replacement: "公司" }],
    });
    const [inside, plain] = company.screen("日本㍿和会社");
    expect(inside).toMatchObject({ start: 2, end: 3, text: "㍿", suggestions: ["公司"] });
    expect(inside).not.toHaveProperty("fix");
    expect(plain?.fix).toEqual({ start: 4, end: 6, replacement: "公司" });
  });

  it("a wording quoted as a wording (不称“北朝鲜”, “北朝鲜”一词) is found, but gets no fix that would rewrite the rule it states", () => {
    const korea = screenerOf({
      id: "k",
      name: "k",
      version: "1.0.0",
      entries: [{ id: "nk", kind: "replace", message: "m", terms: ["北朝鲜"], replacement: "朝鲜" }],
    });
    const fixOf = (text: string) =>
      korea.screen(text).map((f) => [f.text, f.fix?.replacement ?? null, f.suggestions]);
    for (const mention of [
      "应称朝鲜，不称“北朝鲜”。",
      "把朝鲜称为「北朝鲜」是错误的。",
      "“北朝鲜”一词不用。",
      '不要写成"北朝鲜"。',
    ])
      expect(fixOf(mention), mention).toEqual([["北朝鲜", null, ["朝鲜"]]]);
    // the words used, quoted or not, are fixed
    for (const use of [
      "北朝鲜代表团来访。",
      "代表团访问了“北朝鲜”。",
      "他说“北朝鲜代表团来了”。",
      "媒体称“北朝鲜”代表团已抵达。",
    ])
      expect(fixOf(use), use).toEqual([["北朝鲜", "朝鲜", ["朝鲜"]]]);
  });

  it("fixes replace exactly the span with the right form", () => {
    const [nk] = s.screen("说北 韩");
    expect(nk?.fix).toEqual({ start: 1, end: 4, replacement: "朝鲜" });
    const [enumeration] = s.screen("道路自信、制度自信、理论自信、文化自信");
    expect(enumeration?.fix?.replacement).toBe("道路自信、理论自信、制度自信、文化自信");
    // the list's own separator, in the fix and first among the suggestions, not the rule's 、
    const [commas] = s.screen("道路自信，制度自信，理论自信，文化自信");
    expect(commas?.fix?.replacement).toBe("道路自信，理论自信，制度自信，文化自信");
    expect(commas?.suggestions).toEqual(["道路自信，理论自信，制度自信，文化自信"]);
    expect(enumeration?.suggestions).toEqual(["道路自信、理论自信、制度自信、文化自信"]);
    const [canonical] = s.screen("习近平新时代特色社会主义思想");
    expect(canonical?.fix?.replacement).toBe("习近平新时代中国特色社会主义思想");
  });

  it("findings carry everything a reporter needs", () => {
    const [f] = s.screen("北韩");
    expect(f).toEqual({
      ruleId: "t/nk",
      lexiconId: "t",
      entryId: "nk",
      kind: "replace",
      category: "其他",
      severity: "warning",
      message: "应称朝鲜",
      start: 0,
      end: 2,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 3,
      text: "北韩",
      suggestions: ["朝鲜"],
      fix: { start: 0, end: 2, replacement: "朝鲜" },
    });
  });
});
