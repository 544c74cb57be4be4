import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Finding } from "@shengao/core";
import { InputError } from "../input/errors.js";
import { readInput, readStdin } from "../input/read.js";
import { type InputSource, resolveInputs } from "../input/resolve.js";
import { type FileReport, type FormatName, formatters, type RunProblem, sumCounts } from "../report/index.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { type CliIo, useColor } from "./io.js";
import { type LexiconOptions, loadScreener } from "./lexicons.js";
import { writeOutput } from "./output.js";
import { startProgress } from "./progress.js";

export interface CheckOptions extends LexiconOptions {
  format: FormatName;
  quiet: boolean;
  maxWarnings?: number;
  output?: string;
}

export async function check(args: readonly string[], options: CheckOptions, io: CliIo): Promise<ExitCode> {
  const runProblems: RunProblem[] = [];
  const say = (line: string) => io.stderr.write(`${line}\n`);

  const screener = await loadScreener(options, io, runProblems);
  if (screener === undefined) return EXIT.usage;

  const { sources, errors } = await resolveInputs(args, io.cwd);
  const draft = options.output === undefined ? undefined : await inputAt(options.output, sources, io.cwd);
  if (draft !== undefined) {
    say(
      `✖ 不把报告写到被检查的文件上：${draft.shownAs}（上次写进被检查文件夹的报告也算；请把 -o 写到别处；-o names a file being checked）`,
    );
    return EXIT.usage;
  }
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
): Promise<{ text: string; extracted: boolean; notice?: string }> {
  if (source.kind === "stdin") return { ...(await readStdin(io.stdin, source.shownAs)), extracted: false };
  return readInput(source.path, source.shownAs);
}

/**
 * The input that `output` would overwrite, if any: the same file by its device and inode, so a
 * link or another spelling of the path is caught too. A draft is never written over.
 */
async function inputAt(output: string, sources: readonly InputSource[], cwd: string) {
  const target = await stat(resolve(cwd, output)).catch(() => undefined);
  if (target === undefined || !target.isFile()) return undefined;
  for (const source of sources) {
    if (source.kind !== "file") continue;
    const info = await stat(source.path).catch(() => undefined);
    if (info !== undefined && info.dev === target.dev && info.ino === target.ino) return source;
  }
  return undefined;
}

/** `--quiet` keeps errors only, in the output and in the counts. */
function keep(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((finding) => finding.severity === "error") : findings;
}
