import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Finding } from "@shengao/core";
import picomatch from "picomatch";
import { isDynamicPattern } from "tinyglobby";
import { InputError } from "../input/errors.js";
import { inputKindOf } from "../input/formats.js";
import type { JoinedMarkdown } from "../input/markdown.js";
import { readInput, readStdin } from "../input/read.js";
import { type InputSource, isSkippedFolder, resolveInputs, shownPath } from "../input/resolve.js";
import { screenInput } from "../input/screen.js";
import { type FileReport, type FormatName, formatters, type RunProblem, sumCounts } from "../report/index.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { type CliIo, useColor } from "./io.js";
import { type LexiconOptions, loadScreener } from "./lexicons.js";
import { overwrittenBy, writeOutput } from "./output.js";
import { startProgress } from "./progress.js";
import { isReportPage } from "./report-files.js";

export interface CheckOptions extends LexiconOptions {
  format: FormatName;
  quiet: boolean;
  maxWarnings?: number;
  output?: string;
}

export async function check(args: readonly string[], options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const runProblems: RunProblem[] = [];
  const say = (line: string) => io.stderr.write(`${line}\n`);

  const { screener, files: lexiconFiles } = await loadScreener(options, io, runProblems);
  if (screener === undefined) return EXIT.usage;

  const { sources, errors: argErrors, errorsBefore } = await resolveInputs(args, io.cwd);
  if (options.output !== undefined) {
    // a draft or a lexicon file is never written over
    const drafts = sources.flatMap((s) => (s.kind === "file" ? [s] : []));
    const read = [...drafts.map((s) => s.path), ...lexiconFiles];
    const hit = await overwrittenBy(options.output, read, io.cwd);
    const draft = drafts.find((s) => s.path === hit);
    if (draft !== undefined) {
      say(
        `✖ 不把报告写到被检查的文件上：${draft.shownAs}（上次写进被检查文件夹的报告也算；请把 -o 写到别处；-o names a file being checked）`,
      );
      return EXIT.usage;
    }
    if (hit !== undefined) {
      say(`✖ 不把报告写到词库文件上：${shownPath(hit, io.cwd)}（请把 -o 写到别处；-o names a lexicon file）`);
      return EXIT.usage;
    }
    // a report of a type check reads, put in a folder it checks, is a draft to the next run
    const reading = await argumentReading(options.output, args, io.cwd);
    if (reading !== undefined) {
      say(
        `✖ 不把报告写进被检查的文件夹：${reading}（下次检查会把报告当成稿件；请写到别处，或换成 .json、.sarif 等不检查的扩展名；-o is inside a folder being checked）`,
      );
      return EXIT.usage;
    }
  }
  const reports: FileReport[] = [];
  const notices: string[] = [];
  // every input that could not be read, in input order, with its place among the reports
  const errors: InputError[] = [];
  const unreadable: RunProblem[] = [];
  const failed = (error: InputError) => {
    errors.push(error);
    unreadable.push({ file: error.file, message: error.message, inputCode: error.code, at: reports.length });
  };
  let nextArgError = 0;
  const bar = startProgress(io, sources.length);
  for (const [index, source] of sources.entries()) {
    for (; (errorsBefore[nextArgError] ?? Infinity) <= index; nextArgError++)
      failed(argErrors[nextArgError] as InputError);
    // a report page of shengao report in the folder checked: its findings are the archive's, again
    // (one named on its own is checked: the user asked for it)
    if (source.kind === "file" && source.named !== true && (await isReportPage(source.path))) {
      notices.push(`已跳过 shengao 生成的报告页面：${source.shownAs}（skipped a shengao report）`);
      bar?.increment();
      continue;
    }
    try {
      const input = await readSource(source, io);
      if (input.notice !== undefined) notices.push(input.notice);
      const findings = keep(screenInput(screener, input), options.quiet);
      reports.push({ filePath: source.shownAs, text: input.text, extracted: input.extracted, findings });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed(error);
    }
    bar?.increment();
  }
  bar?.stop();
  for (; nextArgError < argErrors.length; nextArgError++) failed(argErrors[nextArgError] as InputError);

  notices.forEach(say);
  runProblems.push(...unreadable);
  const color = options.output === undefined && useColor(io.stdout, io.env);
  const report = formatters[options.format](reports, { color, runProblems, quiet: options.quiet });
  // said before the report, so that on a terminal the report's summary line comes last
  for (const error of errors) say(`✖ ${error.message}`);
  if (errors.length > 0) say(`有 ${errors.length} 个输入无法检查，见上。`);
  if (!(await writeOutput(report, options.output, io))) return EXIT.usage;

  if (runProblems.length > 0) return EXIT.usage;

  const { errorCount, warningCount } = sumCounts(reports);
  if (errorCount > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    say(`警告数 ${warningCount} 超过了 --max-warnings ${options.maxWarnings} 的上限。`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

async function readSource(
  source: InputSource,
  io: CliIo,
): Promise<{ text: string; joined?: JoinedMarkdown; extracted: boolean; notice?: string }> {
  if (source.kind === "stdin") return { ...(await readStdin(io.stdin, source.shownAs)), extracted: false };
  return readInput(source.path, source.shownAs);
}

/** `--quiet` keeps errors only, in the output and in the counts. */
function keep(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((finding) => finding.severity === "error") : findings;
}

/**
 * The argument (as written) by which the next run would read `output` as a draft: a folder holding
 * it (not through a dot-folder or node_modules, which folders skip), or a glob matching it or a
 * folder holding it. Only an output of a type check reads.
 */
async function argumentReading(
  output: string,
  args: readonly string[],
  cwd: string,
): Promise<string | undefined> {
  if (inputKindOf(output) === undefined) return undefined;
  const path = resolve(cwd, output);
  for (const arg of args) {
    if (arg === "-") continue;
    const argPath = resolve(cwd, arg);
    const info = await stat(argPath).catch(() => undefined);
    if (info?.isDirectory()) {
      const inside = relative(argPath, path);
      if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) continue;
      const folders = inside.split(sep).slice(0, -1);
      if (folders.some(isSkippedFolder)) continue;
      return arg;
    }
    if (info !== undefined || !isDynamicPattern(arg)) continue;
    // the glob as tinyglobby reads it, relative to the working directory: the file, or a folder on its way
    const matches = picomatch(arg.replace(/^\.\//, ""), { dot: false });
    const steps = (isAbsolute(arg) ? path : relative(cwd, path)).split(sep);
    for (let n = steps.length; n > 0; n--) if (matches(steps.slice(0, n).join("/"))) return arg;
  }
  return undefined;
}
