import { describe, expect, it } from "vitest";
import {
  documentDate,
  fileNameDate,
  frontMatterDate,
  htmlMetaDate,
  parseWrittenDate,
  periodBound,
} from "../src/analysis/document-date.js";

describe("dates as archives write them", () => {
  it.each([
    ["2025-03-21", "2025-03-21"],
    ["2025/3/1", "2025-03-01"],
    ["2025.03.21", "2025-03-21"],
    ["2025年3月21日", "2025-03-21"],
    ["2025 年 3 月 21 日", "2025-03-21"],
    ["2025-03-21T23:30:00-05:00", "2025-03-21"],
    ["2025-02-29", undefined],
    ["2024-02-29", "2024-02-29"],
    ["2025-13-01", undefined],
    ["12025-03-21", undefined],
    ["版本 3.2.1", undefined],
  ])("%s → %s", (written, date) => {
    expect(parseWrittenDate(written)).toBe(date);
  });

  it.each([
    ["drafts/2025-03-21-春季论坛.md", "2025-03-21"],
    ["2025_03_21 报道.docx", "2025-03-21"],
    ["20250321-报道.txt", "2025-03-21"],
    ["2025年3月21日学会动态.html", "2025-03-21"],
    ["2024-01-01/未注明日期.md", undefined],
    ["编号202503211234.txt", undefined],
    ["文章12.md", undefined],
  ])("the file name %s → %s (never its folders, never inside a longer number)", (path, date) => {
    expect(fileNameDate(path)).toBe(date);
  });

  it.each([
    ["---\ntitle: 春季论坛\ndate: 2025-03-21\n---\n正文", "2025-03-21"],
    ['---\r\ndate: "2025-03-21 09:30"\r\n---\r\n', "2025-03-21"],
    ["\uFEFF---\ndate: 2025年3月21日 # 发布日\n...\n", "2025-03-21"],
    ["---\nupdated: 2025-04-01\n---\n", undefined],
    // the names other tools give the date, in any case; an update's date is none of them
    ["---\nDate: 2025-03-21\n---\n", "2025-03-21"],
    ["---\nlastmod: 2025-04-01\npublishDate: 2025-03-21\n---\n", "2025-03-21"],
    ["---\n发布日期：2025年3月21日\n---\n", "2025-03-21"],
    ["正文\n---\ndate: 2025-03-21\n---\n", undefined],
  ])("front matter %j → %s", (markdown, date) => {
    expect(frontMatterDate(markdown)).toBe(date);
  });

  it.each([
    ['<meta name="date" content="2025-03-21">', "2025-03-21"],
    ["<META NAME='pubdate' CONTENT='2025/3/21'>", "2025-03-21"],
    ['<meta content="2025-03-21T09:30:00+08:00" property="article:published_time"/>', "2025-03-21"],
    ['<meta itemprop="datePublished" content="2025-03-21">', "2025-03-21"],
    [
      '<meta name="description" content="2025-03-21 的报道"><meta name="date" content="2025-04-01">',
      "2025-04-01",
    ],
    ['<meta name="date" content="不详">', undefined],
    ['<!-- <meta name="date" content="2019-01-01"> --><meta name="date" content="2025-03-21">', "2025-03-21"],
    ['<script>s = \'<meta name="date" content="2019-01-01">\';</script>', undefined],
  ])("meta tag %s → %s", (html, date) => {
    expect(htmlMetaDate(html)).toBe(date);
  });
});

