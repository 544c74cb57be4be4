import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompiledLexicons,
  compile,
  formatProblem,
  loadCompiled,
  type ParsedCompiled,
  parseCompiled,
  parseLexicon,
} from "../src/index.js";
import { screenerOf } from "./helpers.js";

// One entry of every kind, so that every rule field and target role is in the compiled form.
const s = screenerOf({
  entries: [
    {
      id: "nk",
      kind: "replace",
      message: "m",
      terms: ["北韩"],
      replacement: "朝鲜",
      basis: { document: "新华社新闻信息报道中的禁用词和慎用词", article: "第 3 条" },
    },
    { id: "best", kind: "term", message: "m", terms: ["最佳"], exceptions: ["最佳实践"] },
    { id: "xi", kind: "canonical", message: "m", canonical: "全面从严治党", variants: ["从严治党"] },
    { id: "e", kind: "enumeration", message: "m", name: "三项", items: ["甲项", "乙项", "丙项"] },
    { id: "j", kind: "juxtaposition", message: "m", first: ["台湾"], second: ["日本", "韩国"] },
    { id: "n", kind: "near", message: "m", groups: [["熊"], ["领导人"]], within: 10 },
    { id: "p", kind: "pattern", message: "m", pattern: "台.独", normalize: { noise: false } },
  ],
});
const TEXTS = [
  "北韩、台x独，丙项、乙项、甲项。最佳实践不算，最佳算。",
  "坚持从严治党和全面从严治党；台湾、日本、韩国；那只熊像某领导人。",
  "三项：甲项、乙项、丙项。北 韩",
  "",
];
const built = JSON.stringify(s.serialize());

/** The compiled JSON with `change` applied to a copy of the data. */
function altered(change: (data: CompiledLexicons) => void, indent?: number): string {
  const data = JSON.parse(built) as CompiledLexicons;
  change(data);
  return JSON.stringify(data, null, indent);
}

// the profile of every entry but the pattern (which turns noise skipping off)
const MAIN = (JSON.parse(built) as CompiledLexicons).profiles.findIndex((p) => p.key === 31);
const main = (data: CompiledLexicons) => data.profiles[MAIN] as CompiledLexicons["profiles"][number];

/** The one problem of `source`, with its code and place. */
function onlyProblem(source: string): ParsedCompiled["problems"][number] {
  const parsed = parseCompiled(source, "c.json");
  expect(parsed.data).toBeUndefined();
  expect(parsed.problems).toHaveLength(1);
  return parsed.problems[0] as ParsedCompiled["problems"][number];
}

const int32Base64 = (values: number[]) => Buffer.from(Int32Array.from(values).buffer).toString("base64");
const int32s = (base64: string) => {
  const bytes = Buffer.from(base64, "base64");
  return [...new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)];
};

describe("parseCompiled: a real compiled file", () => {
  it("is accepted as it is and screens exactly as the screener that built it", () => {
    const parsed = parseCompiled(built, "c.json");
    expect(parsed.problems).toEqual([]);
    const loaded = loadCompiled(parsed.data as CompiledLexicons);
    for (const text of TEXTS) expect(loaded.screen(text)).toEqual(s.screen(text));
    // every field a rule may have comes back, the basis too
    expect(loaded.screen("北韩")[0]?.basis).toEqual({
      document: "新华社新闻信息报道中的禁用词和慎用词",
      article: "第 3 条",
    });
    expect(TEXTS.flatMap((t) => s.screen(t)).map((f) => f.entryId)).toEqual(
      expect.arrayContaining(["nk", "best", "xi", "e", "j", "n", "p"]),
    );
  });

  it("accepts the repository's default lexicons, compiled, indented or with a byte-order mark", () => {
    const dir = new URL("../../../lexicons/", import.meta.url);
    const packs = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => parseLexicon(readFileSync(new URL(f, dir), "utf8"), f));
    const defaults = compile(packs);
    const text = "北韩科学院代表团访问了我省。本店商品质量全国最好。";
    for (const source of [
      JSON.stringify(defaults.serialize()),
      JSON.stringify(defaults.serialize(), null, 2),
      `\uFEFF${JSON.stringify(defaults.serialize())}\n`,
    ]) {
      const parsed = parseCompiled(source, "compiled.json");
      expect(parsed.problems).toEqual([]);
      expect(loadCompiled(parsed.data as CompiledLexicons).screen(text)).toEqual(defaults.screen(text));
    }
  });
});

