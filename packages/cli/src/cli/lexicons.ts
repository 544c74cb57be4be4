import { resolve } from "node:path";
import {
  compile,
  type LexiconProblem,
  type ParsedLexicon,
  type Screener,
  type Severity,
  usablePacks,
} from "@shengao/core";
import { createJiebaSegmenter, DEFAULT_LEXICON_DIR, readLexiconFiles, unreadSubfolders } from "@shengao/node";
import type { SkippedLexicon } from "../analysis/types.js";
import { shownPath } from "../input/resolve.js";
import type { RunProblem } from "../report/index.js";
import type { CliIo } from "./io.js";

/** The lexicon options `check` and `report` share. */
export interface LexiconOptions {
  /** `--lexicon` paths, relative to the working directory. */
  lexicon: string[];
  /** False with `--no-default-lexicons`. */
  defaultLexicons: boolean;
}

export interface LoadedLexicons {
  /** Every pack read, broken ones included. */
  parsed: ParsedLexicon[];
  /**
   * Every problem, from parsing each pack and from checking the packs together, and a warning for
   * each subfolder of a folder named that holds lexicon files it did not read.
   */
  problems: LexiconProblem[];
  /** Packs without error problems: the ones that screen. */
  usable: ParsedLexicon[];
  /** Packs left out because they (or their relation to the others) have error problems. */
  skipped: ParsedLexicon[];
}

/** The lexicon files to read: the defaults unless turned off, plus every `--lexicon` path. */
export function lexiconPaths(extra: readonly string[], useDefaults: boolean): string[] {
  return [...(useDefaults ? [DEFAULT_LEXICON_DIR] : []), ...extra];
}

/**
 * Reads and validates packs. One broken pack must not disable the others: core's `usablePacks` sets
 * aside packs with error problems (and those that break once another is set aside).
 */
export async function loadLexicons(paths: readonly string[]): Promise<LoadedLexicons> {
  const parsed = await readLexiconFiles(paths);
  const { usable, problems } = usablePacks(parsed);
  const skipped = parsed.filter((lexicon) => !usable.includes(lexicon));
  const unread = await unreadSubfolders(paths);
  return { parsed, problems: sortProblems([...problems, ...unread]), usable, skipped };
}

/**
 * Says on stderr which subfolders of the folders given were not read (subfolder-not-read), for the
 * lexicon commands that print no warnings otherwise (build, test, stats): a pack left out is said.
 */
export function sayUnreadSubfolders(lexicons: LoadedLexicons, io: CliIo): void {
  for (const problem of lexicons.problems)
    if (problem.code === "subfolder-not-read") io.stderr.write(`${formatLexiconProblem(problem, io.cwd)}\n`);
}

export interface CompileResult {
  screener?: Screener;
  /**
   * Problems compile itself raised: it throws LexiconError when a pack it was given is broken (a
   * list from usablePacks, as `usable` is, it does not validate again).
   */
  problems: LexiconProblem[];
}

/**
 * Compiles the usable packs. Loading nodejieba's dictionary takes seconds, so the segmenter is
 * created only when `withSegmenter` and some entry needs word boundaries.
 */
export function compileLexicons(usable: ParsedLexicon[], withSegmenter: boolean): CompileResult {
  try {
    const options = withSegmenter && needsSegmenter(usable) ? { segmenter: createJiebaSegmenter() } : {};
    return { screener: compile(usable, options), problems: [] };
  } catch (error) {
    const problems = (error as { problems?: LexiconProblem[] }).problems;
    if (Array.isArray(problems)) return { problems };
    throw error;
  }
}

export function sortProblems(problems: readonly LexiconProblem[]): LexiconProblem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** `file:line:column  message  (code)`, the file relative to the working directory. */
export function formatLexiconProblem(problem: LexiconProblem, cwd: string): string {
  const where = `${shownPath(problem.file, cwd)}:${problem.line}:${problem.column}`;
  const level = problem.severity === "error" ? "错误" : "警告";
  return `${where}  ${level}  ${problem.message}  (${problem.code})`;
}

function needsSegmenter(parsed: readonly ParsedLexicon[]): boolean {
  return parsed.some(
    ({ pack }) => pack?.entries.some((entry) => entry.boundary ?? pack.defaults.boundary) === true,
  );
}

