/** A problem in a lexicon file, located for the reviewer who has to fix it. */
export interface LexiconProblem {
  code: ProblemCode;
  file: string;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units of the line (as editors and ESLint count) */
  column: number;
  /** plain Chinese words: what is wrong and what to do */
  message: string;
  severity: "error" | "warning";
}

export type ProblemCode =
  | "unreadable"
  | "not-utf8"
  | "compiled-file"
  | "not-json"
  | "yaml-syntax"
  | "schema"
  | "duplicate-id"
  | "duplicate-pack"
  | "conflicting-verdict"
  | "unknown-override"
  | "bad-pattern"
  | "unmatchable-pattern"
  | "unknown-list"
  | "empty-term"
  | "split-term"
  | "spaced-term"
  | "dropped-symbol"
  | "whole-text-anchor"
  | "comma-at-edge"
  | "repeated-term"
  | "missing-basis"
  | "missing-examples"
  | "useless-exception"
  | "exception-is-term"
  | "repeated-override"
  | "repeated-item"
  | "list-in-brackets"
  | "replacement-is-term"
  | "replacement-has-term"
  | "subfolder-not-read"
  | "same-term-elsewhere";

/** The line a problem prints as, for a lexicon file or a compiled one (`file:line:column  level  message  (code)`). */
export function formatProblem(
  p: Pick<LexiconProblem, "file" | "line" | "column" | "message" | "severity"> & { code: string },
): string {
  const level = p.severity === "error" ? "错误" : "警告";
  return `${p.file}:${p.line}:${p.column}  ${level}  ${p.message}  (${p.code})`;
}

/** Thrown by `compile` when a pack it was given has errors. */
export class LexiconError extends Error {
  readonly problems: LexiconProblem[];
  constructor(problems: LexiconProblem[]) {
    super(`词库有错误：\n${problems.map(formatProblem).join("\n")}`);
    this.name = "LexiconError";
    this.problems = problems;
  }
}
