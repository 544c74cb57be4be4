import type { ScreenContext } from "./context.js";
import type { HitTable } from "./hitTable.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { isCovered, longestFirst, type ScanOrderSpans, type Span } from "./spans.js";

/**
 * term, replace and canonical: each hit is a finding unless it lies inside an exception phrase (or,
 * for canonical, inside the exact canonical form), cuts through a word, or continues a Latin word.
 */
export function findTerms(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const covers = hits.filter((h) => h.role === Role.exception || h.role === Role.canonical);
  const candidates: Hit[] = [];
  for (const h of hits) {
    if (h.role === Role.hit && !isCovered(h, covers) && keepsWords(rule, h.start, h.end, ctx))
      candidates.push(h);
  }
  return longestFirst(candidates).map((h) =>
    rule.look.fixText === undefined
      ? { start: h.start, end: h.end }
      : { start: h.start, end: h.end, replacement: rule.look.fixText },
  );
}

/**
 * `findTerms` read from the hit table without an object per hit, for a rule whose hits are all hits
 * (no exception or canonical form among them to cover one), none empty, in the order a scan reports
 * them, by end: nearly every rule of a big word list. Leaves the spans found in `kept` (ids: rows of
 * the table) and returns true; returns false, `kept` in any state, for a rule whose hits are not so.
 */
export function findTermsInTable(
  rule: Rule,
  hits: HitTable,
  ctx: ScreenContext,
  kept: ScanOrderSpans,
): boolean {
  kept.length = 0;
  let lastEnd = 0;
  for (let h = hits.first(rule.index); h !== -1; h = hits.next(h)) {
    const start = hits.start(h);
    const end = hits.end(h);
    if (hits.role(h) !== Role.hit || start >= end || end < lastEnd) return false;
    lastEnd = end;
    if (keepsWords(rule, start, end, ctx)) kept.offer(start, end, h);
  }
  return true;
}

/** A hit of a term rule that neither continues a Latin word nor, with `boundary`, cuts through a word. */
export function keepsWords(rule: Rule, start: number, end: number, ctx: ScreenContext): boolean {
  return ctx.respectsLatinWords(start, end) && (!rule.look.boundary || ctx.isWholeWord(start, end));
}
