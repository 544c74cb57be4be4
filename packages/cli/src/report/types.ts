import type { Finding, Severity } from "@shengao/core";
import type { InputErrorCode } from "../input/errors.js";

/** What was found in one screened input, ready for any formatter. */
export interface FileReport {
  /** As shown to the user: relative to the working directory, `/`-separated; `<stdin>` for stdin. */
  filePath: string;
  /** The screened text; code frames and snippets are cut from it. */
  text: string;
  /** True for .html and .docx: positions refer to the extracted text, not to the file's bytes. */
  extracted: boolean;
  findings: Finding[];
}

/** A problem with the run itself (bad input, broken lexicon pack), not with the text. */
export interface RunProblem {
  file?: string;
  message: string;
  /** Set when `file` is an input that could not be read (or an argument that named nothing). */
  inputCode?: InputErrorCode;
  /** An input's place in input order: it came before the formatter's files[at] (none: after them). */
  at?: number;
}

export interface FormatOptions {
  color: boolean;
  /** Problems that made the run incomplete; SARIF records them as tool notifications. */
  runProblems?: readonly RunProblem[];
  /** `--quiet`: only errors were kept, so "no problems" would overstate a pass */
  quiet?: boolean;
}

export type Formatter = (files: readonly FileReport[], options: FormatOptions) => string;

export interface SeverityCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return { errorCount: counts.error, warningCount: counts.warning, infoCount: counts.info };
}

export function sumCounts(files: readonly FileReport[]): SeverityCounts {
  return countSeverities(files.flatMap((file) => file.findings));
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
