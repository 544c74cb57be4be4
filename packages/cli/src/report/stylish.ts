import { basisText, type Severity } from "@shengao/core";
import { createColors } from "picocolors";
import { codeFrame } from "./code-frame.js";
import { type FileReport, type Formatter, SEVERITY_LABEL, sumCounts } from "./types.js";
import { padEnd } from "./width.js";

type Colors = ReturnType<typeof createColors>;

/**
 * ESLint-like text for people: per file a header, then each finding with its position, severity,
 * message, rule id, the matched text, suggestions and a code frame; a summary line at the end.
 */
export const stylish: Formatter = (files, options) => {
  const c = createColors(options.color);
  const out: string[] = [];
  for (const file of files) {
    if (file.findings.length > 0) out.push(formatFile(file, c), "");
  }
  out.push(summary(files, options.runProblems?.length ?? 0, c, options.quiet === true), "");
  return out.join("\n");
};

function formatFile(file: FileReport, c: Colors): string {
  const note = file.extracted ? c.dim("  （行号、列号按提取出的纯文字计算）") : "";
  const lines = [c.underline(file.filePath) + note];
  const positions = file.findings.map((f) => `${f.line}:${f.column}`);
  const positionWidth = Math.max(...positions.map((p) => p.length));
  const gutterWidth = String(Math.max(...file.findings.map((f) => f.line))).length;
  const indent = " ".repeat(2 + positionWidth + 2);

  file.findings.forEach((finding, index) => {
    const position = (positions[index] as string).padEnd(positionWidth);
    const severity = paint(c, finding.severity, padEnd(SEVERITY_LABEL[finding.severity], 4));
    lines.push(`  ${c.dim(position)}  ${severity}  ${finding.message}  ${c.dim(finding.ruleId)}`);
    lines.push(`${indent}原文：「${oneLine(finding.text)}」`);
    if (finding.suggestions.length > 0) {
      lines.push(`${indent}${c.green(`→ 建议：${finding.suggestions.join(" / ")}`)}`);
    }
    if (finding.basis !== undefined)
      lines.push(`${indent}${c.dim(`依据：${basisText(finding.basis, { withUrl: true })}`)}`);
    const frame = codeFrame(file.text, finding.start, finding.end);
    const gutter = String(finding.line).padStart(gutterWidth);
    lines.push(`${indent}${c.dim(`${gutter} |`)} ${frame.line}`);
    lines.push(
      `${indent}${c.dim(`${" ".repeat(gutterWidth)} |`)} ${paint(c, finding.severity, frame.marker)}`,
    );
  });
  return lines.join("\n");
}

/**
 * The last line: the counts, or a pass. Not a green pass when nothing was screened or something
 * could not be (an input unread, a pack skipped): that reads as a clean draft when it is not known.
 */
function summary(files: readonly FileReport[], runProblems: number, c: Colors, quiet: boolean): string {
  const { errorCount, warningCount, infoCount } = sumCounts(files);
  const total = errorCount + warningCount + infoCount;
  if (files.length === 0) return c.bold(c.red("✖ 没有检查任何文件（原因见上）"));
  if (total === 0 && runProblems > 0)
    return c.yellow(
      `⚠ 检查了 ${files.length} 个文件，没有发现问题，但检查不完整：有 ${runProblems} 处输入或词库出错（见上）`,
    );
  if (total === 0 && quiet)
    return c.green(`✔ 没有错误级问题（检查了 ${files.length} 个文件；--quiet 不显示警告和提示）`);
  if (total === 0) return c.green(`✔ 没有发现问题（检查了 ${files.length} 个文件）`);
  const text = `✖ ${total} 个问题（${errorCount} 个错误，${warningCount} 个警告，${infoCount} 个提示）`;
  return c.bold(errorCount > 0 ? c.red(text) : warningCount > 0 ? c.yellow(text) : c.blue(text));
}

function paint(c: Colors, severity: Severity, text: string): string {
  if (severity === "error") return c.red(text);
  if (severity === "warning") return c.yellow(text);
  return c.blue(text);
}

/** A match spanning lines is shown on one line: the line break as ⏎. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, "⏎");
}
