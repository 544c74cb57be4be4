import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BROKEN_PACK, expectGolden, runCli, TEST_PACK, WITH_TEST_PACK } from "./helpers.js";

const check = (...args: string[]) => runCli(["check", ...WITH_TEST_PACK, ...args]);

describe("check: golden reports of the fixture drafts (test pack only)", () => {
  it.each([
    ["stylish", "check.stylish.txt"],
    ["json", "check.json"],
    ["sarif", "check.sarif"],
  ])("--format %s", async (format, golden) => {
    const result = await check("--format", format, "drafts");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expectGolden(golden, result.stdout);
  });
});

describe("check: exit codes", () => {
  it("0 when the text is clean", async () => {
    const result = await check("drafts/clean.txt");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("✔ 没有发现问题（检查了 1 个文件）");
  });

  it("1 when there is an error-severity finding", async () => {
    const result = await check("drafts/post.md");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ \d+ 个问题（2 个错误，/);
  });

  it("0 with warnings only, 1 when they exceed --max-warnings", async () => {
    expect((await check("inputs/warnings.txt")).code).toBe(0);
    expect((await check("--max-warnings", "2", "inputs/warnings.txt")).code).toBe(0);
    const over = await check("--max-warnings", "1", "inputs/warnings.txt");
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("警告数 2 超过了 --max-warnings 1 的上限");
  });

  it("--quiet drops warnings and info from output and from counting", async () => {
    const warnings = await check("--quiet", "--max-warnings", "0", "inputs/warnings.txt");
    expect(warnings.code).toBe(0);
    // not "no problems": the warnings are there, only not shown
    expect(warnings.stdout).toBe("✔ 没有错误级问题（检查了 1 个文件；--quiet 不显示警告和提示）\n");
    const post = await check("--quiet", "--format", "json", "drafts/post.md");
    const severities = JSON.parse(post.stdout)[0].findings.map((f: { severity: string }) => f.severity);
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(["error"]));
    expect(JSON.parse(post.stdout)[0]).toMatchObject({ warningCount: 0, infoCount: 0 });
  });

  it("2 for a bad --max-warnings, an unknown option, an unknown format", async () => {
    for (const args of [["--max-warnings", "x"], ["--bogus"], ["--format", "xml"]]) {
      const result = await check(...args, "drafts/clean.txt");
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^✖ (参数取值无效|未知的选项)/);
      expect(result.stderr).toContain("运行 shengao check --help 查看用法。");
    }
    const format = await check("--format", "xml", "drafts/clean.txt");
    expect(format.stderr).toMatch(/^✖ 参数取值无效「xml」，只能是 stylish、json、sarif（option '-f/);
    const misspelt = await check("--formt", "json", "drafts/clean.txt");
    expect(misspelt.stderr).toMatch(
      /^✖ 未知的选项「--formt」，是不是要写 --format？（unknown option '--formt'）\n/,
    );
  });

  it("2 and the help when no paths are given", async () => {
    const result = await runCli(["check"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("请给出要检查的文件");
    expect(result.stderr).toContain("用法： shengao check [选项] <路径...>");
  });
});

describe("check: bad inputs are named, the rest still checked, exit 2", () => {
  it.each([
    ["inputs/missing.md", "找不到文件：inputs/missing.md（no such file）"],
    ["inputs/notes.pdf", "不支持的文件类型：inputs/notes.pdf（支持 .txt .md .markdown .html .htm .docx"],
    ["inputs/corrupt.docx", "无法读取 Word 文档：inputs/corrupt.docx，文件已损坏或不是 .docx 格式"],
    ["inputs/*.rtf", "没有匹配的文件：inputs/*.rtf（glob matched no files）"],
    [
      "inputs/*.pdf",
      "不支持的文件类型：inputs/notes.pdf（支持 .txt .md .markdown .html .htm .docx；请另存为",
    ],
  ])("%s", async (bad, message) => {
    const result = await check("--format", "json", bad, "drafts/post.md");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    const reports: { filePath: string; unreadable?: { code: string; message: string } }[] = JSON.parse(
      result.stdout,
    );
    expect(reports.filter((r) => !r.unreadable).map((r) => r.filePath)).toEqual(["drafts/post.md"]);
    // the JSON says what it could not read too, not only the terminal, in the order of the inputs
    const unreadable = reports.filter((r) => r.unreadable);
    expect(unreadable).toHaveLength(1);
    expect(reports[0]).toBe(unreadable[0]);
    expect(unreadable[0]?.unreadable?.message).toContain(message);
  });

  it("a folder without supported files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-empty-"));
    writeFileSync(join(dir, "a.png"), "x");
    const result = await runCli(["check", ...WITH_TEST_PACK, "."], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("文件夹里没有可检查的文件：.");
  });

  it("records unreadable inputs in SARIF as an unsuccessful run", async () => {
    const result = await check("--format", "sarif", "inputs/missing.md", "drafts/clean.txt");
    const invocation = JSON.parse(result.stdout).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain("inputs/missing.md");
  });
});

