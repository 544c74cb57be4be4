import type { ScreenContext } from "./context.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { isCovered, longestFirst, type Span } from "./spans.js";

/**
 * term, replace and canonical: each hit is a finding unless it lies inside an exception phrase (or,
 * for canonical, inside the exact canonical form), cuts through a word, or continues a Latin word.
 */
export function findTerms(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const covers = hits.filter((h) => h.role === Role.exception || h.role === Role.canonical);
  const candidates: Hit[] = [];
  for (const h of hits) {
    if (h.role === Role.hit && !isCovered(h, covers) && keeps(rule, h.start, h.end, ctx)) candidates.push(h);
  }
  return longestFirst(candidates).map((h) =>
    rule.fixText === undefined
      ? { start: h.start, end: h.end }
      : { start: h.start, end: h.end, replacement: rule.fixText },
  );
}

/**
 * For hits `findTerms` would keep without comparing them (a rule's one hit, or the hits of a rule
 * of one string), read without objects: the hit is a finding, replaced by the rule's fixText if
 * any, when this is true. An exception or canonical form alone covers nothing.
 */
export function keepsTermHit(
  rule: Rule,
  role: Role,
  start: number,
  end: number,
  ctx: ScreenContext,
): boolean {
  return role === Role.hit && keeps(rule, start, end, ctx);
}

function keeps(rule: Rule, start: number, end: number, ctx: ScreenContext): boolean {
  return ctx.respectsLatinWords(start, end) && (!rule.boundary || ctx.isWholeWord(start, end));
}
