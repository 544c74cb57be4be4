import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLexicons } from "../src/compile.js";
import {
  compile,
  formatProblem,
  guideChecks,
  LexiconError,
  loadCompiled,
  parseLexicon,
  runExamples,
  usablePacks,
  validatePacks,
} from "../src/index.js";
import { idOfRule, type Rule } from "../src/rules/rule.js";
import { screenerOf } from "./helpers.js";

/** The default lexicons, read by tests that change a real pack. */
const LEXICONS = join(import.meta.dirname, "../../../lexicons");

const yaml = (s: string) => s.replace(/^ {4}/gm, "");

/** Pack `id` (named after itself, in `id`.json) with the rest of its body. */
const parsedPack = (id: string, body: object) =>
  parseLexicon(JSON.stringify({ id, name: id, version: "1.0.0", ...body }), `${id}.json`);

describe("compiled form", () => {
  const s = screenerOf({
    entries: [
      { id: "nk", kind: "replace", message: "m", terms: ["北韩"], replacement: "朝鲜" },
      { id: "p", kind: "pattern", message: "m", pattern: "台.独" },
      { id: "e", kind: "enumeration", message: "m", items: ["甲项", "乙项", "丙项"] },
    ],
  });

  it("survives JSON and screens the same without recompiling", () => {
    const text = "北韩、台x独，丙项、乙项、甲项";
    const loaded = loadCompiled(JSON.parse(JSON.stringify(s.serialize())));
    expect(loaded.screen(text)).toEqual(s.screen(text));
    expect(s.screen(text)).toHaveLength(3);
  });

  it("writes each rule as its entry and a look that rules alike share, and reads it back whole", () => {
    const words = Array.from({ length: 300 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}`);
    const entries = [
      ...words.map((w, i) => ({ id: `w${i}`, kind: "term", message: "同一提示", terms: [w] })),
      { id: "other", kind: "term", message: "另一提示", terms: ["别的"], severity: "error" },
      { id: "off", kind: "term", message: "同一提示", terms: ["停用"] },
    ];
    const pack = (body: object) => parseLexicon(JSON.stringify({ version: "1.0.0", ...body }), "p.json");
    const built = compile([
      pack({ id: "big", name: "big", entries }),
      pack({ id: "o", name: "o", overrides: [{ entry: "big/off", disabled: true }] }),
    ]);
    const data = built.serialize();
    expect(data.looks).toHaveLength(2);
    expect(data.rules.entry).toEqual([...words.map((_, i) => `w${i}`), "other"]);
    expect(data.disabled.map((r) => r.ruleId)).toEqual(["big/off"]);
    const loaded = loadCompiled(JSON.parse(JSON.stringify(data)));
    expect(loaded.rules).toEqual(built.rules);
    expect(built.rules.at(-1)).toMatchObject({ ruleId: "big/off", disabled: true });
    const text = `${words.join("，")}别的停用`;
    expect(loaded.screen(text)).toEqual(built.screen(text));
    // (traditional forms fold: a word may also be found as another's)
    const found = new Set(built.screen(text).map((f) => f.ruleId));
    expect([...found].sort()).toEqual([...words.map((_, i) => `big/w${i}`), "big/other"].sort());
    // the loaded screener writes the same file again
    expect(loaded.serialize()).toEqual(data);
    // the file's lists are its own: not frozen, not shared with another screener's file
    const lists = data.looks[0]?.suggestions as string[];
    expect(Object.isFrozen(lists)).toBe(false);
    expect(lists).not.toBe(loaded.serialize().looks[0]?.suggestions);
  });

  it("each finding owns its basis: changing one changes no other finding", () => {
    const withBasis = screenerOf({
      basis: { document: "新闻信息报道中的禁用词", article: "一" },
      entries: [
        { id: "a", kind: "term", message: "m", terms: ["甲方"] },
        { id: "b", kind: "term", message: "m", terms: ["乙方"] },
      ],
    });
    for (const screener of [withBasis, loadCompiled(JSON.parse(JSON.stringify(withBasis.serialize())))]) {
      const [a] = screener.screen("甲方乙方");
      if (a?.basis && typeof a.basis === "object") a.basis.document = "改了";
      expect(screener.screen("甲方乙方").map((f) => f.basis)).toEqual([
        { document: "新闻信息报道中的禁用词", article: "一" },
        { document: "新闻信息报道中的禁用词", article: "一" },
      ]);
    }
  });

  it("each finding owns its suggestions: changing one changes no other finding and no rule", () => {
    const plain = screenerOf({
      entries: [
        { id: "a", kind: "term", message: "m", terms: ["甲方"] },
        { id: "b", kind: "term", message: "m", terms: ["乙方"] },
        { id: "c", kind: "term", message: "m", terms: ["丙方"], suggestions: ["丁方"] },
      ],
    });
    for (const screener of [plain, loadCompiled(JSON.parse(JSON.stringify(plain.serialize())))]) {
      const [a, b, c] = screener.screen("甲方乙方丙方");
      expect([a?.suggestions, b?.suggestions, c?.suggestions]).toEqual([[], [], ["丁方"]]);
      a?.suggestions.push("改");
      c?.suggestions.push("改");
      const again = screener.screen("甲方乙方丙方");
      expect(again.map((f) => f.suggestions)).toEqual([[], [], ["丁方"]]);
      expect(b?.suggestions).toEqual([]);
    }
  });

  it("rejects data that is not a compiled lexicon", () => {
    expect(() => loadCompiled({} as never)).toThrow(/shengao-compiled/);
  });

  it("screening a text in pieces at line breaks equals screening it whole", () => {
    const piece = fc.constantFrom(
      "北韩",
      "北",
      "韩",
      "台",
      "独",
      "x",
      "、",
      "甲项",
      "乙项",
      "丙项",
      "。",
      " ",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
          { maxLength: 6 },
        ),
        (lines) => {
          const whole = s.screen(lines.join("\n")).map((f) => [f.ruleId, f.line, f.column, f.text]);
          const byLine = lines.flatMap((line, i) =>
            s.screen(line).map((f) => [f.ruleId, i + 1, f.column, f.text]),
          );
          expect(whole).toEqual(byLine);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("every finding's span lies inside the text and its text is that slice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (noise, tail) => {
        const text = `${noise}北${noise.slice(0, 2)}韩${tail}`;
        for (const f of s.screen(text)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
      }),
    );
  });
});

describe("a big pack", () => {
  it("finds each of thousands of entries' words as that entry's (the collector's buffers grow)", () => {
    const words = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + 2 * i, 0x4e01 + 2 * i));
    const s = screenerOf({
      entries: words.map((w, i) => ({ id: `w${i}`, kind: "term" as const, message: "m", terms: [w] })),
    });
    const found = new Set(s.screen(words.join("，")).map((f) => `${f.ruleId} ${f.text}`));
    for (const [i, w] of words.entries()) expect(found).toContain(`t/w${i} ${w}`);
  });

  it("makes a rule's id string only when a finding or a listing asks for it", () => {
    const parsed = parsedPack("p", {
      entries: [
        { id: "a", kind: "term", message: "m", terms: ["词语"] },
        { id: "b", kind: "term", message: "m", terms: ["别的"] },
      ],
    });
    // another pack's override makes the ids be looked up, not kept
    const overriding = parsedPack("o", { overrides: [{ entry: "p/a", severity: "error" }] });
    expect(compileLexicons([parsed, overriding]).rules.map((r) => [r.ruleId, r.look.severity])).toEqual([
      [undefined, "error"],
      [undefined, "warning"],
    ]);
    const { rules } = compileLexicons([parsed]);
    expect(rules.map((r) => r.ruleId)).toEqual([undefined, undefined]);
    expect(idOfRule(rules[1] as Rule)).toBe("p/b");
    expect(rules.map((r) => r.ruleId)).toEqual([undefined, "p/b"]);
    const s = compile([parsed]);
    expect(s.screen("别的词语").map((f) => f.ruleId)).toEqual(["p/b", "p/a"]);
    expect(s.rules.map((r) => r.ruleId)).toEqual(["p/a", "p/b"]);
  });
});

/**
 * A pack of these entries, each given by its lines from its id on: the first entry's id is on
 * line 5 of the file, and each line of an entry follows the last.
 */
const packOf = (...entries: (readonly string[])[]) =>
  parseLexicon(
    [
      "id: a",
      "name: 测试",
      "version: 1.0.0",
      "entries:",
      ...entries.flatMap(([id, ...rest]) => [`  - ${id}`, ...rest.map((l) => `    ${l}`)]),
      "",
    ].join("\n"),
    "a.yaml",
  );

/** A pack whose one entry, x, has these lines (the first of them on line 6 of the file). */
const oneEntryPack = (lines: readonly string[]) => packOf(["id: x", ...lines]);

describe("lexicon errors", () => {
  it("a YAML syntax error names the line and column", () => {
    const p = parseLexicon("id: a\nname: [unclosed\nversion: 1.0.0\n", "bad.yaml");
    expect(p.pack).toBeUndefined();
    expect(p.problems[0]).toMatchObject({ code: "yaml-syntax", file: "bad.yaml", line: expect.any(Number) });
  });

  it("a .json pack that only YAML reads (a trailing comma) is used, with a warning at the comma", () => {
    const source =
      '{\n  "id": "a", "name": "n", "version": "1.0.0",\n  "entries": [\n    {"id": "x", "kind": "term", "terms": ["最佳"], "message": "m"},\n  ]\n}\n';
    const p = parseLexicon(source, "a.json");
    expect(p.pack?.entries.map((e) => e.id)).toEqual(["x"]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        code: "not-json",
        severity: "warning",
        line: 4,
        column: (source.split("\n")[3] as string).indexOf("},") + 2,
      }),
    ]);
    expect(p.problems[0]?.message).toMatch(/^这里多了一个逗号.*可以使用；但别的 JSON 工具读不了/);
    expect(
      compile(usablePacks([p]).usable)
        .screen("最佳")
        .map((f) => f.entryId),
    ).toEqual(["x"]);
    // the same text is sound YAML, and strict JSON without the comma
    expect(parseLexicon(source, "a.yaml").problems).toEqual([]);
    expect(parseLexicon(source.replace("},\n", "}\n"), "a.json").problems).toEqual([]);
  });

  it("a .json pack with one key twice in an object is an error where the second stands, not a silent loss of the first", () => {
    const source = (second: string) =>
      `{\n  "id": "a", "name": "n", "version": "1.0.0",\n  "entries": [\n    {"id": "x", "kind": "term", "message": "m", "terms": ["北韩"], ${second}: ["南朝鲜"]}\n  ]\n}\n`;
    for (const second of ['"terms"', '"\\u0074erms"']) {
      const p = parseLexicon(source(second), "a.json");
      expect(p.pack, second).toBeUndefined();
      expect(
        p.problems.map((q) => [q.code, q.line, q.column]),
        second,
      ).toEqual([["yaml-syntax", 4, (source(second).split("\n")[3] as string).lastIndexOf(second) + 1]]);
    }
    // the same key in two objects, and a key's name as a value, are no repeats
    const fine = JSON.stringify({
      id: "a",
      name: "id",
      version: "1.0.0",
      entries: [
        { id: "x", kind: "term", message: "terms", terms: ["北韩"] },
        { id: "y", kind: "term", message: "m", terms: ["南朝鲜"] },
      ],
    });
    expect(parseLexicon(fine, "a.json").problems).toEqual([]);
  });

  it("a .json pack with a byte order mark, or strict JSON that is no pack, is not called 'not JSON'", () => {
    const bom = parseLexicon(
      `\uFEFF${JSON.stringify({ id: "a", name: "n", version: "1.0.0", entries: [] })}`,
      "a.json",
    );
    expect(bom.problems).toEqual([]);
    expect(bom.pack?.id).toBe("a");
    const array = parseLexicon(`[${JSON.stringify({ id: "a" })}]`, "a.json");
    expect(array.problems.map((q) => q.code)).toEqual(["schema"]);
  });

  it("a .json pack that is not JSON at all is read as YAML, with a warning at its start", () => {
    const p = parseLexicon("id: a\nname: n\nversion: 1.0.0\nentries: []\n", "a.json");
    expect(p.pack?.id).toBe("a");
    expect(p.problems).toEqual([expect.objectContaining({ code: "not-json", line: 1, column: 1 })]);
    expect(p.problems[0]?.message).toMatch(/^不是严格的 JSON/);
    // a comma inside a string is no trailing comma; with a schema error, the warning says it may be the cause
    const q = parseLexicon(`{ id: a, name: "x,]", version: 1.0.0, entries: [], extra: 1 }`, "a.json");
    expect(q.pack).toBeUndefined();
    expect(q.problems.map((x) => [x.code, x.line, x.column])).toEqual([
      ["not-json", 1, 3],
      ["schema", 1, 52],
    ]);
    expect(q.problems[0]?.message).toMatch(/^这里的键没有加双引号.*其他错误可能由此而来/);
  });

  it("a .json pack's not-json warning is at what JSON refuses: a full-width or single quote, a comment", () => {
    const at = (source: string) =>
      parseLexicon(source, "a.json").problems.map((q) => [
        q.code,
        q.line,
        q.column,
        q.message.split("。")[0],
      ]);
    expect(at('{"id": "a", "name": “测试”, "version": "1.0.0", "entries": []}')).toEqual([
      ["not-json", 1, 21, '这里用了全角引号「“」，JSON 只认半角双引号 "'],
    ]);
    expect(at(`{"id": "a", 'name': "n", "version": "1.0.0", "entries": []}`)).toEqual([
      ["not-json", 1, 13, "这里用了单引号「'」，JSON 只认半角双引号 \""],
    ]);
    // quotes inside a string are text
    expect(at('{"id": "a", "name": "“测试”\'s", "version": "1.0.0", "entries": []}')).toEqual([]);
    expect(
      at('{"id": "a",\n  // 本单位\n  "name": "n", "version": "1.0.0", "entries": []}')[0]?.slice(0, 4),
    ).toEqual(["not-json", 2, 3, "这里有注释，JSON 不允许注释"]);
  });

  it("an alias without its anchor, or aliases that expand too far, are a located problem, never a throw", () => {
    const p = parseLexicon(
      "id: a\nname: n\nversion: 1.0.0\nentries:\n  - {id: x, kind: term, message: m, terms: *nope}\n",
      "a.yaml",
    );
    expect(p.problems).toEqual([expect.objectContaining({ code: "yaml-syntax", line: 5, column: 44 })]);
    expect(p.problems[0]?.message).toMatch(/^YAML 格式错误：别名.*（Unresolved alias/);
    // at the alias that has no anchor, not at a sound one before it
    const two = parseLexicon(
      "id: a\nx: &good 1\nname: *good\nentries:\n  - {id: e, terms: [*bad]}\n",
      "b.yaml",
    );
    expect(two.problems.map((q) => [q.line, q.column])).toEqual([[5, 21]]);
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(9)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    const bomb = parseLexicon(`${laughs.join("\n")}\nid: a\n`, "bomb.yaml");
    expect(bomb.problems.map((q) => [q.code, q.line])).toEqual([["yaml-syntax", 2]]);
    // and the other packs stay usable
    expect(usablePacks([bomb, parsedPack("b", { entries: [] })]).usable.map((q) => q.pack?.id)).toEqual([
      "b",
    ]);
  });

  it("a key written as a list or a map is a located problem, with no warning printed by the process", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const p = parseLexicon(
        "id: a\nname: n\nversion: 1.0.0\nentries:\n  - id: x\n    ? [terms]\n    : [北韩]\n    ? { k: 1 }\n    : 2\n",
        "a.yaml",
      );
      expect(p.pack).toBeUndefined();
      expect(p.problems.map((q) => [q.code, q.line, q.column])).toEqual([
        ["yaml-syntax", 6, 7],
        ["yaml-syntax", 8, 7],
      ]);
      expect(p.problems[0]?.message).toMatch(/^YAML 格式错误：字段名必须是一个词/);
      // a process warning is emitted on a later tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it("slips of a Chinese input method are named where they are, not by the errors they cause after", () => {
    const entry = (kindLine: string) =>
      parseLexicon(
        [
          "id: a",
          "name: n",
          "version: 1.0.0",
          "entries:",
          "  - id: x",
          kindLine,
          "    message: m",
          "    terms: [最佳]",
          "    examples:",
          "      flag: [最佳]",
          "  - id: y",
          "    kind: term",
          "    message: m",
          "    terms: [北韩]",
          "",
        ].join("\n"),
        "a.yaml",
      ).problems.map((q) => [q.line, q.column, q.message]);
    expect(entry("    kind： term")).toEqual([
      [
        6,
        9,
        "YAML 格式错误：「kind」后面是全角冒号“：”，YAML 只认半角冒号：请改成“kind: ”（冒号后空一格；切换到英文输入法再打）",
      ],
    ]);
    const fullWidthSpace = entry("\u3000\u3000kind: term");
    expect(fullWidthSpace[0]).toEqual([
      6,
      1,
      "YAML 格式错误：这一行的缩进里有全角空格，YAML 缩进只认半角空格：请删掉这一行开头的空白，用空格重新对齐（每层两个空格）",
    ]);
    // what the slip throws out of step after it is counted, not listed
    expect(fullWidthSpace).toHaveLength(2);
    expect(fullWidthSpace[1]?.[2]).toMatch(/^从这里起还有 \d+ 处 YAML 格式错误/);
    const tab = entry("\tkind: term");
    expect(tab[0]?.[2]).toMatch(/^YAML 格式错误：这一行的缩进里有 Tab，YAML 缩进只认半角空格/);
    expect(tab).toHaveLength(2);
    // a full-width colon inside a value is text, and a sound file has no slips to name
    expect(entry("    kind: term\n    tags: ['注意：慎用']")).toEqual([]);
    // nor is a paragraph of a block scalar opened by full-width spaces: the real error is named
    const block = entry("    kind: term\n    basis: |\n      \u3000\u3000依据：某文件\n    kind: term");
    expect(block).toEqual([[9, 5, "YAML 格式错误：同一层里有两个相同的字段名（Map keys must be unique）"]]);
  });

  it("an unclosed quote is placed where it opens, not at the end of the file where the parser notices", () => {
    for (const quote of ["'", '"']) {
      const p = parseLexicon(
        `id: a\nname: n\nversion: 1.0.0\nentries:\n  - id: x\n    kind: term\n    message: ${quote}没有收尾\n    terms: [最佳]\n`,
        "a.yaml",
      );
      expect(p.problems.map((q) => [q.line, q.column, q.message.split("：").slice(0, 2).join("：")])).toEqual(
        [[7, 14, "YAML 格式错误：引号没有配对"]],
      );
    }
    // a quote escaped inside single quotes ('') is no opening one
    const escaped = parseLexicon(
      "id: a\nname: 'it''s'\nversion: 1.0.0\nentries: []\nbasis: '未完\n",
      "a.yaml",
    );
    expect(escaped.problems.map((q) => [q.line, q.column])).toEqual([[5, 8]]);
  });

  it("a field of another kind of entry, a missing or misspelt kind, say so", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0.0
    entries:
      - id: x
        kind: term
        message: m
        terms: [砖家]
        replacement: 专家
      - id: y
        message: m
        terms: [叫兽]
      - id: z
        kind: trem
        message: m
        terms: [叫兽]
    `),
      "a.yaml",
    );
    expect(p.problems.map((q) => [q.line, q.column, q.message])).toEqual([
      [
        9,
        5,
        "「entries.0」 有不认识的字段：replacement：这是 replace 类条目的字段，本条目的 kind 是 term；要用它，请把 kind 改成 replace（并按那一类的写法写全），否则删去它",
      ],
      [
        10,
        5,
        "「entries.1」 缺少 kind：写明条目的类型，term、replace、canonical、enumeration、juxtaposition、near、pattern 之一",
      ],
      [
        14,
        11,
        '「entries.2.kind」 只能是 term、replace、canonical、enumeration、juxtaposition、near、pattern 之一，实际是 文字 "trem"',
      ],
    ]);
  });

  it("a field in the wrong place, a list's bad name, a blank value and an empty file say what to do", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0.0
    lists:
      Countries: [美国]
    overrides:
      - { entry: editorial/north-korea, severity: info, message: 改 }
    entries:
      - id: x
        kind: term
        message:
        terms: [砖家]
        flag: [砖家来了]
    `),
      "a.yaml",
    );
    expect(p.problems.map((q) => [q.line, q.column, q.message])).toEqual([
      [
        5,
        3,
        "「lists」 里的「Countries」写法不对：列表名只能用小写英文字母、数字、_ 和 -（如 countries），引用时写 $countries",
      ],
      [
        7,
        53,
        "「overrides.0」 有不认识的字段：message：overrides 里每一项只能写 entry（要覆盖的条目）、severity（改级别）和 disabled（停用）；要改提示语等，请在本词库另写一个条目",
      ],
      [11, 13, "「entries.0.message」 没有写内容：冒号后面要写文字（同一行，或下一行缩进）"],
      [
        13,
        5,
        "「entries.0」 有不认识的字段：flag：flag 要写在 examples: 下面，缩进两格（见审校人员指南第四节）",
      ],
    ]);
    for (const empty of ["", "# 只有注释\n"])
      expect(parseLexicon(empty, "a.yaml").problems.map((q) => q.message)).toEqual([
        "文件是空的（或只有注释）：词库至少要写 id、name、version 和 entries，见审校人员指南",
      ]);
  });

  it("a pattern anchored with ^ or $ without (?m) is warned of: it anchors to the whole post", () => {
    const warned = (pattern: string) =>
      validatePacks([oneEntryPack(["kind: pattern", "message: m", `pattern: '${pattern}'`])]).some(
        (q) => q.code === "whole-text-anchor" && q.severity === "warning",
      );
    for (const pattern of ["^民国", "民国$", "(甲|^乙)"]) expect(warned(pattern), pattern).toBe(true);
    for (const pattern of [
      "(?m)^民国",
      "(?m:^民国)",
      "(?i)(?m)^民国",
      "(?m-s)^民国",
      "民国[^年]",
      "民国\\$",
      "[$]5",
      "[[:digit:]$]",
      "\\Q^\\E民国",
    ])
      expect(warned(pattern), pattern).toBe(false);
    // and it says so: the anchor is why a flag sentence passes lexicon test and a post is not flagged
    const p = oneEntryPack([
      "kind: pattern",
      "message: m",
      "pattern: '^民国'",
      "examples: { flag: [民国50年出版] }",
    ]);
    expect(runExamples(compile([p]), [p]).every((r) => r.ok)).toBe(true);
    expect(compile([p]).screen("书在民国50年出版。民国60年出版")).toEqual([]);
  });

  it("a term of commas alone is empty; a term with a comma at its edge is warned of", () => {
    const codes = (term: string) =>
      validatePacks([oneEntryPack(["kind: term", "message: m", `terms: ['${term}']`])]).map((q) => [
        q.code,
        q.severity,
      ]);
    // 、 is no longer skipped: alone it would flag every list in every draft
    expect(codes("、")).toEqual([["empty-term", "error"]]);
    expect(codes("、 、")).toEqual([["empty-term", "error"]]);
    expect(codes("砖家、")).toEqual([["comma-at-edge", "warning"]]);
    expect(codes("、砖家")).toEqual([["comma-at-edge", "warning"]]);
    expect(codes("国家主席、总书记")).toEqual([]);
  });

  it("a list referred to that is not defined names the lists that are", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0.0
    lists:
      countries: [美国]
    entries:
      - { id: j, kind: juxtaposition, message: m, first: [台湾], second: $nations }
    `),
      "a.yaml",
    );
    expect(validatePacks([p]).map((q) => q.message)).toEqual([
      "列表「$nations」没有在本词库的 lists 中定义（本词库的列表有：$countries）",
    ]);
  });

  it("a byte order mark is no column", () => {
    const body = "id: Bad_Pack\nname: n\nversion: 1.0.0\nentries: []\n";
    const at = (source: string, file: string) =>
      parseLexicon(source, file).problems.map((q) => [q.code, q.line, q.column]);
    expect(at(`\uFEFF${body}`, "a.yaml")).toEqual(at(body, "a.yaml"));
    expect(at(body, "a.yaml")).toEqual([["schema", 1, 5]]);
    const json = '{"id": "Bad_Pack", "name": "n", "version": "1.0.0", "entries": []}\n';
    expect(at(`\uFEFF${json}`, "a.json")).toEqual([["schema", 1, 8]]);
  });

  it("YAML syntax errors are placed by the file's own lines, and after the first ten only counted", () => {
    // a reviewer deletes a comment's # and slips a ! before a list item: hundreds of errors follow,
    // and yaml's own line counter missed the line ends inside the erroneous tokens
    const source = readFileSync(join(LEXICONS, "advertising.yaml"), "utf8")
      .replace(/^# 学会/m, "学会")
      .replace(/^( +)- 国家级非遗$/m, "$1!- 国家级非遗");
    const p = parseLexicon(source, "a.yaml");
    const sourceLines = source.split("\n");
    const quoted = p.problems.flatMap((q) => {
      const token = /YAML stream: "([^"\\]+)"/.exec(q.message)?.[1];
      return token === undefined
        ? []
        : [[sourceLines[q.line - 1]?.slice(q.column - 1, q.column - 1 + token.length), token]];
    });
    expect(quoted.length).toBeGreaterThan(3);
    for (const [at, token] of quoted) expect(at).toBe(token);
    expect(p.problems).toHaveLength(11);
    expect(p.problems[10]?.message).toMatch(/^从这里起还有 \d+ 处 YAML 格式错误/);
  });

  it.each([
    ["message: 注意: 这样写不对", "文字里有“: ”的，整段用单引号括起来"],
    ["terms: [a: b: c]", "把这一项用单引号括起来"],
    ["message: '没有收尾", "引号没有配对"],
    ['message: "科普"写错了。', "请把整段再用单引号括起来"],
    ["message: @某某 不要这样写", "值不能以 @、%、` 这样的符号开头"],
    ['pattern: "民国\\d+年"', "请改用单引号括起来"],
    ["entries: []\n---\nid: b", "一个文件只写一个词库"],
    ["terms: [甲乙]]", "多了一个右括号"],
    ["message: m\nkind term", "这一行少了冒号"],
    ["entries:\n  - id: x\n   kind: term", "列表的每一项以“- ”开头"],
  ])("a YAML error a reviewer meets (%s) says what to do, then the parser's words", (line, advice) => {
    const p = parseLexicon(`id: a\nname: n\n${line}\n`, "bad.yaml");
    expect(p.problems[0]?.code).toBe("yaml-syntax");
    expect(p.problems[0]?.message).toContain(advice);
    expect(p.problems[0]?.message).toMatch(/（[A-Z][^）]+）$/);
  });

  it("a number where text is wanted says how YAML read it: a version of two parts, a bare number", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0
    entries:
      - id: x
        kind: term
        message: 2025
        terms: [最佳]
    `),
      "a.yaml",
    );
    expect(p.problems.map((q) => [q.line, q.message])).toEqual([
      [3, "「version」 版本号要写三段数字，如 1.0.0（写成一段或两段会被当作数字）"],
      [7, "「entries.0.message」 应为 文字，这里被当作了数字：请把它用单引号括起来"],
    ]);
  });

  it("schema errors point at the offending value, in plain words", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0.0
    entries:
      - id: x
        kind: term
        message: m
        terms: [最佳]
        severity: fatal
    `),
      "a.yaml",
    );
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ code: "schema", line: 9, column: 15 });
    expect(formatProblem(p.problems[0] as never)).toMatch(/^a\.yaml:9:15 .*error、warning、info/);
  });

  it("an unknown key is reported where it is written, each on its own line (YAML and JSON)", () => {
    const p = parseLexicon(
      yaml(`id: a
    name: 测试
    version: 1.0.0
    entires: []
    entries:
      - id: x
        kind: term
        message: m
        terms: [最佳]
        severty: error
        exampels: {flag: [最佳]}
    `),
      "a.yaml",
    );
    expect(p.problems.map((q) => [q.line, q.column, q.message])).toEqual([
      [4, 1, "文件 有不认识的字段：entires（拼写错误？）"],
      [10, 5, "「entries.0」 有不认识的字段：severty（拼写错误？）"],
      [11, 5, "「entries.0」 有不认识的字段：exampels（拼写错误？）"],
    ]);
    const entry = '  {"id": "x", "kind": "term", "message": "m", "terms": ["最佳"], "colour": 1}]}';
    const json = parseLexicon(
      `{"id": "a", "name": "n", "version": "1.0.0",\n "entries": [\n${entry}`,
      "a.json",
    );
    expect(json.problems.map((q) => [q.line, q.column])).toEqual([[3, entry.indexOf('"colour"') + 1]]);
  });

  it("a replace entry whose replacement is one of its terms is an error, at that term", () => {
    const p = oneEntryPack(["kind: replace", "message: m", "terms: [北韩, 朝鲜]", "replacement: 朝鲜"]);
    const problems = validatePacks([p]);
    expect(problems).toMatchObject([{ code: "replacement-is-term", line: 8, column: 17, severity: "error" }]);
    expect(problems[0]?.message).toContain("「朝鲜」既是要替换的词，又是替换成的写法");
    // as matching sees it: a traditional or full-width form of the replacement, unless the entry
    // matches exactly
    const normalised = (terms: string, replacement: string, normalize = "") =>
      validatePacks([
        oneEntryPack([
          "kind: replace",
          "message: m",
          `terms: [${terms}]`,
          `replacement: ${replacement}`,
          normalize,
        ]),
      ]).map((q) => [q.code, q.line, q.column]);
    expect(normalised("帳號", "帐号")).toEqual([["replacement-is-term", 8, 13]]);
    expect(normalised("ＷｅＣｈａｔ, 微信号", "WeChat")).toEqual([["replacement-is-term", 8, 13]]);
    expect(normalised("帳號", "帐号", "normalize: {traditional: false}")).toEqual([]);
  });

  it("a replacement that still holds a term of its entry, outside every exception, is a warning: the fix would be flagged again", () => {
    const codes = (lines: string[]) =>
      validatePacks([oneEntryPack(["kind: replace", "message: m", ...lines])]).map((q) => [
        q.code,
        q.line,
        q.column,
      ]);
    expect(codes(["terms: [省科协]", "replacement: 福建省科协"])).toEqual([["replacement-has-term", 9, 18]]);
    // an exception around it, or a replacement that does not hold it, is fine
    expect(codes(["terms: [省科协]", "replacement: 福建省科协", "exceptions: [福建省科协]"])).toEqual([]);
    expect(codes(["terms: [北韩]", "replacement: 朝鲜"])).toEqual([]);
    // as matching reads it: the traditional form of the term in the replacement
    expect(codes(["terms: [帐号]", "replacement: 微信帳號"])).toEqual([["replacement-has-term", 9, 18]]);
    // inside a longer Latin word it is no hit: ChatGPT is not flagged for GPT; GPT-4 is
    expect(codes(["terms: [GPT]", "replacement: ChatGPT"])).toEqual([]);
    expect(codes(["terms: [GPT]", "replacement: GPT-4 模型"])).toEqual([["replacement-has-term", 9, 18]]);
    // a term that must be a whole word is none inside a longer word of the replacement
    expect(codes(["terms: [天王]", "replacement: 天王星"])).toEqual([["replacement-has-term", 9, 18]]);
    expect(codes(["terms: [天王]", "replacement: 天王星", "boundary: true"])).toEqual([]);
    expect(codes(["terms: [天王]", "replacement: 一个天王在", "boundary: true"])).toEqual([
      ["replacement-has-term", 9, 18],
    ]);
  });

  it("a term with a space between Han characters is a warning: two words run together (a comma or a '- ' forgotten)", () => {
    const p = packOf(
      ["id: flow", "kind: term", "message: m", "terms: [砖家 叫兽, Taiwan President, 北韩]"],
      ["id: block", "kind: term", "message: m", "terms:", "  - 专家们", "    教授们"],
      ["id: exact", "kind: term", "message: m", "terms: ['台湾　总统']", "normalize: { noise: false }"],
    );
    const found = validatePacks([p]);
    expect(found.map((q) => [q.code, q.severity, q.line, q.column])).toEqual([
      ["spaced-term", "warning", 8, 13],
      ["spaced-term", "warning", 13, 9],
      ["spaced-term", "warning", 18, 13],
    ]);
    expect(found[0]?.message).toMatch(
      /^「砖家 叫兽」中间有空格：空格不参与比对，这样写只查得出连着写的「砖家叫兽」/,
    );
    expect(found[1]?.message).toMatch(/^「专家们 教授们」/);
    expect(found[2]?.message).toMatch(/本条目比对空格/);
    expect(usablePacks([p]).usable).toEqual([p]);
  });

  it("a term whose symbol says what it means, left with Latin letters or digits once symbols are dropped, is a warning", () => {
    const p = packOf(
      [
        "id: sym",
        "kind: term",
        "message: m",
        "terms: [C++, '100%', Wi-Fi, '#话题#', COVID-19, '3.14', U.S.]",
      ],
      // a symbol inside a longer word: what is left is as rare as the term, no warning; but c/o is co
      ["id: inside", "kind: term", "message: m", "terms: [Node.js, example.com, 'AT&T', 'c/o']"],
      // beside a digit it is part of a number or a version
      ["id: digits", "kind: term", "message: m", "terms: [3.5mm, C++11]"],
      ["id: exact", "kind: term", "message: m", "terms: [C++]", "normalize: { noise: false }"],
    );
    const found = validatePacks([p]);
    expect(found.map((q) => [q.code, q.severity, q.line, q.column])).toEqual([
      ["dropped-symbol", "warning", 8, 13],
      ["dropped-symbol", "warning", 8, 18],
      ["dropped-symbol", "warning", 8, 51],
      ["dropped-symbol", "warning", 8, 59],
      ["dropped-symbol", "warning", 12, 43],
      ["dropped-symbol", "warning", 16, 13],
      ["dropped-symbol", "warning", 16, 20],
    ]);
    expect(found.map((q) => q.message.slice(0, q.message.indexOf("比对，")))).toEqual([
      "「C++」里的“+”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「c」",
      "「100%」里的“%”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「100」",
      "「3.14」里的“.”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「314」",
      "「U.S.」里的“.”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「us」",
      "「c/o」里的“/”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「co」",
      "「3.5mm」里的“.”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「35mm」",
      "「C++11」里的“+”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「c11」",
    ]);
    expect(usablePacks([p]).usable).toEqual([p]);
  });

  it("a term split by a clause mark, or a list reference in brackets, is a warning: it would never match as meant", () => {
    const p = packOf(
      ["id: comma", "kind: term", "message: m", "terms: [砖家，叫兽, 国家主席、总书记]"],
      ["id: ref", "kind: juxtaposition", "message: m", "first: [台湾]", "second: [$countries]"],
      ["id: exact", "kind: term", "message: m", "terms: ['a,b']", "normalize: { noise: false }"],
    );
    const found = validatePacks([p]);
    expect(found.map((q) => [q.code, q.severity, q.line, q.column])).toEqual([
      ["split-term", "warning", 8, 13],
      ["list-in-brackets", "warning", 13, 14],
    ]);
    expect(found[0]?.message).toMatch(/^「砖家，叫兽」中间有“，”/);
    // the pack still screens: a warning leaves it usable
    expect(usablePacks([p]).usable).toEqual([p]);
  });

  it("a pattern that writes what the normalised text never holds is a warning: it can never match", () => {
    const pattern = (source: string, normalize = "") =>
      packOf([
        "id: p",
        "kind: pattern",
        "message: m",
        `pattern: '${source}'`,
        ...(normalize ? [normalize] : []),
      ]);
    const found = (source: string, normalize?: string) =>
      validatePacks([pattern(source, normalize)]).map((q) => [q.code, q.severity, q.message]);
    const warned = (source: string, normalize?: string) => found(source, normalize)[0]?.[2] ?? "";
    expect(warned("WeChat\\d+")).toMatch(/^正则里的「W」永远匹配不到：.*都变成了「w」；请写成「w」/);
    expect(warned("臺灣")).toContain("「臺」都变成了「台」");
    // (?i) folds case only from where it stands, (?i:…) only inside its group
    expect(warned("W(?i)eChat")).toContain("「W」都变成了「w」");
    expect(warned("(?i:we)Chat")).toContain("「C」都变成了「c」");
    expect(warned("[[:alpha:]臺]")).toContain("「臺」都变成了「台」");
    // "[:" never closed is a '[' and a ':' in the class, as RE2 reads it: read to its end, no loop
    expect(warned("[[:alpha]臺]")).toContain("「臺」都变成了「台」");
    expect(warned("第[０-９]+届")).toContain("「０」都变成了「0」");
    expect(warned("“两弹一星”")).toMatch(/^正则里的「“」永远匹配不到：文字比对前会去掉标点/);
    expect(warned("据悉，")).toMatch(/^正则里的「，」永远匹配不到：「，」结束一句或一个分句/);
    expect(found("WeChat\\d+")[0]?.slice(0, 2)).toEqual(["unmatchable-pattern", "warning"]);
    // ASCII marks the pattern means literally, escaped or not, that the text never holds
    expect(warned("台湾 总统")).toMatch(/^正则里的「 」永远匹配不到：文字比对前会去掉标点、空格和符号/);
    expect(warned("有效率\\d+%")).toContain("正则里的「%」");
    expect(warned("c\\+\\+")).toContain("正则里的「+」");
    expect(warned("\\.com")).toContain("正则里的「.」");
    expect(warned("[0-9]+\\.[0-9]+")).toContain("正则里的「.」");
    expect(warned("wi-fi")).toContain("正则里的「-」");
    expect(warned("\\d+;")).toContain("「;」结束一句或一个分句");
    expect(found("有效率\\d+%", "normalize: { noise: false }")).toEqual([]);
    // a mark made optional matches without it
    for (const optional of ["(?i)wi-?fi", "台湾 ?总统", "台湾 *总统", "\\d+%?", "a\\.?b", "x-{0,2}y"])
      expect(found(optional), optional).toEqual([]);
    // what the text does hold, and syntax, pass: escapes, class names, group names, flags
    for (const fine of [
      "民国(?:[4-9][0-9]|1[0-4][0-9])年",
      "\\p{Han}+\\PL\\x{4E00}\\x41",
      "(?P<Year>\\d+)年(?<Month>\\d+)月",
      "(?i)WeChat",
      "[^，。]*年",
      "[臺台]湾",
      "[\\]臺台]湾",
      "[^[:space:]臺]+",
      "(?i:WeChat)号",
      "\\d{2,4}年",
      "[0-9a-z]+",
      "[0-9:]+",
    ])
      expect(found(fine), fine).toEqual([]);
    // with the normalisation off, the character is in the text as written
    expect(found("WeChat", "normalize: { case: false }")).toEqual([]);
    expect(found("臺灣", "normalize: { traditional: false }")).toEqual([]);
    expect(found("据悉,", "normalize: { noise: false }")).toEqual([]);
    // … but the full-width comma is still made half-width
    expect(warned("据悉，", "normalize: { noise: false }")).toContain("「，」都变成了「,」");
    // a warning: the pack still screens
    expect(usablePacks([pattern("臺灣")]).usable).toHaveLength(1);
  });

  it("guideChecks warns of a term in two entries of one pack, as matching sees it, not across packs", () => {
    const p = packOf(
      ["id: one", "kind: term", "message: m", "terms: [砖家, 叫兽, 砖家]"],
      ["id: two", "kind: replace", "message: m", "terms: [叫獸, 公知]", "replacement: 教授"],
      ["id: three", "kind: canonical", "message: m", "canonical: 砖家学者", "variants: [公知]"],
    );
    const repeated = guideChecks([p]).filter((q) => q.code === "repeated-term");
    expect(repeated.map((q) => [q.code, q.severity, q.line, q.message])).toEqual([
      [
        "repeated-term",
        "warning",
        12,
        "「叫獸」也写在本词库的 a/one 里：两个条目都会标出它，编辑会看到同一处标了两次；请只留在一个条目里",
      ],
      [
        "repeated-term",
        "warning",
        18,
        "「公知」也写在本词库的 a/two 里：两个条目都会标出它，编辑会看到同一处标了两次；请只留在一个条目里",
      ],
    ]);
    // the same term in another pack is that pack's own verdict on it
    const other = parseLexicon(
      "id: b\nname: n\nversion: 1.0.0\nentries:\n  - id: x\n    kind: term\n    message: m\n    terms: [叫兽]\n",
      "b.yaml",
    );
    expect(
      guideChecks([packOf(["id: one", "kind: term", "message: m", "terms: [叫兽]"]), other]).filter(
        (q) => q.code === "repeated-term",
      ),
    ).toEqual([]);
  });

  it("guideChecks warns of an entry without a basis or without a flag and a pass example; many are counted once", () => {
    const sound = "examples: { flag: [砖家说], pass: [专家说] }";
    const p = packOf(
      ["id: one", "kind: term", "message: m", "terms: [砖家]", "basis: 某文件", sound],
      [
        "id: two",
        "kind: term",
        "message: m",
        "terms: [叫兽]",
        "basis: 某文件",
        "examples: { flag: [叫兽说] }",
      ],
      ["id: three", "kind: term", "message: m", "terms: [公知]", sound],
    );
    expect(guideChecks([p]).map((q) => [q.code, q.line, q.message])).toEqual([
      [
        "missing-basis",
        17,
        "条目 three 没有写 basis（依据）：写上文件名称和条款，词库开头写了通用依据的可以不写",
      ],
      [
        "missing-examples",
        11,
        "条目 two 没有 pass 例句：每个条目至少写一句应标出的（flag）、一句不应标出的（pass），lexicon test 才能替你检查它",
      ],
    ]);
    // a generated word list: one warning each, counting them
    const many = packOf(
      ...Array.from({ length: 8 }, (_, i) => [`id: w${i}`, "kind: term", "message: m", `terms: [词${i}]`]),
    );
    expect(guideChecks([many]).map((q) => [q.code, q.line, q.message.split("：")[0]])).toEqual([
      ["missing-basis", 5, "8 个条目没有写 basis（依据），从 w0 起"],
      ["missing-examples", 5, "8 个条目缺少 flag 或 pass 例句，从 w0 起"],
    ]);
  });

  it("an exception that holds none of the entry's words is a warning: it never applies", () => {
    const p = packOf(
      ["id: tw", "kind: term", "message: m", "terms: [台湾]", "exceptions: [中国台湾, 台灣同胞, 港澳]"],
      [
        "id: ju",
        "kind: juxtaposition",
        "message: m",
        "first: [台湾]",
        "second: [日本]",
        "exceptions: [中国台湾, 台北]",
      ],
      ["id: re", "kind: pattern", "message: m", "pattern: '民国\\d+年'", "exceptions: [中华民国]"],
    );
    const found = validatePacks([p]);
    expect(found.map((q) => [q.code, q.severity, q.line])).toEqual([
      ["useless-exception", "warning", 9],
      ["useless-exception", "warning", 15],
    ]);
    expect(found[0]?.message).toMatch(/^例外「港澳」里没有本条目要找的词，它不会起作用/);
    // 台灣同胞 holds 台湾 as matching sees it (traditional forms); a pattern's exceptions are not judged
    expect(found.map((q) => q.message)).not.toContainEqual(expect.stringContaining("台灣同胞"));
  });

  it("an exception that compares as the entry's own word (its marks dropped) is a warning: the entry would find nothing", () => {
    const p = packOf([
      "id: diyi",
      "kind: term",
      "message: m",
      "terms: [第一]",
      "exceptions: ['“第一”', ' 第一 ', 第一次, '第一，名次', '。第一，']",
    ]);
    const found = validatePacks([p]);
    expect(found.map((q) => [q.code, q.severity, q.column])).toEqual([
      ["exception-is-term", "warning", 18],
      ["exception-is-term", "warning", 26],
      ["split-term", "warning", 39],
    ]);
    expect(found[0]?.message).toMatch(/^例外「“第一”」比对时就是要找的词「第一」本身/);
    expect(found[2]?.message).toContain("这个例外实际按「第一名次」比对");
    // and it is so: the entry flags nothing the exception is not
    const screener = compile([p]);
    expect(screener.screen("销量第一，质量第一")).toEqual([]);
  });

  it("an exception with a clause mark at its edge holds a clause end there: a line's or the text's start and end are one", () => {
    const p = packOf(["id: diyi", "kind: term", "message: m", "terms: [第一]", "exceptions: ['。第一，']"]);
    // a mark at the edge is no slip, even with an emoji after it (noise, dropped); nor under a
    // profile that reads marks as characters
    expect(validatePacks([p])).toEqual([]);
    expect(
      validatePacks([
        packOf(["id: diyi", "kind: term", "message: m", "terms: [第一]", "exceptions: ['第一，😀']"]),
      ]),
    ).toEqual([]);
    expect(
      validatePacks([
        packOf([
          "id: diyi",
          "kind: term",
          "message: m",
          "terms: [第一]",
          "normalize: { noise: false }",
          "exceptions: ['。第一，']",
        ]),
      ]),
    ).toEqual([]);
    const screener = compile([p]);
    const flagged = (text: string) => screener.screen(text).map((f) => [f.start, f.text]);
    // 第一 standing alone as a clause: at the text's start, after 。 ： or a line break
    expect(flagged("第一，要感谢。第一，好；第一：三\n第一，缩进")).toEqual([]);
    // not after words, nor before them
    expect(flagged("销量第一，质量第一！")).toEqual([
      [2, "第一"],
      [7, "第一"],
    ]);
    expect(flagged("第一名。全国第一")).toEqual([
      [0, "第一"],
      [6, "第一"],
    ]);
    // one written at the end: 第一 ending the text is excepted there too
    const atEnd = compile([
      packOf(["id: diyi", "kind: term", "message: m", "terms: [第一]", "exceptions: [排名第一。]"]),
    ]);
    expect(atEnd.screen("他排名第一").map((f) => f.text)).toEqual([]);
    expect(atEnd.screen("他排名第一名").map((f) => f.text)).toEqual(["第一"]);
  });

  it("an enumeration's repeated item is an error (every correct listing would be flagged); a repeated override a warning", () => {
    const p = packOf([
      "id: four",
      "kind: enumeration",
      "message: m",
      "name: 四个自信",
      "items: [道路自信, 理论自信, 制度自信, 道路自信]",
    ]);
    expect(validatePacks([p]).map((q) => [q.code, q.severity, q.line, q.column])).toEqual([
      ["repeated-item", "error", 9, 31],
    ]);
    // more items asked for than there are: never checked
    const unreachable = packOf([
      "id: four",
      "kind: enumeration",
      "message: m",
      "minItems: 3",
      "items: [道路自信, 理论自信]",
    ]);
    expect(
      validatePacks([unreachable]).map((q) => [q.code, q.severity, q.line, q.column, q.message]),
    ).toEqual([
      ["schema", "error", 8, 15, "minItems 是 3，可 items 只有 2 项：不紧跟总称的列举就永远不会被检查"],
    ]);
    const overriding = parseLexicon(
      "id: ov\nname: n\nversion: 1.0.0\noverrides:\n  - entry: a/four\n    severity: info\n  - entry: a/four\n    disabled: true\nentries: []\n",
      "ov.yaml",
    );
    const sound = packOf(["id: four", "kind: enumeration", "message: m", "items: [道路自信, 理论自信]"]);
    expect(validatePacks([sound, overriding]).map((q) => [q.code, q.severity, q.file, q.line])).toEqual([
      ["repeated-override", "warning", "ov.yaml", 7],
    ]);
  });

  it("a pack with a schema error still has its other entries checked, all in one run", () => {
    const p = packOf(
      ["id: empty-pattern", "kind: pattern", "message: m", 'pattern: ""'],
      ["id: backtracking", "kind: pattern", "message: m", "pattern: '(a)\\1'"],
      ["id: punctuation", "kind: term", "message: m", "terms: ['！！']"],
    );
    expect(p.pack).toBeUndefined();
    const all = [...p.problems, ...validatePacks([p])].map((q) => [q.code, q.line]);
    expect(all).toEqual([
      ["schema", 8],
      ["bad-pattern", 12],
      ["empty-term", 16],
    ]);
    // and it stays out of screening
    expect(usablePacks([p]).usable).toEqual([]);
  });

  it("a pack whose head has schema errors still has its entries checked, but not against what is broken", () => {
    const entries = `entries:
      - id: backtracking
        kind: pattern
        message: m
        pattern: '(a)\\1'
      - id: backtracking
        kind: term
        message: m
        terms: ['！！']
      - id: pair
        kind: juxtaposition
        message: m
        first: $places
        second: [国家]
    `;
    const codes = (head: string) => {
      const p = parseLexicon(yaml(head + entries), "a.yaml");
      expect(p.pack).toBeUndefined();
      return [...p.problems, ...validatePacks([p])].map((q) => [q.code, q.line]);
    };
    // a wrong version, a misspelt key: every entry check runs
    expect(
      codes("id: a\n    name: 测试\n    version: 1\n    lists: {places: [台湾]}\n    sevrity: error\n"),
    ).toEqual([
      ["schema", 3],
      ["schema", 5],
      ["bad-pattern", 10],
      ["duplicate-id", 11],
      ["empty-term", 14],
    ]);
    // broken defaults: the terms are not checked against a normalisation the pack did not set
    expect(
      codes(
        "id: a\n    name: 测试\n    version: 1.0.0\n    lists: {places: [台湾]}\n    defaults: {normalize: {nois: false}}\n",
      ),
    ).toEqual([
      ["schema", 5],
      ["bad-pattern", 10],
      ["duplicate-id", 11],
    ]);
    // broken lists: no unknown list is reported for the list the reviewer did write
    expect(codes("id: a\n    name: 测试\n    version: 1.0.0\n    lists: {places: 台湾}\n")).toEqual([
      ["schema", 4],
      ["bad-pattern", 9],
      ["duplicate-id", 10],
      ["empty-term", 13],
    ]);
    // with no list at all, the reference is unknown
    expect(codes("id: A\n    name: 测试\n    version: 1.0.0\n")).toContainEqual(["unknown-list", 16]);
  });

  it("a bound is said as the schema means it: within must be greater than 0, at most 500", () => {
    const near = (within: number) =>
      oneEntryPack(["kind: near", "message: m", "groups: [[甲], [乙]]", `within: ${within}`]).problems.map(
        (p) => p.message,
      );
    expect(near(0)).toEqual(["「entries.0.within」 必须大于 0，实际是 数字 0"]);
    expect(near(501)).toEqual(["「entries.0.within」 不能大于 500，实际是 数字 501"]);
    expect(near(5)).toEqual([]);
  });

  it("a backtracking pattern is rejected by validation", () => {
    const p = parseLexicon(
      JSON.stringify({
        id: "a",
        name: "n",
        version: "1.0.0",
        entries: [{ id: "x", kind: "pattern", message: "m", pattern: "(a)\\1" }],
      }),
      "a.json",
    );
    expect(validatePacks([p]).map((q) => q.code)).toEqual(["bad-pattern"]);
  });

  it("duplicate ids and conflicting verdicts across packs are reported", () => {
    const a = parseLexicon(
      yaml(`id: a
    name: A
    version: 1.0.0
    entries:
      - { id: x, kind: term, message: m, terms: [最佳], severity: error }
      - { id: x, kind: term, message: m, terms: [顶级] }
    `),
      "a.yaml",
    );
    const b = parseLexicon(
      yaml(`id: b
    name: B
    version: 1.0.0
    entries:
      - { id: y, kind: term, message: m, terms: [最佳], severity: info }
    `),
      "b.yaml",
    );
    const codes = validatePacks([a, b]).map((q) => [q.code, q.file, q.line]);
    expect(codes).toEqual([
      ["duplicate-id", "a.yaml", 6],
      ["conflicting-verdict", "b.yaml", 5],
    ]);
  });

  it("a term another pack flags alike is a warning (each place marked twice), one per pair of packs, counted", () => {
    const base = parseLexicon(
      yaml(`id: editorial
    name: E
    version: 1.0.0
    entries:
      - { id: nk, kind: replace, message: m, terms: [北韩, 北朝鲜], replacement: 朝鲜, severity: error }
      - { id: best, kind: term, message: m, terms: [最佳], severity: warning }
    `),
      "/home/someone/lexicons/editorial.yaml",
    );
    const copy = (extra: string) =>
      parseLexicon(
        yaml(`id: unit
    name: U
    version: 1.0.0
    ${extra}
    entries:
      - { id: nk, kind: replace, message: 本单位的说明, terms: [北韩, 北朝鲜], replacement: 朝鲜, severity: error }
      - { id: best, kind: term, message: m, terms: [最优], severity: warning }
    `),
        "unit.yaml",
      );
    const alike = validatePacks([base, copy("")]);
    expect(alike.map((q) => [q.code, q.severity, q.file, q.line, q.column])).toEqual([
      ["same-term-elsewhere", "warning", "unit.yaml", 6, 55],
    ]);
    expect(alike[0]?.message).toBe(
      "「北韩」等 2 个词已被 editorial/nk（editorial.yaml）等条目同样判定（unit/nk）：同一处会标两次。要改原条目的说明、级别或依据，请在本词库用 overrides 停用或改变原条目，只留一处",
    );
    // what the warning says to do ends it
    expect(validatePacks([base, copy("overrides: [{ entry: editorial/nk, disabled: true }]")])).toEqual([]);
  });

  it("an override that switches the other entry off, or gives it this entry's level, ends a conflict", () => {
    const base = parseLexicon(
      yaml(`id: editorial
    name: E
    version: 1.0.0
    entries:
      - { id: nk, kind: replace, message: m, terms: [北韩], replacement: 朝鲜, severity: error }
    `),
      "/home/someone/lexicons/editorial.yaml",
    );
    const mine = (override: string) =>
      parseLexicon(
        yaml(`id: mine
    name: M
    version: 1.0.0
    overrides: [${override}]
    entries:
      - { id: nk, kind: term, message: m, terms: [北韩], severity: warning }
    `),
        "mine.yaml",
      );
    const conflict = validatePacks([base, mine("{ entry: editorial/other, disabled: true }")]);
    expect(conflict.map((q) => q.code)).toEqual(["unknown-override", "conflicting-verdict"]);
    // named by its file's name, not the folders of the machine it is on
    expect(conflict[1]?.message).toContain("（editorial.yaml）");
    expect(conflict[1]?.message).toContain("在本词库用 overrides 停用或改变原条目");
    expect(validatePacks([base, mine("{ entry: editorial/nk, disabled: true }")])).toEqual([]);
    // a replace stays a replace: the same level does not make the fixes agree
    expect(
      validatePacks([base, mine("{ entry: editorial/nk, severity: warning }")]).map((q) => q.code),
    ).toEqual(["conflicting-verdict"]);
    const usable = usablePacks([base, mine("{ entry: editorial/nk, disabled: true }")]);
    expect(usable.usable.map((p) => p.pack?.id)).toEqual(["editorial", "mine"]);
    expect(
      compile(usable.usable)
        .screen("北韩")
        .map((f) => [f.ruleId, f.severity]),
    ).toEqual([["mine/nk", "warning"]]);
  });

  it("two entries of one pack that disagree are told to agree, not to use overrides", () => {
    const one = parseLexicon(
      yaml(`id: a
    name: A
    version: 1.0.0
    entries:
      - { id: x, kind: term, message: m, terms: [最佳], severity: error }
      - { id: y, kind: term, message: m, terms: [最佳], severity: info }
    `),
      "a.yaml",
    );
    expect(validatePacks([one]).map((q) => q.message)).toEqual([
      "「最佳」已被本词库的 a/x 判为 error，这里判为 info（a/y）；请统一这两个条目",
    ]);
    // a fix beside none, at the same level: what differs is said
    const fix = parseLexicon(
      yaml(`id: a
    name: A
    version: 1.0.0
    entries:
      - { id: x, kind: term, message: m, terms: [最好], severity: warning }
      - { id: y, kind: replace, message: m, terms: [最好], replacement: 很好, severity: warning }
    `),
      "a.yaml",
    );
    expect(validatePacks([fix]).map((q) => q.message)).toEqual([
      "「最好」已被本词库的 a/x 判为 warning（不给改法），这里判为 warning，改为“很好”（a/y）；请统一这两个条目",
    ]);
  });

  it("a string several entries need gives each its finding, in the order the entries come", () => {
    const s = screenerOf({
      entries: [
        { id: "a", kind: "term", message: "m", terms: ["最佳"] },
        { id: "b", kind: "term", message: "m", terms: ["顶级", "最佳"], exceptions: ["最佳实践"] },
        { id: "c", kind: "canonical", message: "m", canonical: "最佳方案书", variants: ["最佳"] },
      ],
    });
    expect(s.screen("最佳方案").map((f) => f.ruleId)).toEqual(["t/a", "t/b", "t/c"]);
    // b's exception and c's canonical form each cover that entry's hit only
    expect(s.screen("最佳实践").map((f) => f.ruleId)).toEqual(["t/a", "t/c"]);
    expect(s.screen("最佳方案书").map((f) => f.ruleId)).toEqual(["t/a", "t/b"]);
  });

  it("a single word list has no verdict to compare; a second entry brings the check back", () => {
    const one = parseLexicon(
      yaml(`id: a
    name: A
    version: 1.0.0
    entries:
      - { id: x, kind: term, message: m, terms: [最佳, 最佳], severity: error }
    `),
      "a.yaml",
    );
    expect(validatePacks([one])).toEqual([]);
    const two = parseLexicon(
      yaml(`id: a
    name: A
    version: 1.0.0
    entries:
      - { id: x, kind: term, message: m, terms: [最佳], severity: error }
      - { id: y, kind: term, message: m, terms: [最　佳] }
    `),
      "a.yaml",
    );
    // 最　佳 is 最佳 as matching reads it (and a warning of its own)
    expect(validatePacks([two]).map((q) => [q.code, q.line])).toEqual([
      ["spaced-term", 6],
      ["conflicting-verdict", 6],
    ]);
  });

  it("the segmenter's words are every matched string once some entry needs boundaries, else none", () => {
    const entries = [
      { id: "a", kind: "term" as const, message: "m", terms: ["最佳"], exceptions: ["最佳实践"] },
      { id: "b", kind: "term" as const, message: "m", terms: [" 顶级 "] },
    ];
    expect(screenerOf({ entries }).serialize().segmenterWords).toEqual([]);
    const onEntry = entries.map((e, i) => (i === 1 ? { ...e, boundary: true } : e));
    expect(screenerOf({ entries: onEntry }).serialize().segmenterWords).toEqual(["最佳", "顶级"]);
    const byDefault = screenerOf({ defaults: { boundary: true }, entries }).serialize().segmenterWords;
    expect(byDefault).toEqual(["最佳", "顶级"]);
    // switched off everywhere: the pack's default is overridden by each entry
    const offEverywhere = entries.map((e) => ({ ...e, boundary: false }));
    expect(
      screenerOf({ defaults: { boundary: true }, entries: offEverywhere }).serialize().segmenterWords,
    ).toEqual([]);
    // an entry another pack disables gives no word
    const pack = (body: object) => parseLexicon(JSON.stringify({ version: "1.0.0", ...body }), "p.json");
    const withOverride = compile([
      pack({ id: "t", name: "t", defaults: { boundary: true }, entries }),
      pack({ id: "o", name: "o", overrides: [{ entry: "t/a", disabled: true }] }),
    ]);
    expect(withOverride.serialize().segmenterWords).toEqual(["顶级"]);
  });

  it("compile refuses a broken pack, and usablePacks keeps the good ones", () => {
    const good = parseLexicon(
      JSON.stringify({
        id: "g",
        name: "g",
        version: "1.0.0",
        entries: [{ id: "x", kind: "term", message: "m", terms: ["北韩"] }],
      }),
      "g.json",
    );
    const broken = parseLexicon("id: b\nentries: 3\n", "b.yaml");
    expect(() => compile([good, broken])).toThrow(LexiconError);
    const { usable, problems } = usablePacks([good, broken]);
    expect(usable.map((p) => p.file)).toEqual(["g.json"]);
    expect(problems.every((p) => p.file === "b.yaml")).toBe(true);
    expect(compile(usable).screen("北韩")).toHaveLength(1);
  });

  it("usablePacks tells packs apart by the pack, not the file name they were parsed under", () => {
    const inline = (entry: object) =>
      parseLexicon(JSON.stringify({ id: "mine", name: "n", version: "1.0.0", entries: [entry] }), "inline");
    const good = inline({ id: "x", kind: "term", message: "m", terms: ["北韩"] });
    const bad = inline({ id: "y", kind: "pattern", message: "m", pattern: "(a)\\1" });
    (good.pack as { id: string }).id = "good";
    const { usable, problems } = usablePacks([good, bad]);
    expect(problems.map((q) => q.code)).toEqual(["bad-pattern"]);
    expect(usable).toEqual([good]);
  });

  it("a pack that repeats another's id leaves the other's entries to overrides", () => {
    const good = parsedPack("good", { entries: [{ id: "a", kind: "term", message: "m", terms: ["北韩"] }] });
    const copy = parseLexicon(
      JSON.stringify({ id: "good", name: "copy", version: "1.0.0", entries: [] }),
      "copy.json",
    );
    const over = parsedPack("over", { overrides: [{ entry: "good/a", disabled: true }] });
    const { usable, problems } = usablePacks([good, copy, over]);
    expect(problems.map((q) => [q.code, q.file])).toEqual([["duplicate-pack", "copy.json"]]);
    expect(usable.map((p) => p.file)).toEqual(["good.json", "over.json"]);
    expect(compile(usable).screen("北韩")).toEqual([]);
  });

  it("compile trusts the list usablePacks returned while it holds the same packs, and only then", () => {
    const pack = (id: string, entries: object[]) =>
      parseLexicon(JSON.stringify({ id, name: id, version: "1.0.0", entries }), `${id}.json`);
    const a = pack("a", [{ id: "x", kind: "term", message: "m", terms: ["北韩"] }]);
    const { usable } = usablePacks([a]);
    // the pack changed behind validation's back: only a new validation would see the repeated id
    a.pack?.entries.push({ id: "x", kind: "term", message: "m", terms: ["南韩"] });
    expect(() => compile(usable)).not.toThrow();
    expect(() => compile([...usable])).toThrow(LexiconError);
    // a pack put in place of the one validated, or a problem found since: validated again
    const b = pack("b", [{ id: "x", kind: "term", message: "m", terms: ["北韩"] }]);
    const list = usablePacks([b]).usable;
    b.pack = pack("b", [
      { id: "x", kind: "term", message: "m", terms: ["北韩"] },
      { id: "x", kind: "term", message: "m", terms: ["南韩"] },
    ]).pack;
    expect(() => compile(list)).toThrow(LexiconError);
    const c = pack("c", [{ id: "x", kind: "term", message: "m", terms: ["北韩"] }]);
    const other = usablePacks([c]).usable;
    c.problems.push({
      code: "schema",
      file: "c.json",
      line: 1,
      column: 1,
      message: "坏了",
      severity: "error",
    });
    expect(() => compile(other)).toThrow(LexiconError);
    // a pack added to the list is validated with the rest
    const fine = usablePacks([pack("b", [{ id: "y", kind: "term", message: "m", terms: ["台独"] }])]).usable;
    fine.push(pack("c", [{ id: "z", kind: "pattern", message: "m", pattern: "(?=a)" }]));
    expect(() => compile(fine)).toThrow(LexiconError);
  });

  it("usablePacks keeps a pack whose override points into a pack it left out: the override is a warning", () => {
    const base = parsedPack("base", {
      entries: [
        { id: "x", kind: "term", message: "m", terms: ["北韩"] },
        { id: "x", kind: "term", message: "m", terms: ["南韩"] }, // duplicate id: an error
      ],
    });
    const child = parsedPack("child", { overrides: [{ entry: "base/x", severity: "error" }] });
    const other = parsedPack("other", {
      entries: [{ id: "y", kind: "term", message: "m", terms: ["朝鲜半岛"] }],
    });
    const { usable, problems } = usablePacks([base, child, other]);
    expect(usable.map((p) => p.file)).toEqual(["child.json", "other.json"]);
    expect(problems.map((p) => `${p.file} ${p.code} ${p.severity}`)).toEqual([
      "base.json duplicate-id error",
      "child.json unknown-override warning",
    ]);
  });
});