/**
 * Compiles the usable packs; broken ones are reported and skipped, the rest screen (the run still
 * ends with exit code 2). `files` are every lexicon file read, broken ones included; `skipped` the
 * files left out, for a report that must say it screened without them.
 */
export async function loadScreener(
  options: LexiconOptions,
  io: CliIo,
  runProblems: RunProblem[],
): Promise<{ screener?: Screener; files: string[]; skipped: SkippedLexicon[] } & LexiconRun> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  const paths = lexiconPaths(
    options.lexicon.map((path) => resolve(io.cwd, path)),
    options.defaultLexicons,
  );
  if (paths.length === 0) {
    say("没有可用的词库：用了 --no-default-lexicons，就要用 --lexicon 指定词库（no lexicons given）");
    return { files: [], skipped: [], warnings: [], adjustments: [] };
  }
  const lexicons = await loadLexicons(paths);
  const files = lexicons.parsed.map((p) => p.file);
  const compiled = lexicons.usable.length > 0 ? compileLexicons(lexicons.usable, true) : { problems: [] };
  const errors = [...lexicons.problems, ...compiled.problems].filter((p) => p.severity === "error");
  // a warning is a pack that screens otherwise than its author meant (an override of an entry
  // misspelt, a term that can never match): said on every run, not only by lexicon validate
  const warnings = [...lexicons.problems, ...compiled.problems].filter((p) => p.severity === "warning");
  if (warnings.length > 0) {
    say("⚠ 词库有警告（lexicon warnings），检查照常进行：");
    for (const problem of warnings) say(`  ${formatLexiconProblem(problem, io.cwd)}`);
  }
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
  const skipped = lexicons.skipped.map(
    ({ file }): SkippedLexicon => ({
      file: shownPath(file, io.cwd),
      errors: errors
        .filter((p) => p.file === file)
        .map(({ line, column, code, message }) => ({ line, column, code, message })),
    }),
  );
  const notes = warnings.map(({ file, line, column, code, message }) => ({
    file: shownPath(file, io.cwd),
    line,
    column,
    code,
    message,
  }));
  if (compiled.screener === undefined || compiled.screener.packs.length === 0) {
    say("没有可用的词库，无法检查（no usable lexicon packs）。");
    return { files, skipped, warnings: notes, adjustments: [] };
  }
  return {
    screener: compiled.screener,
    files,
    skipped,
    warnings: notes,
    adjustments: adjustmentsOf(lexicons.usable, compiled.screener, io.cwd),
  };
}

/** How the packs screened otherwise than as written, for a report to record. */
export interface LexiconRun {
  /** What the packs' overrides did to other packs' entries. */
  adjustments: EntryAdjustment[];
  /** The lexicon warnings said on stderr. */
  warnings: LexiconNote[];
}

/** A lexicon warning as a report records it: the file as the terminal names it. */
export interface LexiconNote {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** An entry of one pack that another pack's override switched off or gave another severity. */
export interface EntryAdjustment {
  ruleId: string;
  /** The file whose override it is (the last one, when several name the entry). */
  by: string;
  disabled?: true;
  severity?: Severity;
}

/**
 * The overrides that took effect, merged as compilation merges them (a later pack's fields win, so a
 * later `disabled: false` switches an entry back on): those naming an entry the screener has, and
 * changing something.
 */
function adjustmentsOf(parsed: readonly ParsedLexicon[], screener: Screener, cwd: string): EntryAdjustment[] {
  const known = new Set(screener.rules.map((r) => r.ruleId));
  const merged = new Map<string, { by: string; disabled?: boolean; severity?: Severity }>();
  for (const p of parsed) {
    for (const { entry, ...fields } of p.pack?.overrides ?? []) {
      if (known.has(entry))
        merged.set(entry, { ...merged.get(entry), ...fields, by: shownPath(p.file, cwd) });
    }
  }
  return [...merged].flatMap(([ruleId, { by, disabled, severity }]): EntryAdjustment[] => {
    if (disabled === true) return [{ ruleId, by, disabled: true }];
    return severity === undefined ? [] : [{ ruleId, by, severity }];
  });
}
