import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Screener } from "@shengao/core";
import { archiveReport } from "../analysis/archive-report.js";
import {
  screenArchive,
  startWorkers,
  stopWorkers,
  threadCount,
  workerSetup,
} from "../analysis/screen-archive.js";
import { summarise, withoutDate } from "../analysis/summary.js";
import type { ArchiveSource, DocumentResult, SkippedLexicon } from "../analysis/types.js";
import { resolveInputs, shownPath } from "../input/resolve.js";
import type { RunProblem } from "../report/index.js";
import { renderReportHtml } from "../report-html/render.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { type LexiconOptions, type LexiconRun, loadScreener } from "./lexicons.js";
import { writeOutput } from "./output.js";
import { startProgress } from "./progress.js";
import { holdsOtherThanReport, isReportPage } from "./report-files.js";
import { version } from "./version.js";

export interface ReportOptions extends LexiconOptions {
  /** Folder the report is written to (report.html, report.json). */
  out: string;
  /** `YYYY-MM-DD`, inclusive. */
  since?: string;
  until?: string;
  /** Threads screening at once, the main one included (1: no workers); unset: every core, if worth it. */
  jobs?: number;
}

export const DEFAULT_REPORT_DIR = "shengao-report";

/**
 * Screens an archive and writes the analysis report. Exit codes as `check`: 1 when the period has
 * error-severity findings, 2 when an argument matched nothing, a lexicon pack is broken or the report
 * could not be written. A document that cannot be read is listed in the report and ends nothing.
 */