describe("which date wins", () => {
  const modified = async () => new Date(2023, 5, 15, 12);
  const md = "---\ndate: 2025-03-21\n---\n";
  const html = '<meta name="date" content="2025-03-22">';

  it.each([
    ["2024-01-01-a.md", "markdown", md, "2025-03-21", "front-matter"],
    ["2024-01-01-a.html", "html", html, "2025-03-22", "meta"],
    // a WeChat article saved from the browser shows its time in the page, and has no meta tag for it
    [
      "a.html",
      "html",
      '<em id="publish_time" class="rich_media_meta">2025-06-15 10:00</em>',
      "2025-06-15",
      "page",
    ],
    ["a.html", "html", `${html}<em id="publish_time">2025-06-15</em>`, "2025-03-22", "meta"],
    ["a.html", "html", '<!-- <em id="publish_time">2025-06-15</em> -->', "2023-06-15", "mtime"],
    ["2024-01-01-a.md", "markdown", "# 无前置元数据", "2024-01-01", "file-name"],
    ["2024-01-01-a.txt", "other", md, "2024-01-01", "file-name"],
    ["a.md", "markdown", "", "2023-06-15", "mtime"],
  ] as const)("%s (%s) → %s from %s", async (path, format, source, date, from) => {
    expect(await documentDate(path, format, source, modified)).toEqual({ date, source: from });
  });

  it("a date the document gives that is no date is kept beside the date used instead", async () => {
    expect(
      await documentDate("2024-01-01-a.md", "markdown", "---\ndate: 2025-02-30\n---\n", modified),
    ).toEqual({
      date: "2024-01-01",
      source: "file-name",
      invalid: "2025-02-30",
    });
    expect(await documentDate("a.html", "html", '<meta name="date" content="三月">', modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
      invalid: "三月",
    });
    // so is a file name's date that is no day; a run of digits is no date written (an id)
    expect(await documentDate("2025-02-29-稿件.txt", "other", "正文", modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
      invalid: "2025-02-29",
    });
    expect(await documentDate("20251399-稿件.txt", "other", "正文", modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
    });
    // compact, with a year and a month and a day the month has not: a date that is no day
    expect(await documentDate("稿件-20240230.txt", "other", "正文", modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
      invalid: "20240230",
    });
    // English dates are dates; an empty date, or YAML's null, is no date written at all
    expect(
      await documentDate(
        "a.html",
        "html",
        '<meta name="date" content="Fri, 21 Mar 2025 23:30:00 -0800">',
        modified,
      ),
    ).toEqual({ date: "2025-03-21", source: "meta" });
    expect(
      await documentDate("a.html", "html", '<meta name="pubdate" content="March 21, 2025">', modified),
    ).toEqual({
      date: "2025-03-21",
      source: "meta",
    });
    // published: true is a flag, not a date: the date: below it is read, and alone it is no date
    expect(
      await documentDate(
        "a.md",
        "markdown",
        "---\ntitle: 测试\npublished: true\ndate: 2025-03-05\n---\n北韩",
        modified,
      ),
    ).toEqual({ date: "2025-03-05", source: "front-matter" });
    expect(await documentDate("a.md", "markdown", "---\npublished: false\n---\n", modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
    });
    for (const md of ["---\ndate: ~\n---\n", "---\ndate: null\n---\n", "---\ndate:\n---\n"])
      expect(await documentDate("a.md", "markdown", md, modified)).toEqual({
        date: "2023-06-15",
        source: "mtime",
      });
    expect(await documentDate("a.html", "html", '<meta name="date" content="">', modified)).toEqual({
      date: "2023-06-15",
      source: "mtime",
    });
    // a later tag that is a date is the date
    const two =
      '<meta name="date" content="三月"><meta property="article:published_time" content="2025-03-22">';
    expect(await documentDate("a.html", "html", two, modified)).toEqual({
      date: "2025-03-22",
      source: "meta",
    });
  });

  it("stats the file only when nothing written says the date", async () => {
    let stats = 0;
    const counted = async () => {
      stats += 1;
      return new Date();
    };
    await documentDate("2024-01-01-a.md", "markdown", md, counted);
    await documentDate("2024-01-01-a.md", "markdown", "", counted);
    expect(stats).toBe(0);
  });
});

describe("--since and --until", () => {
  it.each([
    ["2025-03-21", "start", "2025-03-21"],
    ["2025/3/21", "end", "2025-03-21"],
    ["2025-03", "start", "2025-03-01"],
    ["2025-02", "end", "2025-02-28"],
    ["2024-02", "end", "2024-02-29"],
    ["2025年3月", "end", "2025-03-31"],
    ["2025", "start", "2025-01-01"],
    ["2025", "end", "2025-12-31"],
    ["2025-3-21x", "start", undefined],
    ["昨天", "start", undefined],
    ["2025-13", "start", undefined],
  ] as const)("%s as the %s of the period → %s", (value, end, date) => {
    expect(periodBound(value, end)).toBe(date);
  });
});