describe("check: inputs", () => {
  it("globs, folders (recursively) and duplicates resolve to each file once, in order", async () => {
    const result = await check("--format", "json", "drafts/*.md", "drafts", "drafts/post.md");
    const paths = JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath);
    expect(paths).toEqual(["drafts/post.md", "drafts/clean.txt", "drafts/page.html"]);
  });

  it("a glob matching folders checks what is in them, whatever its wildcard (archive/*, a folder a month)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-glob-folders-"));
    for (const month of ["2025-01", "2025-02"]) {
      await import("node:fs/promises").then((fs) =>
        fs.mkdir(join(dir, "months", month), { recursive: true }),
      );
      writeFileSync(join(dir, "months", month, "post.md"), "最好");
    }
    writeFileSync(join(dir, "months", "index.md"), "最好");
    for (const glob of ["months/*", "months/2025-0*", "months/2025-0?"]) {
      const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", glob], { cwd: dir });
      const paths = JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath);
      expect(paths).toEqual(
        glob === "months/*"
          ? ["months/2025-01/post.md", "months/2025-02/post.md", "months/index.md"]
          : ["months/2025-01/post.md", "months/2025-02/post.md"],
      );
    }
  });

  it("months/** reads each file once, and a folder it finds that cannot be read is said", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-glob-deep-"));
    const fs = await import("node:fs/promises");
    await fs.mkdir(join(dir, "months", "2025-01", "week-1"), { recursive: true });
    writeFileSync(join(dir, "months", "2025-01", "post.md"), "最好");
    writeFileSync(join(dir, "months", "2025-01", "week-1", "note.md"), "最好");
    const deep = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "months/**"], { cwd: dir });
    expect(JSON.parse(deep.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([
      "months/2025-01/post.md",
      "months/2025-01/week-1/note.md",
    ]);
    if (process.getuid?.() === 0) return; // root reads any folder: the rest cannot be shown as root
    await fs.chmod(join(dir, "months", "2025-01", "week-1"), 0o000);
    const locked = await runCli(["check", ...WITH_TEST_PACK, "months/*/*"], { cwd: dir });
    await fs.chmod(join(dir, "months", "2025-01", "week-1"), 0o755);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain("months/2025-01/week-1");
  });

  it("reads a linked file or folder inside a folder as what it points to, and says a link that points nowhere", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-links-"));
    const fs = await import("node:fs/promises");
    await fs.mkdir(join(dir, "elsewhere", "2025-03"), { recursive: true });
    await fs.mkdir(join(dir, "archive"));
    writeFileSync(join(dir, "elsewhere", "post.md"), "最好");
    writeFileSync(join(dir, "elsewhere", "2025-03", "note.md"), "最好");
    symlinkSync(join("..", "elsewhere", "post.md"), join(dir, "archive", "linked.md"));
    symlinkSync(join("..", "elsewhere", "2025-03"), join(dir, "archive", "2025-03"));
    symlinkSync(join("..", "gone.md"), join(dir, "archive", "gone.md"));
    // a folder linked into one that holds it is walked once, not forever
    symlinkSync("..", join(dir, "archive", "2025-03-loop"));
    const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "archive"], { cwd: dir });
    expect(result.code).toBe(2);
    const listed = JSON.parse(result.stdout).map((r: { filePath: string; unreadable?: unknown }) =>
      r.unreadable === undefined ? r.filePath : `${r.filePath} (unreadable)`,
    );
    // post.md, reached through the loop and through linked.md, is taken once: the first in the walk
    expect(listed).toEqual([
      "archive/2025-03/note.md",
      "archive/2025-03-loop/elsewhere/post.md",
      "archive/gone.md (unreadable)",
    ]);
    expect(result.stderr).toContain("链接指向的文件不存在：archive/gone.md → ../gone.md");
  });

  it("skips node_modules and dot-folders inside a folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-walk-"));
    for (const sub of ["node_modules", ".git", "docs"]) {
      const folder = join(dir, sub);
      await import("node:fs/promises").then((fs) => fs.mkdir(folder));
      writeFileSync(join(folder, "a.md"), "最好");
    }
    const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], { cwd: dir });
    expect(JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath)).toEqual(["docs/a.md"]);
  });
});

