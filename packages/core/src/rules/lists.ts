import type { Hit } from "./rule.js";
import { longestFirst } from "./spans.js";

// What may stand between two items of one enumeration: a list separator (、，, 和 与 及 以及 …, and
// the half-width and small forms of 、，； some fonts and input methods give: ､ ﹑ ﹐ ﹔), with
// quotes, brackets and spaces around it (增强“政治意识”、“大局意识”). Read in the text as written,
// so every profile knows them, width folding on or off.
const QUOTES = " \\t\\u3000\"'“”‘’「」『』《》〈〉()（）\\[\\]【】";
export const LIST_MARKS = "、，,；;､﹑﹐﹔";
const SEPARATOR = new RegExp(`^[${QUOTES}]*(?:[${LIST_MARKS}/]|和|与|及|以及|跟|同|或|、和)?[${QUOTES}]*$`);
const MAX_GAP = 8;

/** What separates two neighbouring items, or null when they are not in one list. */
export function listGap(text: string, left: Hit, right: Hit): string | null {
  if (right.start < left.end || right.start - left.end > MAX_GAP) return null;
  const gap = text.slice(left.end, right.start);
  if (gap === "") return null; // 中国台湾 is one name, not a list
  return SEPARATOR.test(gap) ? gap : null;
}

/** Groups hits into enumerations: runs of neighbours joined by list separators. */
export function enumerations(text: string, hits: readonly Hit[]): Hit[][] {
  const runs: Hit[][] = [];
  let run: Hit[] = [];
  for (const h of longestFirst(hits)) {
    const last = run[run.length - 1];
    if (last && listGap(text, last, h) !== null) run.push(h);
    else {
      if (run.length > 0) runs.push(run);
      run = [h];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