describe("parseCompiled: each fault gives its own error, with file and place", () => {
  it("text that is not JSON: json-syntax at the place it breaks", () => {
    const p = onlyProblem('{\n  "format": "shengao-compiled/4",\n  "packs": [}\n}');
    expect(p).toMatchObject({ code: "json-syntax", file: "c.json", line: 3, column: 13 });
    expect(p.message).toMatch(/不是有效的 JSON/);
    expect(formatProblem(p)).toMatch(/^c\.json:3:13 {2}错误 {2}不是有效的 JSON.*\(json-syntax\)$/);
  });

  it("a file cut short: json-syntax at its end", () => {
    const p = onlyProblem(built.slice(0, 1000));
    expect(p).toMatchObject({ code: "json-syntax", line: 1, column: 1001 });
    expect(p.message).toMatch(/意外结束/);
    expect(onlyProblem("")).toMatchObject({ code: "json-syntax", message: expect.stringMatching(/空的/) });
  });

  it("a wrong or missing format string: not-compiled, naming what it found", () => {
    // a file of the earlier version, whose terms kept their Latin accents
    const older = onlyProblem(altered((d) => Object.assign(d, { format: "shengao-compiled/3" })));
    expect(older).toMatchObject({ code: "not-compiled", path: ["format"], line: 1, column: 11 });
    expect(older.message).toMatch(/格式版本「shengao-compiled\/3」.*重新生成/);
    const wrong = onlyProblem(altered((d) => Object.assign(d, { format: "something/1" })));
    expect(wrong.message).toMatch(/「format」应为 "shengao-compiled\/4"，实际是 文字 "something\/1"/);
    const pack = onlyProblem(JSON.stringify({ id: "a", name: "A", version: "1.0.0", entries: [] }));
    expect(pack).toMatchObject({ code: "not-compiled", line: 1, column: 1 });
    expect(pack.message).toMatch(/词库源文件/);
    expect(onlyProblem("[1, 2]").message).toMatch(/应为一个 JSON 对象.*实际是 列表/);
  });

  it("a field missing or of the wrong type: compiled-schema at that field", () => {
    const missing = onlyProblem(altered((d) => Reflect.deleteProperty(d, "disabled")));
    expect(missing).toMatchObject({ code: "compiled-schema", path: ["disabled"] });
    expect(missing.message).toBe("「disabled」 缺少必填项");
    const kind = onlyProblem(altered((d) => Object.assign(d.looks[0] as object, { kind: "word" }), 2));
    expect(kind).toMatchObject({ code: "compiled-schema", path: ["looks", 0, "kind"] });
    expect(kind.message).toMatch(/「looks\.0\.kind」 只能是 term、replace/);
    // the indented file: the line of that value
    expect(kind.line).toBeGreaterThan(1);
    const fixless = onlyProblem(altered((d) => Reflect.deleteProperty(d.looks[0] as object, "fixText")));
    expect(fixless).toMatchObject({ code: "compiled-schema", path: ["looks", 0, "fixText"] });
    const entry = onlyProblem(altered((d) => Object.assign(d.rules.entry, { 2: 7 })));
    expect(entry).toMatchObject({ code: "compiled-schema", path: ["rules", "entry", 2] });
  });

  it("corrupted base64: bad-base64 naming the array", () => {
    let corrupted = "";
    const source = altered((d) => {
      const a = main(d).automaton;
      a.fail = `${a.fail.slice(0, 8)}!*${a.fail.slice(10)}`;
      corrupted = a.fail;
    });
    const p = onlyProblem(source);
    expect(p).toMatchObject({ code: "bad-base64", path: ["profiles", MAIN, "automaton", "fail"] });
    expect(p.message).toBe(
      `「profiles.${MAIN}.automaton.fail」 不是有效的 base64 文本（文件可能被截断或改动过）`,
    );
    // the column of the value's opening quote, on the one line of a built file
    expect(p).toMatchObject({ line: 1, column: source.indexOf(`"${corrupted}"`) + 1 });
  });

  it("base64 cut inside a number: bad-base64, bytes not whole numbers", () => {
    const p = onlyProblem(
      altered((d) => {
        const a = main(d).automaton;
        a.out = Buffer.from(a.out, "base64").subarray(0, 6).toString("base64");
      }),
    );
    expect(p).toMatchObject({ code: "bad-base64", path: ["profiles", MAIN, "automaton", "out"] });
    expect(p.message).toMatch(/6 字节，不是 4 字节一个数的整数倍/);
  });

  it("base64 cut between numbers: bad-automaton, an array of the wrong length", () => {
    const p = onlyProblem(
      altered((d) => {
        const a = main(d).automaton;
        a.outLink = int32Base64(int32s(a.outLink).slice(0, -1));
      }),
    );
    expect(p).toMatchObject({ code: "bad-automaton", path: ["profiles", MAIN, "automaton", "outLink"] });
    expect(p.message).toMatch(/应有 \d+ 项（状态数），实际 \d+ 项/);
  });

  it("a failure link that does not lead back to the root (a scan would never end): bad-automaton", () => {
    const p = onlyProblem(
      altered((d) => {
        const a = main(d).automaton;
        const fail = int32s(a.fail);
        fail[2] = 2;
        a.fail = int32Base64(fail);
      }),
    );
    expect(p).toMatchObject({ code: "bad-automaton", path: ["profiles", MAIN, "automaton", "fail"] });
    expect(p.message).toMatch(/状态 2 的失败链接 2 没有指向更浅的状态/);
  });

  it("a target pointing past the rules: bad-target at that number", () => {
    const source = altered((d) => {
      main(d).targets.data[0] = d.rules.entry.length;
    }, 2);
    const p = onlyProblem(source);
    expect(p).toMatchObject({ code: "bad-target", path: ["profiles", MAIN, "targets", "data", 0] });
    expect(p.message).toBe(`「profiles.${MAIN}.targets.data.0」 指向第 7 条规则，但 rules 只有 7 条（0–6）`);
    // the indented file: the line and column of that number
    expect(source.split("\n")[p.line - 1]?.slice(p.column - 1)).toBe("7,");
  });

  it("targets of the wrong length, an unknown role, an item beyond the enumeration: bad-target", () => {
    const short = onlyProblem(altered((d) => main(d).targets.start.pop()));
    expect(short).toMatchObject({ code: "bad-target", path: ["profiles", MAIN, "targets", "start"] });
    const role = onlyProblem(
      altered((d) => {
        main(d).targets.data[1] = 42;
      }),
    );
    expect(role.message).toMatch(/角色 42 不存在/);
    const item = onlyProblem(
      altered((d) => {
        const { data } = main(d).targets;
        const t = data.findIndex((_, i) => i % 3 === 1 && data[i] === 3); // Role.item
        data[t + 1] = 3;
      }),
    );
    expect(item.message).toMatch(/列举项编号 3 超出规则「t\/e」的 3 项/);
    // a term's string given the role of a juxtaposition's first list
    const kind = onlyProblem(
      altered((d) => {
        const { data } = main(d).targets;
        const t = data.findIndex(
          (_, i) => i % 3 === 0 && d.looks[d.rules.look[data[i] as number] as number]?.kind === "term",
        );
        data[t + 1] = 5; // Role.first
      }),
    );
    expect(kind).toMatchObject({ code: "bad-target" });
    expect(kind.message).toMatch(/规则「t\/best」是 term，不会有角色 5（first）的词/);
  });

  it("rules naming no look or the same entry twice, looks of an unknown pack or with a broken pattern; duplicate packs", () => {
    const nowhere = onlyProblem(altered((d) => (d.rules.look[3] = d.looks.length)));
    expect(nowhere).toMatchObject({ code: "bad-rule", path: ["rules", "look", 3] });
    expect(nowhere.message).toMatch(/指向第 7 种规则，但 looks 只有 7 种（0–6）/);
    // every rule names no look: the first is reported
    const none = parseCompiled(
      altered((d) => d.looks.splice(0)),
      "c.json",
    ).problems;
    expect(none.map((p) => [p.path.join("."), p.message])).toEqual([
      ["rules.look.0", "「rules.look.0」 指向第 0 种规则，但 looks 是空的"],
    ]);
    const short = onlyProblem(altered((d) => d.rules.look.pop()));
    expect(short).toMatchObject({ code: "bad-rule", path: ["rules", "look"] });
    const twice = onlyProblem(
      altered((d) => {
        d.rules.entry[1] = d.rules.entry[0] as string;
        d.rules.look[1] = d.rules.look[0] as number;
      }),
    );
    expect(twice).toMatchObject({ code: "bad-rule", path: ["rules", "entry", 1] });
    expect(twice.message).toMatch(/规则编号「t\/nk」重复/);
    const pack = onlyProblem(altered((d) => ((d.looks[1] as { lexiconId: string }).lexiconId = "zz")));
    expect(pack.message).toMatch(/所属的词库「zz」不在 packs 中/);
    const pattern = onlyProblem(altered((d) => ((d.looks[6] as { pattern?: string }).pattern = "(a")));
    expect(pattern).toMatchObject({ code: "bad-rule", path: ["looks", 6, "pattern"] });
    expect(pattern.message).toMatch(/正则表达式无法编译/);
    // entries switched off: only those, of known packs, named as they say, none of them screened
    const off = { ruleId: "t/gone", lexiconId: "t", entryId: "gone", kind: "term" as const };
    const disabled = (info: object) =>
      onlyProblem(
        altered((d) => d.disabled.push({ ...off, category: "c", severity: "info", disabled: true, ...info })),
      );
    expect(disabled({ disabled: false })).toMatchObject({
      code: "bad-rule",
      path: ["disabled", 0, "disabled"],
    });
    expect(disabled({ lexiconId: "zz", ruleId: "zz/gone" }).message).toMatch(/词库「zz」不在 packs 中/);
    expect(disabled({ ruleId: "t/other" })).toMatchObject({ path: ["disabled", 0, "ruleId"] });
    expect(disabled({ ruleId: "t/nk", entryId: "nk" }).message).toMatch(/规则编号「t\/nk」重复/);
    const packTwice = parseCompiled(
      altered((d) => d.packs.push({ ...(d.packs[0] as CompiledLexicons["packs"][number]) })),
      "c.json",
    );
    expect(packTwice.problems.map((p) => [p.code, p.path.join(".")])).toEqual([
      ["duplicate-pack", "packs.1.id"],
    ]);
  });

  it("many faults: the first twenty, and how many more", () => {
    const parsed = parseCompiled(
      altered((d) => {
        for (const look of d.looks) Object.assign(look, { severity: "fatal", message: 1, boundary: "no" });
      }),
      "c.json",
    );
    expect(parsed.problems).toHaveLength(20);
    expect(parsed.problems[19]?.message).toMatch(/另有 1 个问题未列出/);
  });
});