export async function report(args: readonly string[], options: ReportOptions, io: CliIo): Promise<ExitCode> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  // a report is of an archive's files: told before anything is written, not listed in one
  if (args.includes("-")) {
    say(
      "✖ report 只分析文件和文件夹，不读标准输入（-）；检查一段文字请用 shengao check -（report reads files, not stdin）",
    );
    return EXIT.usage;
  }
  const runProblems: RunProblem[] = [];
  const outDir = resolve(io.cwd, options.out);
  const jsonPath = join(outDir, "report.json");
  const htmlPath = join(outDir, "report.html");
  if ((await stat(outDir).catch(() => undefined))?.isDirectory() === false) {
    say(
      `✖ --out 要写一个文件夹，报告的 report.html 和 report.json 写在里面：${shownPath(outDir, io.cwd)} 是一个文件（--out names a file, not a folder）`,
    );
    return EXIT.usage;
  }
  for (const path of [jsonPath, htmlPath]) {
    if (await holdsOtherThanReport(path)) {
      say(
        `✖ 不覆盖 ${shownPath(path, io.cwd)}：它不是 shengao 写的报告，或者已经损坏（请用 --out 换一个文件夹，或确认后删去它；will not overwrite a file shengao did not write）`,
      );
      return EXIT.usage;
    }
  }
  const { sources, errors } = await resolveInputs(args, io.cwd);
  const files: ArchiveSource[] = [];
  for (const source of sources) {
    // A report written into the archive it analyses is not a document of it (the next run would
    // count each of its findings again); every other file in the report's folder is
    if (source.kind === "file" && (source.path === htmlPath || (await isReportPage(source.path)))) continue;
    if (source.kind === "file") files.push({ path: source.path, shownAs: source.shownAs });
  }

  const threads = threadCount(files.length, options.jobs, availableParallelism());
  // Started before the lexicons are compiled: each worker loads nodejieba meanwhile, on another core.
  const pool = threads > 1 ? startWorkers(threads - 1) : [];
  let results: DocumentResult[];
  let screener: Screener | undefined;
  let skippedLexicons: SkippedLexicon[];
  let lexiconRun: LexiconRun;
  try {
    const loaded = await loadScreener(options, io, runProblems);
    ({ screener, skipped: skippedLexicons } = loaded);
    lexiconRun = loaded;
    if (screener === undefined) return EXIT.usage;
    const bar = startProgress(io, files.length);
    const workers = pool.length > 0 ? { pool, setup: workerSetup(screener) } : undefined;
    results = await screenArchive(files, { local: screener, workers }, (done) => bar?.update(done));
    bar?.stop();
  } finally {
    stopWorkers(pool);
  }
  // Arguments that named nothing are listed with the documents that could not be read.
  for (const error of errors) {
    results.push({ status: "unreadable", path: error.file, code: error.code, reason: error.message });
  }

  const summary = summarise(results, {
    since: options.since,
    until: options.until,
    packs: screener.packs,
    href: (path) => documentHref(outDir, path),
  });
  const data = archiveReport(summary, screener.packs, version, new Date(), skippedLexicons, lexiconRun);
  const json = `${JSON.stringify(data, null, 2)}\n`;
  if (!(await writeOutput(json, jsonPath, io))) return EXIT.usage;
  if (!(await writeOutput(renderReportHtml(data), htmlPath, io))) return EXIT.usage;

  const { totals } = data;
  say(
    `已分析 ${totals.documents} 篇文档${threads > 1 ? `（主线程和 ${threads - 1} 个工作线程）` : ""}：${totals.total} 个问题（错误 ${totals.error}，警告 ${totals.warning}，` +
      `提示 ${totals.info}），${totals.documentsWithFindings} 篇有问题` +
      (totals.outsidePeriod > 0 ? `；${totals.outsidePeriod} 篇不在时间范围内，未计入` : "") +
      (totals.unreadable > 0 ? `；${totals.unreadable} 个文件无法检查，已列在报告里` : "") +
      "。",
  );
  say(`报告：${shownPath(htmlPath, io.cwd)}（数据：${shownPath(jsonPath, io.cwd)}）`);
  if (data.invalidDates.length > 0)
    say(
      `⚠ ${data.invalidDates.length} 篇文档自己写的日期无法识别（如 ${data.invalidDates[0]?.path} 的“${data.invalidDates[0]?.written}”），已改用文件名或修改时间，见报告“日期无法识别的文档”。`,
    );
  if (data.datedByMtime.length > 0) {
    const outside = data.datedByMtime.filter((doc) => !doc.inPeriod).length;
    say(
      `⚠ ${data.datedByMtime.length} 篇文档${withoutDate(data)}，按文件修改时间归入月份${outside > 0 ? `（其中 ${outside} 篇因此不在时间范围内）` : ""}；复制、解压会改变修改时间，见报告“按修改时间定日期的文档”。`,
    );
  }
  if (data.sameContent.length > 0)
    say(
      `⚠ ${data.sameContent.length} 组文档内容相同（如 ${data.sameContent[0]?.paths.join(" 与 ")}），每一篇的问题都计入了总数，见报告“内容相同的文档”。`,
    );
  if (data.readNotices.length > 0)
    say(
      `⚠ ${data.readNotices.length} 篇文档读取时有提示（如 ${data.readNotices[0]?.notice.replace(/^提示：/, "")}），见报告“读取提示”。`,
    );
  if (skippedLexicons.length > 0)
    say(`⚠ 报告已注明：${skippedLexicons.length} 个词库因有错误没有使用，其中的条目没有参与分析。`);
  for (const error of errors) say(`✖ ${error.message}`);

  // a folder of .doc files, an empty folder, broken files: no archive without risks, nothing was read
  if (totals.documents + totals.outsidePeriod === 0) {
    say("✖ 没有一个文件能读取检查，报告里没有分析结果（nothing could be read）。");
    return EXIT.usage;
  }
  if (errors.length > 0 || runProblems.length > 0) return EXIT.usage;
  return totals.error > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * A link from the report's folder to a document: a relative URL, so the report and the archive can
 * move together; a file:// URL when no relative path exists (another drive on Windows).
 */
export function documentHref(outDir: string, path: string): string {
  const rel = relative(outDir, path);
  if (rel === "" || /^[a-zA-Z]:/.test(rel) || rel.startsWith("\\\\")) return pathToFileURL(path).href;
  return rel.split(sep).map(encodeURIComponent).join("/");
}
