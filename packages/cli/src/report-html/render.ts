import type { Severity } from "@shengao/core";
import type { ArchiveReport } from "../analysis/archive-report.js";
import {
  compare,
  type DocumentSummary,
  inPeriod,
  type SeverityTally,
  type Tally,
  withoutDate,
} from "../analysis/summary.js";
import type { DateSource, FindingRecord } from "../analysis/types.js";
import { SEVERITY_LABEL } from "../report/types.js";
import { monthChart } from "./chart.js";
import { escapeHtml as e } from "./escape.js";
import { STYLES } from "./styles.js";

/** Where a date came from, after 来自: a space before a Latin word (来自 meta 标签), as Chinese typesetting has it. */
function dateSource(source: DateSource): string {
  const label = DATE_SOURCE_LABEL[source];
  return /^[A-Za-z]/.test(label) ? ` ${label}` : label;
}

const DATE_SOURCE_LABEL: Record<DateSource, string> = {
  "front-matter": "文章开头的 date 字段",
  meta: "meta 标签",
  page: "网页上显示的发表时间",
  "file-name": "文件名",
  mtime: "文件修改时间",
};

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The analysis report as one self-contained HTML page: inline CSS and SVG, no script, no font, no
 * image to fetch, and a Content-Security-Policy that forbids loading anything should one slip in.
 */
