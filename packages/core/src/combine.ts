import { assertText } from "./arguments.js";
import type { Finding } from "./findings/finding.js";
import { sortFindings } from "./findings/order.js";
import { LexiconError } from "./lexicon/problem.js";
import { duplicatePacks } from "./lexicon/validate.js";
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
export function combineScreeners(given: readonly Screener[]): CombinedScreener {
  // the screeners as given now: rules are listed later, and the caller's list may change
  const screeners = [...given];
  const packs = screeners.flatMap((s) => s.packs);
  const problems = duplicatePacks(packs);
  if (problems.length > 0) throw new LexiconError(problems);
  const only = screeners.length === 1 ? screeners[0] : undefined;
  const screen = only
    ? (text: string) => only.screen(text)
    : (text: string): Finding[] => {
        assertText(text, "screen(text)");
        return sortFindings(screeners.flatMap((s) => s.screen(text)));
      };
  let rules: Screener["rules"] | undefined;
  return {
    screen,
    packs,
    // as each screener's own: made when first asked for
    get rules() {
      rules ??= screeners.flatMap((s) => s.rules);
      return rules;
    },
  };
}