describe("overrides and examples", () => {
  const base = parseLexicon(
    yaml(`id: base
    name: 基础
    version: 1.0.0
    entries:
      - id: best
        kind: term
        message: m
        terms: [最佳]
        severity: error
        examples: { flag: [本产品最佳], pass: [最近很忙] }
      - id: top
        kind: term
        message: m
        terms: [顶级]
        examples: { flag: [顶级专家], pass: [顶级专家] }
    `),
    "base.yaml",
  );
  const org = parseLexicon(
    yaml(`id: org
    name: 机构
    version: 1.0.0
    overrides:
      - { entry: base/best, severity: info }
      - { entry: base/top, disabled: true }
    `),
    "org.yaml",
  );

  it("an override changes severity or disables an entry of another pack", () => {
    const s = compile([base, org]);
    expect(s.screen("最佳顶级").map((f) => [f.ruleId, f.severity])).toEqual([["base/best", "info"]]);
    expect(s.rules.find((r) => r.ruleId === "base/top")?.disabled).toBe(true);
  });

  it("an override of an unknown entry is a warning, and the pack still screens", () => {
    const bad = parseLexicon(
      "id: o\nname: o\nversion: 1.0.0\noverrides:\n  - { entry: base/nope, disabled: true }\n",
      "o.yaml",
    );
    expect(validatePacks([base, bad])).toMatchObject([
      { code: "unknown-override", file: "o.yaml", line: 5, severity: "warning" },
    ]);
    expect(usablePacks([base, bad]).usable).toEqual([base, bad]);
  });

  it("runExamples reports each sentence with its location and outcome", () => {
    const results = runExamples(compile([base]), [base]);
    expect(results.map((r) => [r.ruleId, r.expect, r.ok, r.line])).toEqual([
      ["base/best", "flag", true, 10],
      ["base/best", "pass", true, 10],
      ["base/top", "flag", true, 15],
      ["base/top", "pass", false, 15],
    ]);
    expect(results[3]?.findings[0]?.text).toBe("顶级");
  });

  it("runExamples says why a flag sentence was not flagged: an exception, no whole word, nothing there", () => {
    const p = packOf(
      [
        "id: brick",
        "kind: term",
        "message: m",
        "terms: [砖家]",
        "exceptions: [砖瓦, 砖家具]",
        "examples: { flag: [卖砖家具的, 这位专家说, 砖家又来了] }",
      ],
      [
        "id: master",
        "kind: term",
        "message: m",
        "terms: [大师]",
        "boundary: true",
        "examples: { flag: [大师傅做饭] }",
      ],
      [
        "id: science",
        "kind: term",
        "message: m",
        "terms: [科普]",
        "exceptions: [科普馆, 科普周, 科普日]",
        "examples: { flag: [科普馆里办科普周] }",
      ],
      [
        "id: near",
        "kind: near",
        "message: m",
        "groups: [[疫苗], [死亡]]",
        "within: 3",
        "examples: { flag: [疫苗接种后多年未见死亡] }",
      ],
      [
        "id: people",
        "kind: term",
        "message: m",
        "terms: [老百姓、群众、公众]",
        "examples: { flag: [群众的心声, 他在说话] }",
      ],
    );
    const results = runExamples(compile([p]), [p]);
    expect(results.map((r) => [r.sentence, r.ok, r.why])).toEqual([
      ["卖砖家具的", false, { reason: "exception", exceptions: ["砖家具"] }],
      ["这位专家说", false, { reason: "absent" }],
      ["砖家又来了", true, undefined],
      ["大师傅做饭", false, { reason: "boundary", text: "大师" }],
      // two exceptions, each covering one of the hits: both are named
      ["科普馆里办科普周", false, { reason: "exception", exceptions: ["科普馆", "科普周"] }],
      ["疫苗接种后多年未见死亡", false, { reason: "conditions", kind: "near" }],
      // a list written with 、 inside one term is one term: its words apart are not it
      [
        "群众的心声",
        false,
        { reason: "joined", terms: ["老百姓、群众、公众"], words: ["老百姓", "群众", "公众"] },
      ],
      ["他在说话", false, { reason: "absent" }],
    ]);
  });
});

describe("rules' looks", () => {
  it("are shared by entries that look the same, also when they alternate under one message", () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      id: `w${i}`,
      kind: "term",
      terms: [`词${i}`],
      message: "敏感词",
      severity: i % 2 ? "error" : "warning",
      ...(i % 3 === 0 ? { category: "另一类" } : {}),
    }));
    const { rules } = compileLexicons([parsedPack("alt", { entries })]);
    const looks = new Set(rules.map((r) => r.look));
    // severity × category: four looks for a thousand rules
    expect(looks.size).toBe(4);
    for (const [i, rule] of rules.entries()) {
      expect(rule.look.severity).toBe(i % 2 ? "error" : "warning");
      expect(rule.look.category).toBe(i % 3 === 0 ? "另一类" : "其他");
    }
  });
});
