import { describe, expect, it } from "vitest";
import type { ArchiveReport } from "../src/analysis/archive-report.js";
import type { FindingRecord } from "../src/analysis/types.js";
import { documentHref } from "../src/cli/report.js";
import { monthChart, niceMax } from "../src/report-html/chart.js";
import { escapeHtml } from "../src/report-html/escape.js";
import { renderReportHtml } from "../src/report-html/render.js";

/** Markup a hostile document, file name or lexicon could try to slip into the report. */
const EVIL = `<x-evil onload="steal()">'&"`;
const ESCAPED = "&lt;x-evil onload=&quot;steal()&quot;&gt;&#39;&amp;&quot;";

function hostileReport(): ArchiveReport {
  const finding: FindingRecord = {
    ruleId: `pack/${EVIL}`,
    lexiconId: "pack",
    entryId: EVIL,
    category: EVIL,
    severity: "error",
    message: EVIL,
    line: 1,
    column: 1,
    text: EVIL,
    before: EVIL,
    after: EVIL,
    suggestions: [EVIL],
  };
  const tally = { total: 1, error: 1, warning: 0, info: 0 };
  const doc = { path: `${EVIL}.md`, href: `${EVIL}.md`, date: "2025-03-21", ...tally };
  return {
    generator: { name: "shengao", version: EVIL },
    generatedAt: "2025-03-21T08:00:00.000Z",
    lexicons: [{ id: "pack", name: EVIL, version: EVIL, entries: 1 }],
    skippedLexicons: [{ file: `${EVIL}.yaml`, errors: [{ line: 3, column: 5, code: EVIL, message: EVIL }] }],
    period: { since: EVIL, firstDate: "2025-03-21", lastDate: "2025-03-21" },
    totals: { documents: 1, documentsWithFindings: 1, unreadable: 1, outsidePeriod: 0, ...tally },
    byCategory: [{ key: EVIL, ...tally }],
    byPack: [{ key: "pack", name: EVIL, ...tally }],
    byEntry: [
      { key: `pack/${EVIL}`, lexiconId: "pack", entryId: EVIL, category: EVIL, message: EVIL, ...tally },
    ],
    byMonth: [{ key: "2025-03", documents: 1, ...tally }],
    topDocuments: [doc],
    documents: [{ ...doc, dateSource: "front-matter", positionsIn: "extracted-text", findings: [finding] }],
    unreadable: [{ path: EVIL, code: "corrupt-docx", reason: EVIL }],
    invalidDates: [{ path: EVIL, written: EVIL, date: "2025-03-21", dateSource: "file-name" }],
    datedByMtime: [],
    readNotices: [{ path: EVIL, notice: EVIL }],
    adjustments: [],
    lexiconWarnings: [],
    sameContent: [{ paths: [EVIL, `${EVIL}2`], findings: 1 }],
  };
}

describe("the HTML report's escaping", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(EVIL)).toBe(ESCAPED);
    expect(escapeHtml(12)).toBe("12");
  });

  it("shows every string from documents, files and lexicons as text, never as markup", () => {
    const html = renderReportHtml(hostileReport());
    expect(html).not.toContain("<x-evil");
    expect(html).not.toContain('"steal()"');
    // path, message, category, pack name, entry, context, suggestion, reason, version, period: all there, escaped
    expect(html.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(15);
    expect(html).toContain(`<a href="${ESCAPED}.md">${ESCAPED}.md</a>`);
    expect(html).toContain(`<span class="context">${ESCAPED}<mark>${ESCAPED}</mark>${ESCAPED}</span>`);
    expect(html).toContain(`<span class="path">${ESCAPED}.yaml</span><br>第 3 行第 5 列：${ESCAPED}`);
    // an HTML or Word document's lines and columns are the extracted text's, and it says so
    expect(html).toContain("行号、列号按提取出的文字计算，不是文件本身的行列");
  });
});

describe("lexicons left out", () => {
  it("are named at the top with their errors, and a report without any says nothing of them", () => {
    const html = renderReportHtml(hostileReport());
    const alert = html.indexOf('<div class="alert" role="alert">');
    expect(alert).toBeGreaterThan(0);
    expect(alert).toBeLessThan(html.indexOf("</header>"));
    expect(html).toContain("本报告不完整：以下词库有错误，没有使用");
    expect(renderReportHtml({ ...hostileReport(), skippedLexicons: [] })).not.toContain('class="alert"');
  });
});

