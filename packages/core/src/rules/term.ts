import type { ScreenContext } from "./context.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { isCovered, longestFirst, type Span } from "./spans.js";

/**
 * term, replace and canonical: each hit is a finding unless it lies inside an exception phrase (or,
 * for canonical, inside the exact canonical form), cuts through a word, or continues a Latin word.
 */
export function findTerms(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  // the common case in a big word list: one plain hit of the rule in the text
  if (hits.length === 1) {
    const h = hits[0] as Hit;
    if (h.role !== Role.hit || !keeps(rule, h, ctx)) return [];
    return [toSpan(rule, h)];
  }
  const covers = hits.filter((h) => h.role === Role.exception || h.role === Role.canonical);
  const candidates: Hit[] = [];
  for (const h of hits) {
    if (h.role === Role.hit && !isCovered(h, covers) && keeps(rule, h, ctx)) candidates.push(h);
  }
  return longestFirst(candidates).map((h) => toSpan(rule, h));
}

function toSpan(rule: Rule, h: Hit): Span {
  return rule.fixText === undefined
    ? { start: h.start, end: h.end }
    : { start: h.start, end: h.end, replacement: rule.fixText };
}

function keeps(rule: Rule, h: Hit, ctx: ScreenContext): boolean {
  return ctx.respectsLatinWords(h.start, h.end) && (!rule.boundary || ctx.isWholeWord(h.start, h.end));
}
