import type { ScreenContext } from "./context.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { crossesSentenceEnd } from "./sentence.js";
import { byPosition, outside, type Span } from "./spans.js";

/**
 * Every group of terms present within `within` characters of one sentence: the span runs from the
 * first to the last. 会议在香港。大陆学者… says no 香港 against 大陆.
 */
export function findNear(rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const within = rule.look.within as number;
  const exceptions = hits.filter((h) => h.role === Role.exception);
  const grouped = outside(
    hits.filter((h) => h.role === Role.group),
    exceptions,
  ).sort(byPosition);
  const groupCount = rule.look.groupCount as number;
  const spans: Span[] = [];
  let from = 0;
  for (let i = 0; i < grouped.length; i++) {
    const anchor = grouped[i] as Hit;
    if (anchor.start < from) continue;
    const nearest = new Map<number, Hit>();
    for (let j = i; j < grouped.length; j++) {
      const h = grouped[j] as Hit;
      if (h.end - anchor.start > within || crossesSentenceEnd(ctx.text, anchor.end, h.start)) break;
      if (!nearest.has(h.arg)) nearest.set(h.arg, h);
    }
    if (nearest.size < groupCount || !nearest.has(anchor.arg)) continue;
    const end = Math.max(...[...nearest.values()].map((h) => h.end));
    spans.push({ start: anchor.start, end });
    from = end;
  }
  return spans;
}