describe("parseCompiled accepts what compile builds", () => {
  it("any pack of terms, replacements and exceptions", () => {
    const word = fc
      .array(fc.constantFrom("北", "韩", "台", "湾", "a", "B", "1", "甲", "乙", "說"), {
        minLength: 1,
        maxLength: 4,
      })
      .map((units) => units.join(""));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.boolean(),
        (words, seed, noise) => {
          const entries = words.map((w, i) =>
            (seed + i) % 3 === 0
              ? { id: `r${i}`, kind: "replace" as const, message: "m", terms: [w], replacement: "甲乙" }
              : { id: `t${i}`, kind: "term" as const, message: "m", terms: [w], exceptions: [`${w}乙`] },
          );
          let screener: ReturnType<typeof screenerOf>;
          try {
            screener = screenerOf({ entries, defaults: { normalize: { noise } } });
          } catch {
            return; // terms the validation refuses together (one term, two verdicts)
          }
          expect(parseCompiled(JSON.stringify(screener.serialize()), "c.json").problems).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("parseCompiled never throws, and what it accepts screens without crashing", () => {
  const data = JSON.parse(built) as CompiledLexicons;
  const fields = ["rootNext", "edgeStart", "edgeTarget", "fail", "out", "outLink", "patternLength"] as const;

  it("any one number of an automaton or a target changed", () => {
    fc.assert(
      fc.property(
        fc.nat(data.profiles.length - 1),
        fc.constantFrom(...fields, "targets" as const),
        fc.nat(),
        fc.integer({ min: -2, max: 40 }),
        (p, field, at, value) => {
          const copy = JSON.parse(built) as CompiledLexicons;
          const profile = copy.profiles[p] as CompiledLexicons["profiles"][number];
          if (field === "targets") {
            const list = profile.targets.data;
            list[at % list.length] = value;
          } else {
            const list = int32s(profile.automaton[field]);
            if (list.length === 0) return;
            list[at % list.length] = value;
            profile.automaton[field] = int32Base64(list);
          }
          const parsed = parseCompiled(JSON.stringify(copy), "c.json");
          if (!parsed.data) {
            expect(parsed.problems.length).toBeGreaterThan(0);
            return;
          }
          const screener = loadCompiled(parsed.data);
          for (const text of TEXTS) {
            for (const f of screener.screen(text)) {
              expect(f.start).toBeGreaterThanOrEqual(0);
              expect(f.end).toBeLessThanOrEqual(text.length);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("any text cut anywhere", () => {
    fc.assert(
      fc.property(fc.nat(built.length - 1), (cut) => {
        const parsed = parseCompiled(built.slice(0, cut), "c.json");
        expect(parsed.problems.length).toBeGreaterThan(0);
        expect(parsed.problems[0]?.code).toMatch(/json-syntax|not-compiled|compiled-schema/);
      }),
      { numRuns: 100 },
    );
  });
});
