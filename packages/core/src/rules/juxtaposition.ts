import type { ScreenContext } from "./context.js";
import { enumerations } from "./lists.js";
import { type Hit, Role, type Rule } from "./rule.js";
import { outside, type Span } from "./spans.js";

/** An item of the first list (台湾、香港、澳门) standing in one enumeration with an item of the second. */
export function findJuxtapositions(_rule: Rule, hits: readonly Hit[], ctx: ScreenContext): Span[] {
  const exceptions = hits.filter((h) => h.role === Role.exception);
  const listed = outside(
    hits.filter((h) => h.role === Role.first || h.role === Role.second),
    exceptions,
  );
  const spans: Span[] = [];
  for (const run of enumerations(ctx.text, listed)) {
    if (!run.some((h) => h.role === Role.first) || !run.some((h) => h.role === Role.second)) continue;
    spans.push({ start: (run[0] as Hit).start, end: (run[run.length - 1] as Hit).end });
  }
  return spans;
}
