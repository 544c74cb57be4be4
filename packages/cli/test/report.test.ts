import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import { DEFAULT_LEXICON_DIR } from "@shengao/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArchiveReport } from "../src/analysis/archive-report.js";
import { fileNameDate } from "../src/analysis/document-date.js";
import {
  screenArchive,
  startWorkers,
  stopWorkers,
  threadCount,
  workerSetup,
} from "../src/analysis/screen-archive.js";
import { compileLexicons, loadLexicons } from "../src/cli/lexicons.js";
import { DEFAULT_REPORT_DIR } from "../src/cli/report.js";
import { resolveInputs } from "../src/input/resolve.js";
import { BROKEN_PACK, runCli, TEST_PACK } from "./helpers.js";
import {
  type ArchiveManifest,
  FILLERS,
  generateArchive,
  HOSTILE,
  PLANTS,
  type PlantedDocument,
  type PlantedFinding,
} from "./support/archive.mjs";

/** The archive sits in `dir/archive`; reports are run from `dir`, so paths read `archive/…`. */
let dir: string;
let manifest: ArchiveManifest;
let main: { code: number; stderr: string; report: ArchiveReport; html: string };

const EXTRA_ARGS = ["archive/损坏/扫描件.pdf", "不存在的文件夹"];

async function report(args: string[], out: string) {
  const result = await runCli(["report", "--lexicon", TEST_PACK, "--out", out, ...args], { cwd: dir });
  const read = (name: string) => readFileSync(join(dir, out, name), "utf8");
  return { ...result, report: JSON.parse(read("report.json")) as ArchiveReport, html: read("report.html") };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shengao-report-"));
  manifest = await generateArchive(join(dir, "archive"), { documents: 300 });
  main = await report(["--jobs", "1", "archive", ...EXTRA_ARGS], "out-main");
}, 180_000);

const shown = (doc: { path: string }) => `archive/${doc.path}`;

