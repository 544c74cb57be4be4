import type { Finding } from "./findings/finding.js";
import { sortFindings } from "./findings/order.js";
import { LexiconError, type LexiconProblem } from "./lexicon/problem.js";
import type { Screener } from "./screener.js";

/**
 * Several screeners screening as one: the packs compiled from sources next to compiled files that
 * were loaded as they are (their automata cannot be merged without the sources). Not serialisable:
 * serialise each part.
 */
export type CombinedScreener = Pick<Screener, "screen" | "packs" | "rules">;

/**
 * Screens with every screener and returns their findings in one list, ordered as `Screener.screen`
 * orders its own. Throws LexiconError when two of them hold a pack with the same id: the findings
 * could not be told apart (rule ids are `pack/entry`).
 */
export function combineScreeners(screeners: readonly Screener[]): CombinedScreener {
  const packs = screeners.flatMap((s) => s.packs);
  const problems = duplicatePacks(packs);
  if (problems.length > 0) throw new LexiconError(problems);
  const rules = screeners.flatMap((s) => s.rules);
  const only = screeners.length === 1 ? screeners[0] : undefined;
  if (only) return { screen: (text) => only.screen(text), packs, rules };
  return {
    screen(text: string): Finding[] {
      if (typeof text !== "string") throw new TypeError("screen(text) 需要字符串");
      return sortFindings(screeners.flatMap((s) => s.screen(text)));
    },
    packs,
    rules,
  };
}

/**
 * A "duplicate-pack" problem for each pack whose id an earlier pack already has. Packs that are not
 * compiled together (a compiled file next to lexicon sources) are checked here; `validatePacks`
 * checks the sources among themselves.
 */
export function duplicatePacks(
  packs: readonly { id: string; file: string; line?: number; column?: number }[],
): LexiconProblem[] {
  const first = new Map<string, string>();
  const problems: LexiconProblem[] = [];
  for (const pack of packs) {
    const earlier = first.get(pack.id);
    if (earlier === undefined) first.set(pack.id, pack.file);
    else
      problems.push({
        code: "duplicate-pack",
        file: pack.file,
        line: pack.line ?? 1,
        column: pack.column ?? 1,
        message: `词库编号「${pack.id}」与 ${earlier} 重复`,
        severity: "error",
      });
  }
  return problems;
}
