import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCompiled, parseLexicon } from "@shengao/core";
import { DEFAULT_LEXICON_DIR } from "@shengao/node";
import { describe, expect, it } from "vitest";
import { markFindings } from "../src/cli/lexicon/examples.js";
import { BROKEN_PACK, FIXTURES, runCli, TEST_PACK } from "./helpers.js";

const FAILING_PACK = join(FIXTURES, "lexicons", "failing-examples.yaml");

describe("lexicon validate", () => {
  it("reads a pack named twice (by itself and in its folder, or a .YAML) once, never as a duplicate of itself", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-twice-"));
    writeFileSync(join(dir, "本单位.YAML"), readFileSync(TEST_PACK, "utf8"));
    const result = await runCli(
      ["lexicon", "validate", "--no-default-lexicons", ".", "本单位.YAML", "./本单位.YAML"],
      { cwd: dir },
    );
    expect(result.stdout).toBe("✔ 1 个词库文件，没有问题\n");
    expect(result.code).toBe(0);
  });

  it("a clean pack: exit 0 and a one-line summary", async () => {
    const result = await runCli(["lexicon", "validate", "--no-default-lexicons", TEST_PACK]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("✔ 1 个词库文件，没有问题\n");
  });

  it("prints each problem as file:line:column  message  (code), exit 1", async () => {
    const result = await runCli(["lexicon", "validate", "--no-default-lexicons", TEST_PACK, BROKEN_PACK]);
    expect(result.code).toBe(1);
    const [problem, summary] = result.stdout.trimEnd().split("\n");
    // the location is where the reviewer must look: the empty terms list on line 7
    const source = readFileSync(BROKEN_PACK, "utf8").split("\n");
    const match = problem?.match(
      /^lexicons\/broken\/broken-pack\.yaml:(\d+):(\d+) {2}错误 {2}.+ {2}\(schema\)$/,
    );
    expect(match).not.toBeNull();
    expect(source[Number(match?.[1]) - 1]).toContain("terms: []");
    expect(summary).toBe("✖ 2 个词库文件：1 个错误，0 个警告");
  });

  it("refuses a lexicon file that is not UTF-8, where its first bad byte is, and loads the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-gbk-lexicon-"));
    const yaml = (term: string) =>
      `id: gbk\nname: gbk\nversion: 1.0.0\nentries:\n  - id: a\n    kind: term\n    message: m\n    terms: [${term}]\n`;
    // the term AI测试 saved as GBK: a reviewer's Chinese Windows editor does this
    const gbk = Buffer.concat([
      Buffer.from(yaml("AI").slice(0, -2)),
      Buffer.from("b2e2cad4", "hex"),
      Buffer.from("]\n"),
    ]);
    writeFileSync(join(dir, "gbk.yaml"), gbk);
    writeFileSync(
      join(dir, "utf16.yaml"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml("测试"), "utf16le")]),
    );
    const result = await runCli([
      "lexicon",
      "validate",
      TEST_PACK,
      join(dir, "gbk.yaml"),
      join(dir, "utf16.yaml"),
    ]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines.find((l) => l.includes("gbk.yaml"))).toMatch(
      /gbk\.yaml:8:15 {2}错误 {2}词库文件不是 UTF-8 编码.*\(not-utf8\)$/,
    );
    expect(lines.find((l) => l.includes("utf16.yaml"))).toMatch(
      /utf16\.yaml:1:1 {2}错误 {2}词库文件不是 UTF-8 编码/,
    );
    // the good pack still screens beside the one refused
    const check = await runCli(
      ["check", "--no-default-lexicons", "-l", TEST_PACK, "-l", join(dir, "gbk.yaml"), "-f", "json", "-"],
      {
        stdin: "我们研究AI技术，这是最好的安排。",
      },
    );
    expect(check.code).toBe(2);
    const texts = JSON.parse(check.stdout)[0].findings.map((f: { text: string }) => f.text);
    expect(texts).toContain("最好");
    expect(texts).not.toContain("AI");
  });

  it("a lexicon folder without lexicon files is said, and the other packs still screen", async () => {
    const empty = mkdtempSync(join(tmpdir(), "shengao-empty-lexicons-"));
    writeFileSync(join(empty, "说明.txt"), "本单位词库放在子文件夹里");
    const check = await runCli(
      ["check", "--no-default-lexicons", "-l", TEST_PACK, "-l", empty, "-f", "json", "-"],
      {
        stdin: "这是最好的安排。",
      },
    );
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${empty}:1:1  错误  这个文件夹里没有词库文件`);
    expect(JSON.parse(check.stdout)[0].findings.map((f: { text: string }) => f.text)).toContain("最好");
  });

  it("a lexicon folder's subfolders holding packs are said not to be read, the run otherwise as usual", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-sub-lexicons-"));
    writeFileSync(join(dir, "main.yaml"), readFileSync(TEST_PACK));
    mkdirSync(join(dir, "广告"));
    writeFileSync(
      join(dir, "广告", "ads.yaml"),
      "id: ads\nname: 广告\nversion: 1.0.0\nentries:\n  - id: x\n    kind: term\n    message: m\n    terms: [甲乙丙]\n",
    );
    mkdirSync(join(dir, "notes"));
    writeFileSync(join(dir, "notes", "说明.txt"), "no packs here");
    const check = await runCli(["check", "--no-default-lexicons", "-l", dir, "-f", "json", "-"], {
      stdin: "这是最好的安排，甲乙丙。",
    });
    expect(check.code).toBe(0);
    const sub = join(dir, "广告");
    expect(check.stderr).toContain(`${sub}:1:1  警告  这个子文件夹里的 1 个词库文件没有读`);
    expect(check.stderr).toContain("(subfolder-not-read)");
    expect(check.stderr).not.toContain("notes");
    const texts = JSON.parse(check.stdout)[0].findings.map((f: { text: string }) => f.text);
    expect(texts).toContain("最好");
    expect(texts).not.toContain("甲乙丙");
    // named too, it is read
    const both = await runCli(["check", "--no-default-lexicons", "-l", dir, "-l", sub, "-f", "json", "-"], {
      stdin: "甲乙丙。",
    });
    expect(JSON.parse(both.stdout)[0].findings.map((f: { text: string }) => f.text)).toEqual(["甲乙丙"]);
    const validate = await runCli(["lexicon", "validate", dir]);
    expect(validate.stdout).toContain("(subfolder-not-read)");
    // said by the other lexicon commands too, their exit codes unchanged
    for (const command of [
      ["test"],
      ["stats"],
      ["build", "--out", join(dir, "..", `${Date.now()}.compiled.json`)],
    ]) {
      const run = await runCli(["lexicon", ...command, dir]);
      expect(run.stderr, command[0]).toContain("(subfolder-not-read)");
      expect(run.code, command[0]).toBe(0);
    }
    // the subfolder named too: read, and not said; the folder named twice: said once
    const twice = await runCli(["lexicon", "validate", dir, `${dir}/`, sub]);
    expect(twice.stdout).not.toContain("subfolder-not-read");
    expect(
      (await runCli(["lexicon", "validate", dir, `${dir}/`])).stdout.split("subfolder-not-read").length,
    ).toBe(2);
    // a link to a folder of packs elsewhere is a subfolder too
    const elsewhere = mkdtempSync(join(tmpdir(), "shengao-linked-lexicons-"));
    writeFileSync(join(elsewhere, "ads.yaml"), readFileSync(join(sub, "ads.yaml")));
    symlinkSync(elsewhere, join(dir, "链接"));
    expect((await runCli(["lexicon", "validate", dir])).stdout).toContain(`${join(dir, "链接")}:1:1`);
    // the default folder's examples/ and schema/ are meant to stay out: not said
    expect((await runCli(["lexicon", "validate"])).stdout).not.toContain("subfolder-not-read");
  });

  it("finds problems across packs (duplicate pack ids)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-dup-"));
    writeFileSync(join(dir, "copy.yaml"), readFileSync(TEST_PACK));
    const result = await runCli(["lexicon", "validate", TEST_PACK, join(dir, "copy.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("(duplicate-pack)");
  });
});

describe("help examples", () => {
  it("name lexicon files that exist", async () => {
    const help = [
      (await runCli(["--help"])).stdout,
      (await runCli(["lexicon", "--help"])).stdout,
      (await runCli(["check", "--help"])).stdout,
    ].join("\n");
    const named = [...help.matchAll(/\blexicons\/[\w/-]+\.ya?ml\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const file of named) expect(existsSync(join(DEFAULT_LEXICON_DIR, "..", file)), file).toBe(true);
  });
});

describe("lexicon validate: a society's pack, with the default packs as check reads it, or alone", () => {
  it("checks it with the default packs: its overrides name their entries, its verdicts meet theirs", async () => {
    const cwd = join(DEFAULT_LEXICON_DIR, "..");
    const society = join(DEFAULT_LEXICON_DIR, "examples", "society.yaml");
    const withDefaults = await runCli(["lexicon", "validate", society], { cwd });
    expect([withDefaults.code, withDefaults.stdout]).toEqual([0, "✔ 1 个词库文件，没有问题\n"]);
    // a verdict unlike a default entry's, which check would refuse the whole pack for
    const dir = mkdtempSync(join(tmpdir(), "shengao-verdict-"));
    const own = join(dir, "本社.yaml");
    writeFileSync(
      own,
      "id: own\nname: 本社\nversion: 1.0.0\nentries:\n  - id: nk\n    kind: replace\n    severity: warning\n    message: m\n    terms: [北韩]\n    replacement: 朝鲜\n",
    );
    const conflict = await runCli(["lexicon", "validate", own], { cwd: dir });
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain("本社.yaml:9:13  错误  「北韩」已被 editorial/north-korea");
    expect(conflict.stdout).toContain("(conflicting-verdict)");
    expect(conflict.stdout).toContain("✖ 1 个词库文件：1 个错误");
    const check = await runCli(["check", "--lexicon", own, "-"], { cwd: dir, stdin: "北韩" });
    expect(check.stderr).toContain("(conflicting-verdict)");
  });

  it("a default pack named by a link to it, or by a path through a linked folder, is the pack named", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-link-"));
    symlinkSync(join(DEFAULT_LEXICON_DIR, "editorial.yaml"), join(dir, "编辑.yaml"));
    symlinkSync(DEFAULT_LEXICON_DIR, join(dir, "词库"));
    for (const file of ["编辑.yaml", join("词库", "editorial.yaml")]) {
      const result = await runCli(["lexicon", "validate", file], { cwd: dir });
      expect([result.code, result.stdout], file).toEqual([0, "✔ 1 个词库文件，没有问题\n"]);
    }
    const folder = await runCli(["lexicon", "validate", "词库"], { cwd: dir });
    expect([folder.code, folder.stdout]).toEqual([0, "✔ 3 个词库文件，没有问题\n"]);
    // a folder of the society's own that holds a link to a default pack, beside a pack of its own
    mkdirSync(join(dir, "本社"));
    symlinkSync(join(DEFAULT_LEXICON_DIR, "editorial.yaml"), join(dir, "本社", "编辑.yaml"));
    writeFileSync(
      join(dir, "本社", "本社.yaml"),
      "id: own\nname: 本社\nversion: 1.0.0\nentries:\n  - id: e\n    kind: term\n    message: m\n    basis: b\n    terms: [叫兽]\n    examples: { flag: [叫兽说], pass: [教授说] }\n",
    );
    const mixed = await runCli(["lexicon", "validate", "本社"], { cwd: dir });
    expect([mixed.code, mixed.stdout]).toEqual([0, "✔ 2 个词库文件，没有问题\n"]);
  });

  it("alone (--no-default-lexicons): says its overrides name default packs that were not loaded, and how to check it with them", async () => {
    const society = join(DEFAULT_LEXICON_DIR, "examples", "society.yaml");
    const alone = await runCli(["lexicon", "validate", "--no-default-lexicons", society], {
      cwd: join(DEFAULT_LEXICON_DIR, ".."),
    });
    expect(alone.stdout).toContain("(unknown-override)");
    expect(alone.stdout).toContain(
      "提示：overrides 覆盖的是默认词库 advertising、editorial 的条目，这次没有加载默认词库，所以说条目不存在。连同默认词库一起检查：shengao lexicon validate lexicons/examples/society.yaml",
    );
    const together = await runCli(["lexicon", "validate", "--no-default-lexicons", "lexicons", society], {
      cwd: join(DEFAULT_LEXICON_DIR, ".."),
    });
    expect(together.code).toBe(0);
    expect(together.stdout).not.toContain("unknown-override");
    expect(together.stdout).not.toContain("提示：");
  });
});

describe("lexicon validate: a term in two entries of one pack", () => {
  it("is a warning, with where the first one is; exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-repeat-"));
    const file = join(dir, "repeat.yaml");
    writeFileSync(
      file,
      [
        "id: rep",
        "name: 重复",
        "version: 1.0.0",
        "basis: 本单位审稿规范",
        "entries:",
        "  - { id: a, kind: term, message: m, terms: [砖家, 叫兽], examples: { flag: [砖家], pass: [专家] } }",
        "  - { id: b, kind: term, message: m, terms: [公知, 叫兽], examples: { flag: [公知], pass: [专家] } }",
        "",
      ].join("\n"),
    );
    const result = await runCli(["lexicon", "validate", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "repeat.yaml:7:50  警告  「叫兽」也写在本词库的 rep/a 里：两个条目都会标出它，编辑会看到同一处标了两次；请只留在一个条目里  (repeated-term)",
    );
    expect(result.stdout).toContain("⚠ 1 个词库文件：0 个错误，1 个警告");
  });
});

describe("lexicon test", () => {
  it("all examples pass: exit 0 and the count", async () => {
    const result = await runCli(["lexicon", "test", TEST_PACK]);
    expect(result.code).toBe(0);
    const sentences = (readFileSync(TEST_PACK, "utf8").match(/(flag|pass): \[/g) ?? []).length;
    expect(result.stdout).toBe(`✔ ${sentences} 条例句，0 条失败\n`);
  });

  it("shows where a failing example is, what was expected and what was found", async () => {
    const result = await runCli(["lexicon", "test", FAILING_PACK]);
    expect(result.code).toBe(1);
    const lines = readFileSync(FAILING_PACK, "utf8").split("\n");
    const locations = [...result.stdout.matchAll(/failing-examples\.yaml:(\d+):(\d+)/g)];
    expect(locations).toHaveLength(2);
    const [flagLine, passLine] = locations.map((m) => lines[Number(m[1]) - 1] ?? "");
    expect(flagLine).toContain("这是传言");
    expect(passLine).toContain("不信谣言");
    expect(result.stdout).toContain("例句：这是传言\n    应标出，实际未标出：例句里没有本条目要找的词或写法");
    expect(result.stdout).toContain("不应标出，实际标出了：\n      不信【谣言】");
    expect(result.stdout).toContain("✖ 2 条例句，2 条失败");
  });

  it("says which exception kept a flag sentence from being flagged, and when a hit is no whole word", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-why-"));
    const file = join(dir, "why.yaml");
    writeFileSync(
      file,
      [
        "id: why",
        "name: 为什么",
        "version: 1.0.0",
        "entries:",
        "  - id: brick",
        "    kind: term",
        "    terms: [砖家]",
        "    exceptions: [砖家具]",
        "    message: m",
        "    examples: { flag: [卖砖家具的] }",
        "  - id: master",
        "    kind: term",
        "    terms: [大师]",
        "    boundary: true",
        "    message: m",
        "    examples: { flag: [大师傅做饭] }",
        "  - id: people",
        "    kind: term",
        "    terms: [老百姓、群众、公众]",
        "    message: m",
        "    examples: { flag: [群众的心声] }",
        "",
      ].join("\n"),
    );
    const result = await runCli(["lexicon", "test", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("应标出，实际未标出：例外「砖家具」把它排除了（exceptions）");
    expect(result.stdout).toContain("应标出，实际未标出：找到了「大师」，但它在这句里不是一个完整的词");
    expect(result.stdout).toContain(
      "应标出，实际未标出：「老百姓、群众、公众」用顿号连着写，是一个词，原文也这样连着写才查得出；要分别查其中的词，请分成几项（如 [老百姓, 群众, 公众]）",
    );
  });

  it("marks found spans with 【】, merging overlaps", () => {
    expect(
      markFindings("甲乙丙丁戊", [
        { start: 3, end: 4 },
        { start: 0, end: 2 },
        { start: 1, end: 3 },
      ]),
    ).toBe("【甲乙丙】【丁】戊");
    expect(markFindings("无", [])).toBe("无");
  });

  it("a broken pack is reported and exit 1 even if the others pass", async () => {
    const result = await runCli(["lexicon", "test", TEST_PACK, BROKEN_PACK]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("broken-pack.yaml");
    // no tick while a pack's examples went untested
    expect(result.stdout).toMatch(/^✖ \d+ 条例句，0 条失败；1 个词库有错误，其例句未测试（见上）\n$/);
  });

  it("says when there were no examples to run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-no-examples-"));
    writeFileSync(
      join(dir, "p.yaml"),
      "id: p\nname: 无例句\nversion: 1.0.0\nentries:\n  - { id: e, kind: term, message: m, terms: [甲] }\n",
    );
    const result = await runCli(["lexicon", "test", "p.yaml"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("✔ 0 条例句，0 条失败（词库里没有写 examples 例句）\n");
  });
});

function exceptionsOfTestPack(): number {
  const pack = parseLexicon(readFileSync(TEST_PACK, "utf8"), TEST_PACK).pack;
  return (pack?.entries ?? []).reduce((n, entry) => n + (entry.exceptions?.length ?? 0), 0);
}

describe("lexicon stats", () => {
  it("table by pack × kind and by severity", async () => {
    const result = await runCli(["lexicon", "stats", TEST_PACK, FAILING_PACK]);
    expect(result.code).toBe(0);
    const rows = result.stdout.split("\n").map((line) => line.split(/\s{2,}/));
    expect(rows).toContainEqual(["词库", "term", "replace", "合计"]);
    expect(rows).toContainEqual(["cli-test", "2", "1", "3"]);
    expect(rows).toContainEqual(["词库", "错误", "警告", "提示", "合计"]);
    expect(rows).toContainEqual(["cli-test", "1", "1", "1", "3"]);
    expect(rows).toContainEqual(["合计", "1", "2", "1", "4"]);
    // the words looked for, not only the entries: a big word list is one entry
    expect(rows).toContainEqual(["词库", "条目", "要找的词语", "例外"]);
    expect(rows).toContainEqual(["cli-test", "3", "3", String(exceptionsOfTestPack())]);
  });

  it("--format json agrees with the pack as parsed", async () => {
    const result = await runCli(["lexicon", "stats", "--format", "json", TEST_PACK]);
    const stats = JSON.parse(result.stdout);
    const pack = parseLexicon(readFileSync(TEST_PACK, "utf8"), TEST_PACK).pack;
    expect(stats.packs[0]).toMatchObject({ id: pack?.id, entries: pack?.entries.length });
    expect(stats.packs[0].byKind).toMatchObject({ term: 2, replace: 1, near: 0 });
    expect(stats.packs[0]).toMatchObject({ words: 3, exceptions: exceptionsOfTestPack() });
    expect(stats.total.bySeverity).toEqual({ error: 1, warning: 1, info: 1 });
    // nothing is overridden: no second count
    expect(stats).not.toHaveProperty("effective");
    expect((await runCli(["lexicon", "stats", TEST_PACK])).stdout).not.toContain("实际生效");
  });

  it("counts the entries as they screen once overrides apply, beside the entries as written", async () => {
    const society = join(DEFAULT_LEXICON_DIR, "examples", "society.yaml");
    const table = await runCli(["lexicon", "stats", DEFAULT_LEXICON_DIR, society]);
    const rows = table.stdout.split("\n").map((line) => line.split(/\s{2,}/));
    const written = rows.find((row) => row[0] === "editorial");
    expect(table.stdout).toContain("按级别统计覆盖（overrides）之后实际生效的条目");
    const effective = rows.filter((row) => row[0] === "editorial").at(-1);
    // the society's pack switches editorial/laobaixing off
    expect(effective?.slice(4)).toEqual(["1", String(Number(written?.at(-1)) - 1)]);
    const json = JSON.parse(
      (await runCli(["lexicon", "stats", "-f", "json", DEFAULT_LEXICON_DIR, society])).stdout,
    );
    const advertising = json.effective.find((p: { id: string }) => p.id === "advertising");
    const asWritten = json.packs.find((p: { id: string }) => p.id === "advertising");
    // and re-levels advertising/guojiaji to info
    expect(advertising.bySeverity.info).toBe(asWritten.bySeverity.info + 1);
    expect(advertising.disabled).toBe(0);
  });
});

describe("lexicon build", () => {
  it("writes serialize() as JSON that loadCompiled accepts and screens with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    const out = join(dir, "dist", "compiled.json");
    const result = await runCli(["lexicon", "build", TEST_PACK, "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 个词库，3 个条目");
    const screener = loadCompiled(JSON.parse(readFileSync(out, "utf8")));
    expect(screener.screen("昨天台湾总统讲话").map((f) => f.ruleId)).toEqual(["cli-test/leader-title"]);
    // a file to hand on names its sources without the builder's folders
    expect(screener.packs.map((p) => p.file)).toEqual(["lexicons/test-pack.yaml"]);
    const outside = await runCli(["lexicon", "build", TEST_PACK, "--out", out], { cwd: dir });
    expect(outside.code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).packs.map((p: { file: string }) => p.file)).toEqual([
      "test-pack.yaml",
    ]);
  });

  it("its output given to --lexicon is said to be a compiled file, not a pack with schema errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    const out = join(dir, "compiled.json");
    expect((await runCli(["lexicon", "build", TEST_PACK, "--out", out])).code).toBe(0);
    const result = await runCli(["lexicon", "validate", out]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toMatch(
      /compiled\.json:1:1 {2}错误 {2}这是 shengao lexicon build 编译后的词库.*\(compiled-file\)$/,
    );
    expect(result.stdout).not.toContain("(schema)");
  });

  it("never writes over a lexicon source it reads, however its path is spelt, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    const source = readFileSync(TEST_PACK, "utf8");
    writeFileSync(join(dir, "本单位词库.yaml"), source);
    for (const [out, input] of [
      ["本单位词库.yaml", "本单位词库.yaml"],
      ["./本单位词库.yaml", "."],
    ] as const) {
      const result = await runCli(["lexicon", "build", input, "--out", out], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("✖ 不把编译结果写到词库源文件上：本单位词库.yaml");
      expect(readFileSync(join(dir, "本单位词库.yaml"), "utf8")).toBe(source);
    }
  });

  it("refuses an --out naming a source before compiling, so a broken pack is not reported first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    const source = readFileSync(BROKEN_PACK, "utf8");
    writeFileSync(join(dir, "坏词库.yaml"), source);
    const result = await runCli(["lexicon", "build", "坏词库.yaml", "--out", "坏词库.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("✖ 不把编译结果写到词库源文件上：坏词库.yaml");
    expect(result.stderr).not.toContain("未生成");
    expect(readFileSync(join(dir, "坏词库.yaml"), "utf8")).toBe(source);
  });

  it("refuses a pack whose overrides name entries it is not built with: they would be lost", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    writeFileSync(
      join(dir, "本单位.yaml"),
      "id: mine\nname: 本单位\nversion: 1.0.0\noverrides:\n  - { entry: editorial/north-korea, disabled: true }\nentries: []\n",
    );
    const result = await runCli(["lexicon", "build", "本单位.yaml", "--out", "out.json"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("本单位.yaml:5:14  警告  要覆盖的条目「editorial/north-korea」不存在");
    expect(result.stderr).toContain("✖ 写了 overrides 的词库不能单独编译");
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });

  it("refuses while validation has errors, exit 1, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-build-"));
    const out = join(dir, "compiled.json");
    const result = await runCli(["lexicon", "build", TEST_PACK, BROKEN_PACK, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("未生成");
    expect(() => readFileSync(out)).toThrow();
  });
});
