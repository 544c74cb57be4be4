import type { ScreenContext } from "./context.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { longestFirst, outside, type Span } from "./spans.js";

/**
 * term, replace and canonical: each hit is a finding unless it lies inside an exception phrase (or,
 * for canonical, inside the exact canonical form), cuts through a word, or continues a Latin word.
 */
export function findTerms(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const covers = hits.filter((h) => h.role === Role.exception || h.role === Role.canonical);
  const candidates = outside(
    hits.filter((h) => h.role === Role.hit),
    covers,
  ).filter(
    (h) => ctx.respectsLatinWords(h.start, h.end) && (!rule.boundary || ctx.isWholeWord(h.start, h.end)),
  );
  return longestFirst(candidates).map((h) =>
    rule.fixText === undefined
      ? { start: h.start, end: h.end }
      : { start: h.start, end: h.end, replacement: rule.fixText },
  );
}
