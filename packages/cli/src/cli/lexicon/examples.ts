import { type ExampleResult, type Finding, type MissReason, runExamples } from "@shengao/core";
import { shownPath } from "../../input/resolve.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { compileLexicons, formatLexiconProblem, loadLexicons, sayUnreadSubfolders } from "../lexicons.js";
import { lexiconFiles } from "./files.js";

/** Runs every entry's flag/pass example sentences; shows each failure with what was found. */
export async function testExamples(files: readonly string[], io: CliIo): Promise<ExitCode> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const lexicons = await loadLexicons(lexiconFiles(files, io.cwd));
  sayUnreadSubfolders(lexicons, io);
  const compiled = lexicons.usable.length > 0 ? compileLexicons(lexicons.usable, true) : { problems: [] };
  const broken = [...lexicons.problems, ...compiled.problems].filter((p) => p.severity === "error");
  for (const problem of broken) io.stderr.write(`${formatLexiconProblem(problem, io.cwd)}\n`);
  for (const { file } of lexicons.skipped)
    io.stderr.write(`词库有错误，例句未测试：${shownPath(file, io.cwd)}\n`);
  if (compiled.screener === undefined) {
    io.stderr.write("✖ 没有可用的词库，无法测试例句（no usable lexicon packs）\n");
    return EXIT.problems;
  }

  const results = runExamples(compiled.screener, lexicons.usable);
  const failures = results.filter((result) => !result.ok);
  for (const failure of failures) out(describeFailure(failure, io.cwd));
  // a broken pack's examples were not run: no tick while it stands, and say so where the count is
  const mark = failures.length > 0 || broken.length > 0 ? "✖" : "✔";
  const untested =
    lexicons.skipped.length > 0 ? `；${lexicons.skipped.length} 个词库有错误，其例句未测试（见上）` : "";
  const none = results.length === 0 ? "（词库里没有写 examples 例句）" : "";
  out(`${mark} ${results.length} 条例句，${failures.length} 条失败${none}${untested}`);
  return failures.length > 0 || broken.length > 0 ? EXIT.problems : EXIT.ok;
}

export function describeFailure(result: ExampleResult, cwd: string): string {
  const lines = [`✖ ${shownPath(result.file, cwd)}:${result.line}:${result.column}  ${result.ruleId}`];
  lines.push(`    例句：${result.sentence}`);
  if (result.expect === "flag") {
    lines.push(`    应标出，实际未标出${missReason(result.why)}`);
  } else {
    lines.push("    不应标出，实际标出了：");
    lines.push(`      ${markFindings(result.sentence, result.findings)}`);
    for (const message of new Set(result.findings.map((f) => f.message))) lines.push(`      （${message}）`);
  }
  return lines.join("\n");
}

/** When an entry of a kind that flags a relation of words flags, in the guide's words. */
const CONDITIONS: Record<"enumeration" | "juxtaposition" | "near", string> = {
  enumeration:
    "列举：用顿号、逗号、“和”等连起来的一串词里有全部的项或只少一项，或紧跟在总称后面，且有缺项、错项或顺序不对，才标出",
  juxtaposition: "并列：first 和 second 里的词连在同一串列举里才标出",
  near: "邻近：每一组都有词出现在同一句话的 within 个字之内才标出",
};

/** What the reviewer is to look at when a `flag` sentence was not flagged. */
function missReason(why: MissReason | undefined): string {
  switch (why?.reason) {
    case "exception":
      return `：例外${why.exceptions.map((e) => `「${e}」`).join("")}把它排除了（exceptions）；例句要换一个不在例外里的说法，或者例外写宽了`;
    case "boundary":
      return `：找到了「${why.text}」，但它在这句里不是一个完整的词（boundary: true 只标出分词后独立成词的）`;
    case "absent":
      return "：例句里没有本条目要找的词或写法（比对前会统一繁简、全角半角、大小写，跳过词中间的空格和标点，顿号除外）；检查例句和条目有没有写错";
    case "joined":
      return `：${why.terms.map((t) => `「${t}」`).join("")}用顿号连着写，是一个词，原文也这样连着写才查得出；要分别查其中的词，请分成几项（如 [${why.words.join(", ")}]）`;
    case "conditions":
      return `：例句不满足本条目的条件（${CONDITIONS[why.kind]}）；检查例句和条目有没有写错`;
    default:
      return "";
  }
}

/** The sentence with each found span wrapped in 【】; overlapping spans are merged. */
export function markFindings(sentence: string, findings: readonly Pick<Finding, "start" | "end">[]): string {
  const spans = findings
    .map(({ start, end }) => [start, end] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last !== undefined && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  let marked = "";
  let cursor = 0;
  for (const [start, end] of merged) {
    marked += `${sentence.slice(cursor, start)}【${sentence.slice(start, end)}】`;
    cursor = end;
  }
  return marked + sentence.slice(cursor);
}