export function renderReportHtml(report: ArchiveReport): string {
  const anchors = new Map(report.documents.map((doc, i) => [doc.path, `doc-${i + 1}`]));
  const title = `审稿 shengao 分析报告（${periodText(report)}）`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="shengao ${e(report.generator.version)}">
<title>${e(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header>
<h1>意识形态风险分析报告</h1>
<p class="meta">时间范围：${e(periodText(report))} · 生成时间：${e(generatedText(report.generatedAt))} · 词库：${report.lexicons
    .map((pack) => `${e(pack.name)}（${e(pack.id)} ${e(pack.version)}，${pack.entries} 条）`)
    .join("、")}</p>
${lexiconRunSection(report)}
${skippedSection(report)}
${cautionsSection(report)}
</header>
<nav>${[
    ["totals", "总览"],
    ["trend", "按月趋势"],
    ["by-severity", "按级别"],
    ["by-category", "按类别"],
    ["by-pack", "按词库"],
    ["by-entry", "按条目"],
    ["top-documents", "错误最多的文档"],
    ["findings", "全部问题"],
    ["unreadable", "无法检查的文件"],
    ...(report.invalidDates.length > 0 ? [["invalid-dates", "日期无法识别的文档"]] : []),
    ...(report.datedByMtime.length > 0 ? [["dated-by-mtime", "按修改时间定日期的文档"]] : []),
    ...(report.readNotices.length > 0 ? [["read-notices", "读取提示"]] : []),
    ...(report.sameContent.length > 0 ? [["same-content", "内容相同的文档"]] : []),
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join("")}</nav>
${totalsSection(report)}
<section id="trend"><h2>按月趋势</h2>
${monthChart(report.byMonth)}
${table(
  ["月份", "文档", "问题", "错误", "警告", "提示"],
  report.byMonth.map((m) => [e(m.key), num(m.documents), ...counts(m)]),
)}
</section>
<section id="by-severity"><h2>按级别</h2>
${table(
  ["级别", "问题"],
  SEVERITIES.map((severity) => [severityBadge(severity), num(report.totals[severity])]),
)}
</section>
<section id="by-category"><h2>按类别</h2>
${tallyTable("类别", report.byCategory, (row) => e(row.key))}
</section>
<section id="by-pack"><h2>按词库</h2>
${tallyTable("词库", report.byPack, (row) => `${e(row.name)} <code>${e(row.key)}</code>`)}
</section>
<section id="by-entry"><h2>按条目</h2>
${table(
  ["条目", "类别", "说明", "问题", "错误", "警告", "提示"],
  report.byEntry.map((row) => [
    `<code>${e(row.key)}</code>`,
    e(row.category),
    e(row.message),
    ...counts(row),
  ]),
)}
</section>
<section id="top-documents"><h2>错误最多的文档</h2>
${table(
  ["文档", "日期", "问题", "错误", "警告", "提示"],
  report.topDocuments.map((doc) => [
    `<a href="#${anchors.get(doc.path) ?? ""}">${e(doc.path)}</a> · <a href="${e(doc.href)}">打开原文</a>`,
    e(doc.date),
    ...counts(doc),
  ]),
  "没有含错误级问题的文档。",
)}
</section>
<section id="findings"><h2>全部问题</h2>
<p class="muted">按日期排列。</p>
${findingsSection(report.documents, anchors)}
</section>
<section id="unreadable"><h2>无法检查的文件</h2>
${table(
  ["文件", "日期", "原因"],
  report.unreadable.map((doc) => [
    `<span class="path">${e(doc.path)}</span>`,
    unreadableDate(report, doc),
    e(doc.reason),
  ]),
  "所有文件都已检查。",
)}
</section>
${invalidDatesSection(report)}
${datedByMtimeSection(report)}
${readNoticesSection(report)}
${sameContentSection(report)}
<footer>由 shengao ${e(report.generator.version)} 在本机生成；报告不引用任何外部资源，所检查的文字没有离开这台计算机。</footer>
</body>
</html>
`;
}

/**
 * The lexicon files the run left out, where the reader starts: a report that screened without a
 * pack may miss what that pack would have found, and a manager must not read it as complete.
 */
function skippedSection(report: ArchiveReport): string {
  if (report.skippedLexicons.length === 0) return "";
  const files = report.skippedLexicons
    .map(
      (pack) =>
        `<li><span class="path">${e(pack.file)}</span>${pack.errors
          .map(
            (error) =>
              `<br>第 ${error.line} 行第 ${error.column} 列：${e(error.message)} <code>${e(error.code)}</code>`,
          )
          .join("")}</li>`,
    )
    .join("");
  return `<div class="alert" role="alert"><strong>本报告不完整：以下词库有错误，没有使用，其中的条目没有参与分析。</strong>改正后请重新生成报告。<ul>${files}</ul></div>`;
}

/**
 * How the packs screened otherwise than as written: entries another pack switched off or re-levelled
 * (a unit's own pack), and the packs' warnings. A later report's counts compare only with this.
 */
function lexiconRunSection(report: ArchiveReport): string {
  const parts: string[] = [];
  if (report.adjustments.length > 0) {
    const items = report.adjustments.map(
      (a) =>
        `<li><code>${e(a.ruleId)}</code>：${
          a.disabled ? "停用" : `级别改为“${e(SEVERITY_LABEL[a.severity as Severity])}”`
        }（由 <span class="path">${e(a.by)}</span>）</li>`,
    );
    parts.push(
      `<p>本次分析按词库的覆盖设置调整了 ${report.adjustments.length} 个条目：</p><ul>${items.join("")}</ul>`,
    );
  }
  if (report.lexiconWarnings.length > 0) {
    const items = report.lexiconWarnings.map(
      (w) =>
        `<li><span class="path">${e(w.file)}</span> 第 ${w.line} 行第 ${w.column} 列：${e(w.message)} <code>${e(w.code)}</code></li>`,
    );
    parts.push(
      `<p>词库有 ${report.lexiconWarnings.length} 条警告（分析照常进行，但词库可能没有按作者本意起作用）：</p><ul>${items.join("")}</ul>`,
    );
  }
  return parts.length === 0 ? "" : `<div class="lexicon-run">${parts.join("")}</div>`;
}

/**
 * What makes the numbers below less than they seem, said where the reader starts: nothing could be
 * read; documents placed in months by their files' times; files whose text may not be what was
 * written. Each links to its list.
 */
function cautionsSection(report: ArchiveReport): string {
  const items: string[] = [];
  const { totals } = report;
  if (totals.documents + totals.outsidePeriod === 0)
    items.push(
      `<strong>没有一篇文档能读取分析，本报告没有分析结果。</strong>原因见<a href="#unreadable">无法检查的文件</a>。`,
    );
  const byMtime = report.datedByMtime.length;
  if (byMtime > 0) {
    const outside = report.datedByMtime.filter((doc) => !doc.inPeriod).length;
    items.push(
      `<strong>${byMtime} 篇文档${withoutDate(report)}</strong>（文章开头的 date 字段、meta 标签、网页上显示的发表时间、文件名里都没有可用的日期），按文件修改时间归入了月份${
        outside > 0 ? `，其中 ${outside} 篇因此不在时间范围内、未计入` : ""
      }。复制、解压存档会把修改时间改成当天，这些文档的月份可能不对：见<a href="#dated-by-mtime">按修改时间定日期的文档</a>。`,
    );
  }
  if (report.readNotices.length > 0)
    items.push(
      `<strong>${report.readNotices.length} 篇文档读取时有提示</strong>（如不是 UTF-8、按 GB18030 或 Big5 读取，或个别字节有误），检查的文字可能与原文不同：见<a href="#read-notices">读取提示</a>。`,
    );
  if (report.sameContent.length > 0) {
    const copies = report.sameContent.reduce((n, group) => n + group.paths.length - 1, 0);
    items.push(
      `<strong>${report.sameContent.length} 组文档内容相同</strong>（转发、重复导出等，共多出 ${copies} 篇），每一篇的问题都计入了总数：见<a href="#same-content">内容相同的文档</a>。`,
    );
  }
  if (items.length === 0) return "";
  return `<div class="alert caution" role="note"><ul>${items.map((item) => `<li>${item}</li>`).join("")}</ul></div>`;
}

function datedByMtimeSection(report: ArchiveReport): string {
  if (report.datedByMtime.length === 0) return "";
  return `<section id="dated-by-mtime"><h2>按修改时间定日期的文档</h2>
<p>这些文档里没有日期（Markdown 文章开头的 date 字段、HTML 的 meta 标签和网页上显示的发表时间、文件名里的 2025-03-21 或 20250321 都没有），报告采用了文件的修改时间。请在文档或文件名里写上发布日期后重新生成报告。</p>
${table(
  ["文档", "采用的日期", "时间范围内"],
  report.datedByMtime.map((doc) => [
    `<span class="path">${e(doc.path)}</span>`,
    e(doc.date),
    doc.inPeriod ? "是" : "否（未计入）",
  ]),
)}
</section>`;
}

function sameContentSection(report: ArchiveReport): string {
  if (report.sameContent.length === 0) return "";
  return `<section id="same-content"><h2>内容相同的文档</h2>
<p>每组文档的文字相同（空白不计），多半是同一篇稿件的转发或重复导出。它们的问题每一篇都计入了总数；比较各时期的数字时请留意。</p>
${table(
  ["文档", "每篇的问题"],
  report.sameContent.map((group) => [
    group.paths.map((path) => `<span class="path">${e(path)}</span>`).join("<br>"),
    num(group.findings),
  ]),
)}
</section>`;
}

function readNoticesSection(report: ArchiveReport): string {
  if (report.readNotices.length === 0) return "";
  return `<section id="read-notices"><h2>读取提示</h2>
${table(
  ["文档", "提示"],
  report.readNotices.map((doc) => [`<span class="path">${e(doc.path)}</span>`, e(doc.notice)]),
)}
</section>`;
}

/**
 * The date a file nobody could read was given (its name's, its file's time): listed whatever its
 * date, one outside the period is marked so, that a half-year's report does not seem to have lost it.
 */
function unreadableDate(report: ArchiveReport, doc: ArchiveReport["unreadable"][number]): string {
  if (doc.date === undefined) return "—";
  const outside = !inPeriod(doc.date, report.period.since, report.period.until);
  return `${e(doc.date)}${outside ? "（不在时间范围内）" : ""}`;
}

/** Documents whose own date is no date: filed by another date, which may be the wrong month. */
function invalidDatesSection(report: ArchiveReport): string {
  if (report.invalidDates.length === 0) return "";
  return `<section id="invalid-dates"><h2>日期无法识别的文档</h2>
<p>这些文档自己写的日期无法识别（不是有效的年月日，如 2025-02-30），报告改用了文件名或修改时间的日期，可能计入了错误的月份；请把文档里的日期改成 2025-03-21 这样的写法后重新生成报告。</p>
${table(
  ["文档", "文档写的日期", "报告采用的日期"],
  report.invalidDates.map((doc) => [
    `<span class="path">${e(doc.path)}</span>`,
    e(doc.written),
    `${e(doc.date)}（来自${dateSource(doc.dateSource)}）`,
  ]),
)}
</section>`;
}

function totalsSection(report: ArchiveReport): string {
  const { totals } = report;
  const cards: [string, number][] = [
    ["已检查的文档", totals.documents],
    ["有问题的文档", totals.documentsWithFindings],
    ["问题总数", totals.total],
    ["错误", totals.error],
    ["警告", totals.warning],
    ["提示", totals.info],
    ["无法检查的文件", totals.unreadable],
  ];
  if (totals.outsidePeriod > 0) cards.push(["不在时间范围内（未计入）", totals.outsidePeriod]);
  return `<section id="totals"><h2>总览</h2><dl class="cards">${cards
    .map(([label, value]) => `<div><dt>${label}</dt><dd>${value}</dd></div>`)
    .join("")}</dl></section>`;
}

function findingsSection(documents: readonly DocumentSummary[], anchors: Map<string, string>): string {
  // by date, as the period is read (report.json keeps input order); the same day by path
  const withFindings = documents
    .filter((doc) => doc.total > 0)
    .sort((a, b) => compare(a.date, b.date) || compare(a.path, b.path));
  if (withFindings.length === 0) return `<p class="empty">时间范围内的文档没有发现问题。</p>`;
  return withFindings
    .map(
      (doc) =>
        `<article id="${anchors.get(doc.path) ?? ""}"><h3><a href="${e(doc.href)}">${e(doc.path)}</a></h3>` +
        `<p class="muted">日期 ${e(doc.date)}（来自${dateSource(doc.dateSource)}${doc.invalidDate === undefined ? "" : `；文档写的日期“${e(doc.invalidDate)}”无法识别`}）· 错误 ${doc.error}，警告 ${doc.warning}，提示 ${doc.info}${
          doc.positionsIn === "extracted-text" ? " · 行号、列号按提取出的文字计算，不是文件本身的行列" : ""
        }</p>` +
        `<ol class="findings">${doc.findings.map(findingItem).join("")}</ol></article>`,
    )
    .join("\n");
}

function findingItem(finding: FindingRecord): string {
  const suggestions =
    finding.suggestions.length > 0 ? ` 建议：${finding.suggestions.map((s) => `“${e(s)}”`).join("、")}` : "";
  return (
    `<li>${severityBadge(finding.severity)} ${e(finding.message)} <code>${e(finding.ruleId)}</code>` +
    ` <span class="muted">第 ${finding.line} 行第 ${finding.column} 列</span>${suggestions}` +
    `<span class="context">${e(finding.before)}<mark>${e(finding.text)}</mark>${e(finding.after)}</span></li>`
  );
}

function tallyTable<T extends Tally>(label: string, rows: readonly T[], name: (row: T) => string): string {
  return table(
    [label, "问题", "错误", "警告", "提示"],
    rows.map((row) => [name(row), ...counts(row)]),
  );
}

/** Cells are HTML already (escaped by the caller); numeric columns are right-aligned. */
function table(headers: readonly string[], rows: readonly string[][], empty = "没有发现问题。"): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  const numeric = (i: number) => i > 0 && rows.every((row) => /^<span class="n">/.test(row[i] ?? ""));
  const head = headers.map((h, i) => `<th${numeric(i) ? ' class="n"' : ""}>${h}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${numeric(i) ? ' class="n"' : ""}>${cell}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function num(value: number): string {
  return `<span class="n">${value}</span>`;
}

function counts(tally: SeverityTally): string[] {
  return [num(tally.total), num(tally.error), num(tally.warning), num(tally.info)];
}

function severityBadge(severity: Severity): string {
  return `<span class="sev ${severity}">${SEVERITY_LABEL[severity]}</span>`;
}

function periodText(report: ArchiveReport): string {
  const { since, until, firstDate, lastDate } = report.period;
  const from = since ?? firstDate;
  const to = until ?? lastDate;
  if (from === undefined && to === undefined) return "全部";
  return `${from ?? "最早"} 至 ${to ?? "最近"}`;
}

/** In the clock of the machine that made the report (Beijing time on a society's PC), with its offset. */
function generatedText(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -at.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? "−" : "+"}${Math.floor(Math.abs(offset) / 60)}${offset % 60 === 0 ? "" : `:${pad(offset % 60)}`}`;
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${day} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}（${zone}）`;
}