describe("check: lexicons", () => {
  it("reports a broken pack with file:line:column, screens with the others, exits 2", async () => {
    const result = await check("--lexicon", BROKEN_PACK, "drafts/post.md");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lexicons\/broken\/broken-pack\.yaml:\d+:\d+ {2}错误 {2}.+\(schema\)/);
    expect(result.stderr).toContain("已跳过这个词库");
    expect(result.stdout).toContain("cli-test/leader-title");
  });

  it("2 even when the screening is clean, which is then no pass", async () => {
    const result = await check("--lexicon", BROKEN_PACK, "drafts/clean.txt");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      "⚠ 检查了 1 个文件，没有发现问题，但检查不完整：有 1 处输入或词库出错（见上）\n",
    );
  });

  it("no pass when no input could be read", async () => {
    const missing = await check("inputs/missing.md");
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("✖ 没有检查任何文件（原因见上）\n");
    expect(missing.stderr).toContain("找不到文件：inputs/missing.md");
  });

  it("a lexicon path that does not exist is a configuration error", async () => {
    const result = await check("--lexicon", "no/such/pack.yaml", "drafts/clean.txt");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no/such/pack.yaml:1:1");
  });

  it("--no-default-lexicons without --lexicon is a usage error", async () => {
    const result = await runCli(["check", "--no-default-lexicons", "drafts/clean.txt"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("没有可用的词库");
  });

  it("--lexicon accepts a folder and can be repeated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-lex-"));
    writeFileSync(
      join(dir, "extra.yaml"),
      "id: extra\nname: 额外\nversion: 1.0.0\nentries:\n  - id: weather\n    kind: term\n    terms: [天气]\n    message: 测试\n",
    );
    const result = await runCli([
      "check",
      "--no-default-lexicons",
      "-l",
      TEST_PACK,
      "-l",
      dir,
      "-f",
      "json",
      "drafts/clean.txt",
    ]);
    const ruleIds = JSON.parse(result.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ruleIds).toEqual(["extra/weather"]);
  });
});

describe("check: folders", () => {
  it("passes over the report pages shengao report wrote into them, and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-folder-report-"));
    writeFileSync(join(dir, "稿件.txt"), "这是最好的安排。\n");
    const made = await runCli(["report", ...WITH_TEST_PACK, "--out", "报告", "."], { cwd: dir });
    expect(made.code).toBe(0);
    const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((r: { filePath: string }) => r.filePath)).toEqual(["稿件.txt"]);
    expect(result.stderr).toContain("已跳过 shengao 生成的报告页面：报告/report.html");
    // named on its own, it is checked: the user asked for it
    const named = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "报告/report.html"], { cwd: dir });
    expect(JSON.parse(named.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([
      "报告/report.html",
    ]);
    expect(named.stderr).not.toContain("已跳过");
    // a page of the same name that shengao did not write is a document like any other
    writeFileSync(join(dir, "报告", "report.html"), "<p>这是最好的安排。</p>");
    const other = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], { cwd: dir });
    expect(JSON.parse(other.stdout).map((r: { filePath: string }) => r.filePath)).toEqual([
      "报告/report.html",
      "稿件.txt",
    ]);
  });

  it("names each document of a folder it cannot read (.doc, .wps, .pdf), passes over images, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-folder-docs-"));
    writeFileSync(join(dir, "稿件.txt"), "这是最好的安排。\n");
    for (const name of ["旧稿.doc", "通知.wps", "附件.pdf", "配图.png"])
      writeFileSync(join(dir, name), "北韩");
    const result = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], { cwd: dir });
    expect(result.code).toBe(2);
    // in the folder's order, each counted as a fatal error (ESLint's shape), the draft's as found
    const reports: {
      filePath: string;
      unreadable?: { code: string };
      errorCount: number;
      fatalErrorCount: number;
    }[] = JSON.parse(result.stdout);
    expect(reports.map((r) => [r.filePath, r.unreadable?.code, r.errorCount, r.fatalErrorCount])).toEqual([
      ["旧稿.doc", "unsupported-type", 1, 1],
      ["稿件.txt", undefined, 0, 0],
      ["通知.wps", "unsupported-type", 1, 1],
      ["附件.pdf", "unsupported-type", 1, 1],
    ]);
    for (const name of ["旧稿.doc", "通知.wps", "附件.pdf"])
      expect(result.stderr).toContain(`✖ 不支持的文件类型：${name}（`);
    expect(result.stderr).not.toContain("配图.png");
    // a glob takes them too
    const globbed = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "*"], { cwd: dir });
    expect(globbed.code).toBe(2);
    expect(globbed.stderr).toContain("✖ 不支持的文件类型：旧稿.doc（");
    expect(globbed.stderr).not.toContain("配图.png");
    const images = await runCli(["check", ...WITH_TEST_PACK, "*.png"], { cwd: dir });
    expect(images.stderr).toContain("没有匹配的文件：*.png（no supported files matched）");
    // a folder of old Word files only: those are named, not "no files to check"
    const old = mkdtempSync(join(tmpdir(), "shengao-folder-doc-only-"));
    writeFileSync(join(old, "旧稿.doc"), "北韩");
    const only = await runCli(["check", ...WITH_TEST_PACK, "."], { cwd: old });
    expect(only.code).toBe(2);
    expect(only.stderr).toContain(
      "✖ 不支持的文件类型：旧稿.doc（支持 .txt .md .markdown .html .htm .docx；请另存为 .docx 或 .txt",
    );
    expect(only.stderr).not.toContain("文件夹里没有可检查的文件");
  });
});