/** What the report must say, counted from what was planted (never from the report). */
function expected(documents: readonly PlantedDocument[]) {
  const findings = documents.flatMap((doc) => doc.findings);
  const tallyBy = (keyOf: (f: PlantedFinding) => string) => {
    const rows = new Map<
      string,
      { key: string; total: number; error: number; warning: number; info: number }
    >();
    for (const f of findings) {
      const key = keyOf(f);
      const row = rows.get(key) ?? { key, total: 0, error: 0, warning: 0, info: 0 };
      row.total += 1;
      row[f.severity] += 1;
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  const severities = (list: readonly PlantedFinding[]) => ({
    total: list.length,
    error: list.filter((f) => f.severity === "error").length,
    warning: list.filter((f) => f.severity === "warning").length,
    info: list.filter((f) => f.severity === "info").length,
  });
  const months = documents.map((doc) => doc.date.slice(0, 7)).sort();
  const byMonth = [];
  for (let m = months[0]; m !== undefined && m <= (months[months.length - 1] ?? ""); m = nextMonth(m)) {
    const inMonth = documents.filter((doc) => doc.date.startsWith(m as string));
    byMonth.push({
      key: m,
      documents: inMonth.length,
      ...severities(inMonth.flatMap((doc) => doc.findings)),
    });
  }
  const top = documents
    .map((doc) => ({ path: shown(doc), date: doc.date, ...severities(doc.findings) }))
    .filter((doc) => doc.error > 0)
    .sort((a, b) => b.error - a.error || b.total - a.total || (a.path < b.path ? -1 : 1))
    .slice(0, 20);
  return {
    totals: {
      documents: documents.length,
      documentsWithFindings: documents.filter((doc) => doc.findings.length > 0).length,
      ...severities(findings),
    },
    byCategory: tallyBy((f) => f.category),
    byPack: tallyBy((f) => f.lexiconId),
    byEntry: tallyBy((f) => f.ruleId),
    byMonth,
    top,
  };
}

function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

const byKey = <T extends { key: string }>(rows: readonly T[]) =>
  rows
    .map(({ key, total, error, warning, info }: T & Record<string, unknown>) => ({
      key,
      total,
      error,
      warning,
      info,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));

describe("the generated archive", () => {
  it("plants sentences that give exactly their findings, in fillers and titles that give none", async () => {
    const lexicons = await loadLexicons([DEFAULT_LEXICON_DIR, TEST_PACK]);
    const { screener } = compileLexicons(lexicons.usable, true);
    const found = (text: string) =>
      (screener?.screen(text) ?? []).map(({ ruleId, lexiconId, entryId, category, severity }) => ({
        ruleId,
        lexiconId,
        entryId,
        category,
        severity,
      }));
    for (const plant of Object.values(PLANTS)) expect(found(plant.text), plant.text).toEqual(plant.findings);
    const clean = manifest.sentences.filter((text) => !Object.values(PLANTS).some((p) => p.text === text));
    expect(clean.length).toBeGreaterThan(FILLERS.length);
    for (const text of clean) expect(found(text), text).toEqual([]);
  });

  it("has every format, every date source, conflicting dates, broken and skipped files", () => {
    const docs = manifest.documents;
    expect(docs.length).toBe(301);
    expect(new Set(docs.map((d) => d.format))).toEqual(new Set(["txt", "md", "html", "docx"]));
    expect(new Set(docs.map((d) => d.dateSource))).toEqual(
      new Set(["front-matter", "meta", "file-name", "mtime"]),
    );
    for (const source of ["front-matter", "meta"]) {
      const conflicting = docs.filter(
        (d) =>
          d.dateSource === source && fileNameDate(d.path) !== undefined && fileNameDate(d.path) !== d.date,
      );
      expect(conflicting.length, source).toBeGreaterThan(3);
    }
    expect(manifest.broken.length).toBe(4); // three corrupt Word files and a PDF
  });
});

describe("shengao report over the archive", () => {
  it("writes both files and says what it did; a missing argument makes the exit code 2", () => {
    expect(main.code).toBe(2);
    expect(main.stderr).toContain(`已分析 ${manifest.documents.length} 篇文档`);
    expect(main.stderr).toContain("报告：out-main/report.html");
    expect(main.stderr).toContain("找不到文件：不存在的文件夹");
  });

  it("counts totals, severities, categories, packs and entries exactly", () => {
    const want = expected(manifest.documents);
    expect(main.report.totals).toEqual({ ...want.totals, unreadable: 5, outsidePeriod: 0 });
    expect(byKey(main.report.byCategory)).toEqual(want.byCategory);
    expect(byKey(main.report.byPack)).toEqual(want.byPack);
    expect(byKey(main.report.byEntry)).toEqual(want.byEntry);
    expect(main.report.byPack.map((p) => p.name)).toContain("命令行测试词库");
    // tables read top-down: most findings first
    for (const rows of [main.report.byCategory, main.report.byPack, main.report.byEntry]) {
      const totals = rows.map((row) => row.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    }
  });

  it("counts every month from the first to the last, empty ones included", () => {
    const want = expected(manifest.documents);
    expect(main.report.byMonth).toEqual(want.byMonth);
    expect(main.report.byMonth.map((m) => m.key)[0]).toBe("2024-01");
  });

  it("ranks the documents with the most errors", () => {
    const want = expected(manifest.documents).top;
    expect(want.length).toBe(20);
    expect(
      main.report.topDocuments.map(({ path, date, total, error, warning, info }) => ({
        path,
        date,
        total,
        error,
        warning,
        info,
      })),
    ).toEqual(want);
  });

  it("dates each document by front matter, meta tag, file name, then modification time", () => {
    const dated = new Map(main.report.documents.map((doc) => [doc.path, [doc.date, doc.dateSource]]));
    expect(dated.size).toBe(manifest.documents.length);
    for (const doc of manifest.documents)
      expect(dated.get(shown(doc)), doc.path).toEqual([doc.date, doc.dateSource]);
  });

  it("lists the files it could not screen with the reason, once each, and never those the walk skips", () => {
    const unreadable = main.report.unreadable.map(({ path, code }) => ({ path, code }));
    // the folder's PDF is one of them, also named on the command line (EXTRA_ARGS): listed once
    expect(manifest.broken.map((b) => b.code)).toContain("unsupported-type");
    expect(unreadable).toEqual([
      ...manifest.broken.map((b) => ({ path: shown(b), code: b.code })),
      { path: "不存在的文件夹", code: "not-found" },
    ]);
    for (const { path, reason } of main.report.unreadable) expect(reason).toContain(path);
    expect(main.report.unreadable[0]?.reason).toMatch(/^无法读取 Word 文档/);
    const paths = new Set(main.report.documents.map((doc) => doc.path));
    for (const path of manifest.ignored) expect(paths).not.toContain(`archive/${path}`);
    expect(main.report.unreadable.map((u) => u.path)).not.toContain("archive/.回收站/旧稿.md");
  });

  it("keeps each finding's context and links each document relative to the report", () => {
    const hostile = main.report.documents.find((doc) => doc.path === shown(manifest.hostile));
    expect(
      hostile?.findings.map((f) => [f.text, f.before.endsWith("onerror=alert(2)>"), f.line, f.column]),
    ).toEqual([["北韩", true, 1, HOSTILE.length + 1]]);
    for (const doc of main.report.documents) {
      expect(existsSync(resolve(dir, "out-main", decodeURIComponent(doc.href))), doc.href).toBe(true);
    }
  });
});

describe("--since and --until", () => {
  it("count only the documents dated in the period, inclusive; the rest are counted as outside", {
    timeout: 120_000,
  }, async () => {
    const run = await report(["--since", "2024-07", "--until", "2024-12-31", "archive"], "out-period");
    const inPeriod = manifest.documents.filter((doc) => doc.date >= "2024-07-01" && doc.date <= "2024-12-31");
    const want = expected(inPeriod);
    expect(inPeriod.length).toBeGreaterThan(50);
    expect(run.code).toBe(1);
    expect(run.report.period).toMatchObject({ since: "2024-07-01", until: "2024-12-31" });
    expect(run.report.totals).toEqual({
      ...want.totals,
      unreadable: manifest.broken.length, // the corrupt Word files and the PDF
      outsidePeriod: manifest.documents.length - inPeriod.length,
    });
    expect(run.report.byMonth).toEqual(want.byMonth);
    expect(byKey(run.report.byEntry)).toEqual(want.byEntry);
    expect(run.report.documents.map((doc) => doc.path).sort()).toEqual(inPeriod.map(shown).sort());
  });
});

describe("worker threads", () => {
  it("are used for large archives unless --jobs says otherwise", () => {
    expect(threadCount(100, undefined, 8)).toBe(1);
    expect(threadCount(5000, undefined, 8)).toBe(8);
    expect(threadCount(5000, undefined, 1)).toBe(1);
    expect(threadCount(5000, 1, 8)).toBe(1);
    expect(threadCount(100, 2, 8)).toBe(2);
    expect(threadCount(3, 8, 8)).toBe(3);
    expect(threadCount(0, 4, 8)).toBe(1);
  });

  it("alone give exactly the results the main thread gives, in the same order", async () => {
    const { usable } = await loadLexicons([DEFAULT_LEXICON_DIR, TEST_PACK]);
    const { screener } = compileLexicons(usable, true);
    if (screener === undefined) throw new Error("no screener");
    const files = (await resolveInputs(["archive"], dir)).sources.flatMap((s) =>
      s.kind === "file" ? [{ path: s.path, shownAs: s.shownAs }] : [],
    );
    const progress: number[] = [];
    const local = await screenArchive(files, { local: screener });
    const pool = startWorkers(2);
    const workers = await screenArchive(files, { workers: { pool, setup: workerSetup(screener) } }, (done) =>
      progress.push(done),
    ).finally(() => stopWorkers(pool));
    expect(workers).toEqual(local);
    expect(workers.filter((r) => r.status === "screened").length).toBe(manifest.documents.length);
    expect(progress[progress.length - 1]).toBe(files.length);
  }, 180_000);

  it("with the main thread give the report the main thread alone gives", async () => {
    const parallel = await report(["--jobs", "2", "archive", ...EXTRA_ARGS], "out-workers");
    expect(parallel.stderr).toContain(
      `已分析 ${manifest.documents.length} 篇文档（主线程和 1 个工作线程）：`,
    );
    expect(main.stderr).not.toContain("工作线程");
    expect(parallel.code).toBe(main.code);
    expect({ ...parallel.report, generatedAt: "" }).toEqual({ ...main.report, generatedAt: "" });
  }, 180_000);
});

describe("the HTML report", () => {
  it("escapes document text and file names", () => {
    expect(main.html).not.toMatch(/<script|<img/i);
    // the file name (its `/` dropped) and the context before the finding, escaped
    expect(main.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;script&gt;&lt;img src=x onerror=alert(2)&gt;.txt",
    );
    expect(main.html).toContain(
      "onerror=alert(2)&gt;<mark>北韩</mark>科学院代表团访问了我省。&lt;script&gt;",
    );
  });

  it("refers to nothing outside itself", () => {
    expect(main.html).not.toMatch(/<link|<iframe|<object|<embed|<base|@import|url\(/i);
    expect(main.html).not.toMatch(/<[^>]*\s(src|srcset|data|xmlns)=/i);
    expect(main.html).not.toMatch(/href="[a-z]+:/i);
    expect(main.html).toContain("Content-Security-Policy");
  });

  it("draws one bar group per month and shows the totals", () => {
    const months = [...main.html.matchAll(/<g class="month" data-month="(\d{4}-\d{2})"/g)].map((m) => m[1]);
    expect(months).toEqual(main.report.byMonth.map((m) => m.key));
    expect(main.html).toContain(`<dt>问题总数</dt><dd>${main.report.totals.total}</dd>`);
    expect(main.html).toContain("<h2>无法检查的文件</h2>");
  });
});

describe("the report command line", () => {
  const small = () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-small-"));
    writeFileSync(join(root, "2025-03-01-a.md"), "这是最好的安排。\n");
    writeFileSync(join(root, "2025-04-01-b.txt"), "据悉，明天下雨。\n");
    return root;
  };
  const testPackOnly = ["--no-default-lexicons", "--lexicon", TEST_PACK];

  it("is listed in shengao --help, and report --help is in Chinese", async () => {
    expect((await runCli(["--help"])).stdout).toMatch(
      /report \[选项\] \[路径\.\.\.\]\s+分析一批已发布或待发布的稿件/,
    );
    const help = (await runCli(["report", "--help"])).stdout;
    for (const option of [
      "--out <文件夹>",
      "--since <日期>",
      "--until <日期>",
      "--lexicon <路径>",
      "--jobs <数量>",
    ]) {
      expect(help).toContain(option);
    }
    expect(help).toContain("列在报告里并写明原因");
  });

  it.each([
    [[], "请给出要分析的文件或文件夹"],
    [["--since", "昨天", "."], "须为日期"],
    [["--since", "2025-05", "--until", "2025-04", "."], "时间范围是空的"],
    [["--jobs", "0", "."], "须为正整数"],
  ])("rejects %j with exit code 2", async (args, message) => {
    const result = await runCli(["report", ...testPackOnly, ...args], { cwd: small() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("refuses standard input (-) before writing anything", async () => {
    const root = small();
    for (const args of [["-"], [".", "-"]]) {
      const result = await runCli(["report", ...testPackOnly, ...args], { cwd: root, stdin: "北韩代表团" });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("不读标准输入（-）；检查一段文字请用 shengao check -");
      expect(existsSync(join(root, DEFAULT_REPORT_DIR))).toBe(false);
    }
  });

  it("exits 0 without error findings, and never screens a report written inside the archive", async () => {
    const root = small();
    const first = await runCli(["report", ...testPackOnly, "--out", "报告", "."], { cwd: root });
    expect(first.code).toBe(0);
    const second = await runCli(["report", ...testPackOnly, "--out", "报告", "."], { cwd: root });
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.documents.map((doc) => doc.path)).toEqual(["2025-03-01-a.md", "2025-04-01-b.txt"]);
    expect(second.stderr).toContain("已分析 2 篇文档：2 个问题（错误 0，警告 1，提示 1）");
  });

  it("finds a term a Markdown post wraps across lines, as check does, in the main thread and in workers", async () => {
    const root = small();
    writeFileSync(join(root, "2025-05-01-c.md"), "---\ntitle: 讲话\n---\n\n昨天台湾\n总统发表讲话。\n");
    for (const jobs of ["1", "2"]) {
      expect(
        (await runCli(["report", ...testPackOnly, "--jobs", jobs, "--out", "报告", "."], { cwd: root })).code,
      ).toBe(1);
      const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
      const wrapped = json.documents.find((doc) => doc.path === "2025-05-01-c.md");
      expect(wrapped?.findings.map((f) => [f.text, f.line, f.column])).toEqual([["台湾\n总统", 5, 3]]);
    }
  });

  it("shows every month of --since/--until, the empty ones at its edges included", async () => {
    const root = small();
    const args = ["--since", "2025-01", "--until", "2025-06", "--out", "报告", "."];
    expect((await runCli(["report", ...testPackOnly, ...args], { cwd: root })).code).toBe(0);
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.byMonth.map((m) => [m.key, m.documents])).toEqual([
      ["2025-01", 0],
      ["2025-02", 0],
      ["2025-03", 1],
      ["2025-04", 1],
      ["2025-05", 0],
      ["2025-06", 0],
    ]);
  });

  it("exits 2 when not one file could be read: an archive of .doc files is no archive without risks", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-doc-"));
    writeFileSync(join(root, "旧稿.doc"), "not a docx");
    writeFileSync(join(root, "坏.docx"), "not a zip");
    const result = await runCli(["report", ...testPackOnly, "--out", "报告", "."], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("2 个文件无法检查");
    expect(result.stderr).toContain("✖ 没有一个文件能读取检查");
    // the report is still written, listing why each could not be read
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.unreadable.map((u) => u.path).sort()).toEqual(["坏.docx", "旧稿.doc"]);
    // in the reader's words, with no link to a library's documentation in a report read offline
    const broken = json.unreadable.find((u) => u.path === "坏.docx")?.reason ?? "";
    expect(broken).toContain("无法读取 Word 文档：坏.docx，文件已损坏或不是 .docx 格式");
    expect(broken).not.toMatch(/https?:/);
  });

  it("records what a unit's pack's overrides did to the default entries, and the packs' warnings", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-overrides-"));
    writeFileSync(join(root, "2025-03-01-a.txt"), "国家级学会的老百姓科普活动。");
    writeFileSync(
      join(root, "typo.yaml"),
      "id: typo\nname: t\nversion: 1.0.0\noverrides:\n  - entry: editorial/no-such-entry\n    disabled: true\nentries: []\n",
    );
    const society = resolve(DEFAULT_LEXICON_DIR, "examples", "society.yaml");
    await runCli(["report", "-l", society, "-l", "typo.yaml", "--out", "报告", "2025-03-01-a.txt"], {
      cwd: root,
    });
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.adjustments.map((a) => [a.ruleId, a.disabled ?? a.severity])).toEqual([
      ["advertising/guojiaji", "info"],
      ["editorial/laobaixing", true],
    ]);
    expect(json.lexiconWarnings.map((w) => [w.file, w.code])).toEqual([["typo.yaml", "unknown-override"]]);
    const html = readFileSync(join(root, "报告", "report.html"), "utf8");
    expect(html).toContain("本次分析按词库的覆盖设置调整了 2 个条目");
    expect(html).toContain("<code>editorial/laobaixing</code>：停用");
    expect(html).toContain("词库有 1 条警告");
    // a later pack switching an entry back on (disabled: false) undoes the switch-off, and an
    // override changing nothing is no adjustment
    writeFileSync(
      join(root, "back.yaml"),
      "id: back\nname: b\nversion: 1.0.0\noverrides:\n  - entry: editorial/laobaixing\n    disabled: false\n  - entry: editorial/north-korea\n    disabled: false\nentries: []\n",
    );
    await runCli(["report", "-l", society, "-l", "back.yaml", "--out", "报告2", "2025-03-01-a.txt"], {
      cwd: root,
    });
    const back = JSON.parse(readFileSync(join(root, "报告2", "report.json"), "utf8")) as ArchiveReport;
    expect(back.adjustments.map((a) => [a.ruleId, a.disabled ?? a.severity])).toEqual([
      ["advertising/guojiaji", "info"],
    ]);
    expect(back.byEntry.map((row) => row.key)).toContain("editorial/laobaixing");
  });

  it("names documents with the same words (a repost, spacing and line endings aside), whose findings count once per copy", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-same-"));
    mkdirSync(join(root, "公众号"));
    mkdirSync(join(root, "微博"));
    writeFileSync(join(root, "公众号", "2025-03-01-科普.txt"), "北韩代表团访问了我省。\n欢迎。");
    writeFileSync(join(root, "微博", "2025-03-02-转发.txt"), "北韩代表团访问了我省。\r\n\r\n欢迎。 ");
    writeFileSync(join(root, "公众号", "2025-03-03-另一篇.txt"), "北韩代表团访问了我市。");
    const result = await runCli(["report", "--out", "报告", "."], { cwd: root });
    expect(result.stderr).toContain(
      "⚠ 1 组文档内容相同（如 公众号/2025-03-01-科普.txt 与 微博/2025-03-02-转发.txt）",
    );
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.sameContent).toEqual([
      { paths: ["公众号/2025-03-01-科普.txt", "微博/2025-03-02-转发.txt"], findings: 1 },
    ]);
    expect(json.totals.error).toBe(3);
    const html = readFileSync(join(root, "报告", "report.html"), "utf8");
    expect(html).toContain("1 组文档内容相同</strong>（转发、重复导出等，共多出 1 篇）");
    // every finding is listed by date, where report.json keeps the input order
    const section = html.slice(html.indexOf('<section id="findings">'));
    const order = ["2025-03-01-科普.txt", "2025-03-02-转发.txt", "2025-03-03-另一篇.txt"].map((name) =>
      section.indexOf(name),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(json.documents.map((d) => d.path)).toEqual([
      "公众号/2025-03-01-科普.txt",
      "公众号/2025-03-03-另一篇.txt",
      "微博/2025-03-02-转发.txt",
    ]);
  });

  it("keeps a finding's words around it on one line, without a byte order mark or a line break at their edges", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-context-"));
    writeFileSync(join(root, "2025-03-01-a.txt"), "\uFEFF北韩代表团\uFEFF访问。\n第二行");
    writeFileSync(join(root, "2025-03-02-b.txt"), "第一行\n北韩\n第三行");
    await runCli(["report", "--out", "报告", "."], { cwd: root });
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.documents.flatMap((d) => d.findings.map((f) => [f.before, f.text, f.after]))).toEqual([
      ["", "北韩", "代表团访问。 第二行"],
      ["第一行 ", "北韩", " 第三行"],
    ]);
  });

  it("an empty folder is nothing read: exit 2, said, and the report says it has no results", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-empty-"));
    mkdirSync(join(root, "空文件夹"));
    const result = await runCli(["report", ...testPackOnly, "--out", "报告", "空文件夹"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("文件夹里没有可检查的文件：空文件夹");
    expect(result.stderr).toContain("✖ 没有一个文件能读取检查");
    expect(readFileSync(join(root, "报告", "report.html"), "utf8")).toContain(
      "没有一篇文档能读取分析，本报告没有分析结果。",
    );
  });

  it("says how many documents their files' times dated, and keeps what reading said of a file", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-cautions-"));
    // 昨天台湾总统讲话 in GBK, dated by its name; a post with no date anywhere, its file's time a September day
    writeFileSync(join(root, "2025-03-01-gbk.txt"), Buffer.from("d7f2cceccca8cde5d7dccdb3bdb2bbb0", "hex"));
    writeFileSync(join(root, "无日期.txt"), "干净的稿子。");
    writeFileSync(
      join(root, "2025-04-01-网页.html"),
      "<html><head><title>t</title></head><body><p>北韩代表团</p></body></html>",
    );
    const { utimesSync } = await import("node:fs");
    const exported = new Date("2025-09-01T12:00:00Z");
    utimesSync(join(root, "无日期.txt"), exported, exported);
    const result = await runCli(
      ["report", "--out", "报告", "--since", "2025-01", "--until", "2025-06", "."],
      {
        cwd: root,
      },
    );
    expect(result.stderr).toContain(
      "⚠ 1 篇文档没有写日期，按文件修改时间归入月份（其中 1 篇因此不在时间范围内）",
    );
    expect(result.stderr).toContain("⚠ 1 篇文档读取时有提示（如 2025-03-01-gbk.txt 不是 UTF-8 编码");
    const json = JSON.parse(readFileSync(join(root, "报告", "report.json"), "utf8")) as ArchiveReport;
    expect(json.datedByMtime).toEqual([{ path: "无日期.txt", date: "2025-09-01", inPeriod: false }]);
    expect(json.readNotices.map((n) => n.path)).toEqual(["2025-03-01-gbk.txt"]);
    expect(json.totals.error).toBe(2);
    expect(json.documents.map((d) => [d.path, d.positionsIn])).toEqual([
      ["2025-03-01-gbk.txt", "file"],
      ["2025-04-01-网页.html", "extracted-text"],
    ]);
  });

  it("screens every document in the report's folder, but no report shengao wrote", async () => {
    const root = small();
    mkdirSync(join(root, "sub"));
    writeFileSync(join(root, "sub", "2025-05-01-c.txt"), "这是最好的安排。\n");
    const here = await runCli(["report", ...testPackOnly, "--out", ".", "."], { cwd: root });
    expect(here.stderr).toContain("已分析 3 篇文档");
    const again = await runCli(["report", ...testPackOnly, "--out", ".", "."], { cwd: root });
    expect(again.stderr).toContain("已分析 3 篇文档"); // the report.html just written is not one
    // neither is the report left in the archive's top folder by the runs above
    const inSub = await runCli(["report", ...testPackOnly, "--out", "sub", "."], { cwd: root });
    expect(inSub.stderr).toContain("已分析 3 篇文档");
    const named = await runCli(["report", ...testPackOnly, "--out", "sub", "sub/2025-05-01-c.txt"], {
      cwd: root,
    });
    expect(named.stderr).toContain("已分析 1 篇文档");
    expect(named.code).toBe(0);
  });

  it("lists a folder's documents it cannot read (.doc, .pdf), passes over its images, exit 0", async () => {
    const root = small();
    mkdirSync(join(root, "旧稿"));
    for (const name of ["旧稿/2019.doc", "附件.PDF", "配图.png"]) writeFileSync(join(root, name), "北韩");
    const result = await runCli(["report", ...testPackOnly, "."], { cwd: root });
    expect(result.code).toBe(0);
    const json = JSON.parse(
      readFileSync(join(root, "shengao-report", "report.json"), "utf8"),
    ) as ArchiveReport;
    expect(json.unreadable.map((u) => [u.path, u.code])).toEqual([
      ["旧稿/2019.doc", "unsupported-type"],
      ["附件.PDF", "unsupported-type"],
    ]);
    expect(json.unreadable[0]?.reason).toContain("请另存为 .docx 或 .txt");
    expect(json.totals.documents).toBe(2);
    expect(result.stderr).toContain("2 个文件无法检查，已列在报告里");
  });

  it("will not overwrite a report.html or report.json that shengao did not write, exit 2", async () => {
    for (const [name, content] of [
      ["report.html", "<p>我的稿件，据悉明天下雨。</p>\n"],
      ["report.json", '{"draft": true}\n'],
    ] as const) {
      const root = small();
      writeFileSync(join(root, name), content);
      const result = await runCli(["report", ...testPackOnly, "--out", ".", "."], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`✖ 不覆盖 ${name}：它不是 shengao 写的报告`);
      expect(readFileSync(join(root, name), "utf8")).toBe(content);
      expect(existsSync(join(root, name === "report.html" ? "report.json" : "report.html"))).toBe(false);
    }
  });

  it("refuses an --out that is a file: it names the folder the report goes in, exit 2", async () => {
    const root = small();
    writeFileSync(join(root, "报告.json"), "{}\n");
    const result = await runCli(["report", ...testPackOnly, "--out", "报告.json", "."], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "✖ --out 要写一个文件夹，报告的 report.html 和 report.json 写在里面：报告.json 是一个文件",
    );
    expect(result.stderr).not.toContain("EEXIST");
    expect(readFileSync(join(root, "报告.json"), "utf8")).toBe("{}\n");
  });

  it("still reports with the usable packs when one is broken, and exits 2", async () => {
    const root = small();
    const result = await runCli(["report", ...testPackOnly, "--lexicon", BROKEN_PACK, "."], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("已跳过这个词库");
    const json = JSON.parse(
      readFileSync(join(root, "shengao-report", "report.json"), "utf8"),
    ) as ArchiveReport;
    expect(json.lexicons.map((pack) => pack.id)).toEqual(["cli-test"]);
    expect(json.totals.total).toBe(2);
    // the report itself says it is incomplete, not only the terminal that made it
    expect(json.skippedLexicons).toHaveLength(1);
    const [skipped] = json.skippedLexicons;
    // named as the terminal names it: outside the working folder, by its whole path
    expect(skipped?.file).toBe(BROKEN_PACK.split(sep).join("/"));
    expect(skipped?.errors.length).toBeGreaterThan(0);
    expect(skipped?.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const html = readFileSync(join(root, "shengao-report", "report.html"), "utf8");
    expect(html).toContain("本报告不完整：以下词库有错误，没有使用");
    expect(html).toContain(`<code>${skipped?.errors[0]?.code}</code>`);
    expect(result.stderr).toContain("报告已注明：1 个词库因有错误没有使用");
    // a run with every pack sound says nothing of it
    const sound = await runCli(["report", ...testPackOnly, "--out", "sound", "."], { cwd: root });
    expect(sound.code).toBe(0);
    const soundJson = JSON.parse(readFileSync(join(root, "sound", "report.json"), "utf8")) as ArchiveReport;
    expect(soundJson.skippedLexicons).toEqual([]);
  });

  it("lists the documents whose own date is no date, with the date it used, and says so", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-bad-date-"));
    writeFileSync(join(root, "2025-03-01-稿件.md"), "---\ndate: 2025-02-30\n---\n据悉，明天下雨。\n");
    writeFileSync(join(root, "2025-03-02-好稿.md"), "---\ndate: 2025-03-02\n---\n明天下雨。\n");
    const result = await runCli(["report", ...testPackOnly, "."], { cwd: root });
    const json = JSON.parse(
      readFileSync(join(root, "shengao-report", "report.json"), "utf8"),
    ) as ArchiveReport;
    expect(json.invalidDates).toEqual([
      { path: "2025-03-01-稿件.md", written: "2025-02-30", date: "2025-03-01", dateSource: "file-name" },
    ]);
    expect(json.documents.find((doc) => doc.path === "2025-03-01-稿件.md")?.invalidDate).toBe("2025-02-30");
    const html = readFileSync(join(root, "shengao-report", "report.html"), "utf8");
    expect(html).toContain('<section id="invalid-dates"><h2>日期无法识别的文档</h2>');
    expect(html).toContain("文档写的日期“2025-02-30”无法识别");
    expect(result.stderr).toContain("⚠ 1 篇文档自己写的日期无法识别（如 2025-03-01-稿件.md 的“2025-02-30”）");
    // with no date in its name either, it is dated by its file's time: not "no date written"
    writeFileSync(join(root, "无名稿.md"), "---\ndate: 2025-13-01\n---\n明天下雨。\n");
    writeFileSync(join(root, "无日期.md"), "明天下雨。\n");
    const mtime = await runCli(["report", ...testPackOnly, "--out", "mtime", "."], { cwd: root });
    expect(mtime.stderr).toContain(
      "⚠ 2 篇文档没有写日期，或写的日期无法识别（后者 1 篇），按文件修改时间归入月份",
    );
    expect(readFileSync(join(root, "mtime", "report.html"), "utf8")).toContain(
      "<strong>2 篇文档没有写日期，或写的日期无法识别（后者 1 篇）</strong>",
    );
  });

  it("shows a progress bar on a terminal for more than a handful of files", async () => {
    const root = mkdtempSync(join(tmpdir(), "shengao-report-progress-"));
    for (let i = 0; i < 25; i++) writeFileSync(join(root, `稿件${i}.txt`), "据悉，明天下雨。\n");
    const onTerminal = await runCli(["report", ...testPackOnly, "."], { cwd: root, stderrIsTTY: true });
    expect(onTerminal.stderr).toContain("检查中 [");
    const piped = await runCli(["report", ...testPackOnly, "."], { cwd: root });
    expect(piped.stderr).not.toContain("检查中");
    expect(piped.stderr).toContain("已分析 25 篇文档");
  });

  it.skipIf(process.getuid?.() === 0)(
    "lists a file it may not read (chmod 000) with the reason (skipped as root: root reads anything)",
    async () => {
      const root = small();
      writeFileSync(join(root, "密.txt"), "北韩\n");
      chmodSync(join(root, "密.txt"), 0o000);
      const result = await runCli(["report", ...testPackOnly, "."], { cwd: root });
      const json = JSON.parse(
        readFileSync(join(root, "shengao-report", "report.json"), "utf8"),
      ) as ArchiveReport;
      expect(json.unreadable).toMatchObject([{ path: "密.txt", code: "permission-denied" }]);
      expect(json.unreadable[0]?.reason).toBe("没有读取权限：密.txt（permission denied）");
      expect(result.code).toBe(0);
    },
  );

  it("says so when the report cannot be written, exit 2", async () => {
    const root = small();
    writeFileSync(join(root, "occupied"), "");
    // a folder inside a file: no folder can be made there
    const result = await runCli(["report", ...testPackOnly, "--out", "occupied/报告", "."], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("无法写入报告文件");
  });
});
