import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Finding } from "@shengao/core";
import { SingleBar } from "cli-progress";
import { InputError } from "../input/errors.js";
import { readInput, readStdin } from "../input/read.js";
import { type InputSource, resolveInputs, shownPath } from "../input/resolve.js";
import { type FileReport, type FormatName, formatters, type RunProblem, sumCounts } from "../report/index.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { type CliIo, useColor } from "./io.js";
import { compileLexicons, formatLexiconProblem, lexiconPaths, loadLexicons } from "./lexicons.js";

export interface CheckOptions {
  format: FormatName;
  lexicon: string[];
  defaultLexicons: boolean;
  quiet: boolean;
  maxWarnings?: number;
  output?: string;
}

/** A progress bar only helps when someone watches a terminal and the run takes a while. */
const PROGRESS_MIN_FILES = 20;

export async function check(args: readonly string[], options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const runProblems: RunProblem[] = [];
  const say = (line: string) => io.stderr.write(`${line}\n`);

  const screener = await loadScreener(options, io, runProblems);
  if (screener === undefined) return EXIT.usage;

  const { sources, errors } = await resolveInputs(args, io.cwd);
  const reports: FileReport[] = [];
  const notices: string[] = [];
  const bar = startProgress(io, sources.length);
  for (const source of sources) {
    try {
      const input = await readSource(source, io);
      if (input.notice !== undefined) notices.push(input.notice);
      const findings = keep(screener.screen(input.text), options.quiet);
      reports.push({ filePath: source.shownAs, text: input.text, extracted: input.extracted, findings });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
    bar?.increment();
  }
  bar?.stop();

  notices.forEach(say);
  for (const error of errors) runProblems.push({ file: error.file, message: error.message });
  const color = options.output === undefined && useColor(io.stdout, io.env);
  const report = formatters[options.format](reports, { color, runProblems });
  if (!(await writeReport(report, options.output, io))) return EXIT.usage;

  for (const error of errors) say(`✖ ${error.message}`);
  if (errors.length > 0) say(`有 ${errors.length} 个输入无法检查，见上。`);
  if (runProblems.length > 0) return EXIT.usage;

  const { errorCount, warningCount } = sumCounts(reports);
  if (errorCount > 0) return EXIT.problems;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    say(`警告数 ${warningCount} 超过了 --max-warnings ${options.maxWarnings} 的上限。`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Broken packs are reported and skipped; the rest screen. The run still ends with exit code 2. */
async function loadScreener(options: CheckOptions, io: CliIo, runProblems: RunProblem[]) {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const paths = lexiconPaths(
    options.lexicon.map((path) => resolve(io.cwd, path)),
    options.defaultLexicons,
  );
  if (paths.length === 0) {
    say("没有可用的词库：用了 --no-default-lexicons，就要用 --lexicon 指定词库（no lexicons given）");
    return undefined;
  }
  const lexicons = await loadLexicons(paths);
  const compiled = lexicons.usable.length > 0 ? compileLexicons(lexicons.usable, true) : { problems: [] };
  const errors = [...lexicons.problems, ...compiled.problems].filter((p) => p.severity === "error");
  if (errors.length > 0) {
    say("✖ 词库有错误（lexicon errors）：");
    for (const problem of errors) say(`  ${formatLexiconProblem(problem, io.cwd)}`);
    for (const { file } of lexicons.skipped) {
      const shown = shownPath(file, io.cwd);
      say(`  已跳过这个词库，其余词库照常检查：${shown}（pack skipped）`);
      runProblems.push({ file: shown, message: `词库有错误，未使用：${shown}` });
    }
    if (lexicons.skipped.length === 0) runProblems.push({ message: "词库有错误" });
  }
  if (compiled.screener === undefined || compiled.screener.packs.length === 0) {
    say("没有可用的词库，无法检查（no usable lexicon packs）。");
    return undefined;
  }
  return compiled.screener;
}

async function readSource(source: InputSource, io: CliIo) {
  if (source.kind === "stdin") return { text: await readStdin(io.stdin), extracted: false };
  return readInput(source.path, source.shownAs);
}

/** `--quiet` keeps errors only, in the output and in the counts. */
function keep(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((finding) => finding.severity === "error") : findings;
}

function startProgress(io: CliIo, total: number): SingleBar | undefined {
  if (io.stderr.isTTY !== true || total <= PROGRESS_MIN_FILES) return undefined;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: "检查中 [{bar}] {value}/{total} 个文件",
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0);
  return bar;
}

async function writeReport(report: string, output: string | undefined, io: CliIo): Promise<boolean> {
  if (output === undefined) {
    io.stdout.write(report);
    return true;
  }
  const path = resolve(io.cwd, output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`✖ 无法写入报告文件：${output}（${detail}）\n`);
    return false;
  }
}