describe("check: output", () => {
  it("-o writes the report to a file and nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-out-"));
    const out = join(dir, "sub", "report.json");
    const result = await check("-f", "json", "-o", out, "drafts/post.md");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8"))[0].filePath).toBe("drafts/post.md");
  });

  it("says a pack's warnings (an override of an entry that is not there) and screens as usual", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-pack-warning-"));
    writeFileSync(
      join(dir, "覆盖.yaml"),
      "id: ovr\nname: 覆盖\nversion: 1.0.0\noverrides:\n  - { entry: editorial/laobaixin, severity: info }\nentries: []\n",
    );
    writeFileSync(join(dir, "稿件.txt"), "北韩代表团\n");
    const result = await runCli(["check", "--lexicon", "覆盖.yaml", "稿件.txt"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("⚠ 词库有警告（lexicon warnings），检查照常进行：");
    expect(result.stderr).toContain("覆盖.yaml:5:14  警告  要覆盖的条目「editorial/laobaixin」不存在");
    expect(result.stdout).toContain("editorial/north-korea");
  });

  it("-o never writes over a file being checked, however its path is spelt, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-out-draft-"));
    const draft = "这是最好的安排。\n";
    writeFileSync(join(dir, "稿件.txt"), draft);
    symlinkSync(join(dir, "稿件.txt"), join(dir, "链接.txt"));
    for (const [output, inputs] of [
      ["稿件.txt", ["稿件.txt"]],
      ["./稿件.txt", ["."]],
      ["链接.txt", ["稿件.txt"]],
    ] as const) {
      const result = await runCli(["check", ...WITH_TEST_PACK, "-o", output, ...inputs], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("✖ 不把报告写到被检查的文件上：");
      expect(readFileSync(join(dir, "稿件.txt"), "utf8")).toBe(draft);
    }
    // nor over a lexicon file it reads
    writeFileSync(join(dir, "词库.yaml"), readFileSync(TEST_PACK, "utf8"));
    const onPack = await runCli(["check", "--lexicon", "词库.yaml", "-o", "词库.yaml", "稿件.txt"], {
      cwd: dir,
    });
    expect(onPack.code).toBe(2);
    expect(onPack.stderr).toContain("✖ 不把报告写到词库文件上：词库.yaml");
    expect(readFileSync(join(dir, "词库.yaml"), "utf8")).toBe(readFileSync(TEST_PACK, "utf8"));
    // another existing file is a report to replace
    writeFileSync(join(dir, "old-report.txt"), "上次的报告");
    const result = await runCli(["check", ...WITH_TEST_PACK, "-o", "old-report.txt", "稿件.txt"], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "old-report.txt"), "utf8")).toContain("最好");
  });

  it("-o refuses a new report of a type it reads inside a folder it checks: the next run would check it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-out-folder-"));
    await import("node:fs/promises").then((fs) => fs.mkdir(join(dir, "d2")));
    writeFileSync(join(dir, "d2", "a.txt"), "这是最好的安排。\n");
    const refused = await runCli(["check", ...WITH_TEST_PACK, "d2", "-o", "d2/result.txt"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("✖ 不把报告写进被检查的文件夹：d2");
    expect(existsSync(join(dir, "d2", "result.txt"))).toBe(false);
    // nor where a glob would find it, the file itself or a folder on its way
    for (const [glob, output] of [
      ["d2/*", "d2/result.txt"],
      ["*", "d2/result.md"],
    ]) {
      const globbed = await runCli(["check", ...WITH_TEST_PACK, glob as string, "-o", output as string], {
        cwd: dir,
      });
      expect(globbed.code, glob).toBe(2);
      expect(globbed.stderr).toContain(`✖ 不把报告写进被检查的文件夹：${glob}`);
    }
    // a dot-folder is one a folder's check skips: a report there is never read back
    const hidden = await runCli(["check", ...WITH_TEST_PACK, ".", "-o", ".reports/out.txt"], { cwd: dir });
    expect(hidden.code).toBe(0);
    expect(readFileSync(join(dir, ".reports", "out.txt"), "utf8")).toContain("最好");
    // a type check does not read is no draft to it
    const json = await runCli(["check", ...WITH_TEST_PACK, "d2", "-f", "json", "-o", "d2/result.json"], {
      cwd: dir,
    });
    expect(json.code).toBe(0);
    const [report] = JSON.parse(readFileSync(join(dir, "d2", "result.json"), "utf8"));
    expect(report.filePath).toBe("d2/a.txt");
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it.each([
    [{ stdoutIsTTY: true, env: {} }, true],
    [{ stdoutIsTTY: false, env: {} }, false],
    [{ stdoutIsTTY: true, env: { NO_COLOR: "1" } }, false],
    [{ stdoutIsTTY: false, env: { FORCE_COLOR: "1" } }, true],
    [{ stdoutIsTTY: true, env: { FORCE_COLOR: "0" } }, false],
  ])("colours %j: %s", async (options, coloured) => {
    const result = await runCli(["check", ...WITH_TEST_PACK, "drafts/post.md"], options);
    expect(result.stdout.includes("\u001b[")).toBe(coloured);
  });

  it("shows a progress bar on a terminal's stderr for many files, never in the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shengao-many-"));
    for (let i = 0; i < 21; i++) writeFileSync(join(dir, `${String(i).padStart(2, "0")}.txt`), "最好");
    const many = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], {
      cwd: dir,
      stderrIsTTY: true,
    });
    expect(many.stderr).toContain("检查中");
    expect(JSON.parse(many.stdout)).toHaveLength(21);
    const piped = await runCli(["check", ...WITH_TEST_PACK, "-f", "json", "."], {
      cwd: dir,
      stderrIsTTY: false,
    });
    expect(piped.stderr).toBe("");
  });
});