describe("cautions at the top", () => {
  it("say when nothing could be read, how many documents their files' times dated, and which reading noticed something", () => {
    const report = hostileReport();
    const none = renderReportHtml({
      ...report,
      totals: { ...report.totals, documents: 0, documentsWithFindings: 0, outsidePeriod: 0 },
      datedByMtime: [
        { path: "a.txt", date: "2025-09-01", inPeriod: false },
        { path: "b.txt", date: "2025-03-01", inPeriod: true },
      ],
    });
    const header = none.slice(0, none.indexOf("</header>"));
    expect(header).toContain("没有一篇文档能读取分析，本报告没有分析结果。");
    expect(header).toContain("2 篇文档没有写日期</strong>");
    expect(header).toContain("其中 1 篇因此不在时间范围内、未计入");
    expect(header).toContain("1 篇文档读取时有提示</strong>");
    expect(none).toContain('<section id="dated-by-mtime">');
    expect(none).toContain('<section id="read-notices">');
    expect(none).toContain('<section id="same-content">');
    // a file nobody could read is listed whatever its date, one outside the period marked so
    const halfYear = renderReportHtml({
      ...report,
      period: { since: "2025-01-01", until: "2025-06-30" },
      unreadable: [
        {
          path: "旧稿.doc",
          code: "unsupported-type",
          reason: "r",
          date: "2024-05-20",
          dateSource: "file-name",
        },
        {
          path: "新稿.doc",
          code: "unsupported-type",
          reason: "r",
          date: "2025-05-20",
          dateSource: "file-name",
        },
      ],
    });
    expect(halfYear).toContain("<td>2024-05-20（不在时间范围内）</td>");
    expect(halfYear).toContain("<td>2025-05-20</td>");
    const plain = renderReportHtml({ ...report, datedByMtime: [], readNotices: [], sameContent: [] });
    expect(plain).not.toContain("alert caution");
    expect(plain).not.toContain('id="dated-by-mtime"');
  });
});

describe("a document's date source", () => {
  it("is set off by a space when it begins with a Latin word (来自 meta 标签), not otherwise", () => {
    const report = hostileReport();
    const html = (dateSource: "meta" | "file-name") =>
      renderReportHtml({ ...report, documents: report.documents.map((d) => ({ ...d, dateSource })) });
    expect(html("meta")).toContain("（来自 meta 标签");
    expect(html("meta")).not.toContain("（来自meta");
    expect(html("file-name")).toMatch(/（来自文件名/);
  });
});

describe("the generation time", () => {
  it("is shown in the clock of the machine that made the report, with its offset, not in UTC", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = "Asia/Shanghai";
      expect(renderReportHtml(hostileReport())).toContain("生成时间：2025-03-21 16:00:00（UTC+8）");
      process.env.TZ = "Asia/Kolkata";
      expect(renderReportHtml(hostileReport())).toContain("生成时间：2025-03-21 13:30:00（UTC+5:30）");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("links to documents", () => {
  it("are relative to the report's folder, each path segment URL-encoded", () => {
    expect(documentHref("/a/out", "/a/archive/公众号/2025 春#1?.md")).toBe(
      "../archive/%E5%85%AC%E4%BC%97%E5%8F%B7/2025%20%E6%98%A5%231%3F.md",
    );
    expect(documentHref("/a/out", "/a/out/x.md")).toBe("x.md");
  });
});

describe("the month chart", () => {
  const month = (key: string, error: number, warning: number, info: number) => ({
    key,
    documents: 1,
    total: error + warning + info,
    error,
    warning,
    info,
  });

  it("has one group per month; an empty month has no bar, a full one a segment per severity", () => {
    const svg = monthChart([month("2025-01", 2, 1, 0), month("2025-02", 0, 0, 0), month("2025-03", 1, 1, 1)]);
    const groups = svg.split('<g class="month"').slice(1);
    expect(groups.map((g) => /data-month="([^"]+)"/.exec(g)?.[1])).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(groups.map((g) => (g.match(/<rect /g) ?? []).length)).toEqual([2, 0, 3]);
    expect(groups[0]).toContain("<title>2025-01：文档 1 篇，问题 3 个（错误 2，警告 1，提示 0）</title>");
  });

  it("stacks bars to scale: the tallest month reaches its share of the axis", () => {
    const svg = monthChart([month("2025-01", 4, 0, 0), month("2025-02", 2, 0, 0)]);
    const heights = [...svg.matchAll(/<rect class="error"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeCloseTo((heights[1] ?? 0) * 2, 0);
  });

  it("says so when there is nothing to draw", () => {
    expect(monthChart([])).toContain("没有可画的月份");
  });

  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [20, 20],
    [21, 50],
    [120, 200],
  ])("rounds the axis up from %i to %i", (value, max) => {
    expect(niceMax(value)).toBe(max);
  });
});