describe("help", () => {
  it("shengao --help and check --help are Chinese, with examples, exit 0", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("用法： shengao [选项] <命令>");
    expect(top.stdout).toContain("命令：");
    expect(top.stdout).toContain("示例：");
    const sub = await runCli(["check", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--max-warnings <数量>");
    expect(sub.stdout).toContain("shengao check --format sarif");
    expect(sub.stdout).not.toMatch(/\(default:|choices:/);
  });

  it("shengao help check is help, exit 0", async () => {
    const result = await runCli(["help", "check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("用法： shengao check");
  });

  it("no command prints the help on stderr and exits 2", async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("用法： shengao [选项] <命令>");
  });

  it("an unknown command is a usage error, with commander's guess in Chinese and the help to read", async () => {
    const result = await runCli(["chek", "a.md"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "✖ 未知的命令「chek」，是不是要写 check？（unknown command 'chek'）\n运行 shengao --help 查看用法。\n",
    );
    const sub = await runCli(["lexicon", "tset"]);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toBe(
      "✖ 未知的命令「tset」，是不是要写 test？（unknown command 'tset'）\n运行 shengao lexicon --help 查看用法。\n",
    );
  });

  it("help names a subcommand of a command: help lexicon test is lexicon test's help", async () => {
    const result = await runCli(["help", "lexicon", "test"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^用法： shengao lexicon test /);
    expect((await runCli(["help", "lexicon"])).stdout).toMatch(/^用法： shengao lexicon </);
  });
});
