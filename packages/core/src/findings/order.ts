import { byPosition } from "../rules/spans.js";
import type { Finding } from "./finding.js";

/** The order of findings everywhere: by start, the longer first, then by rule id. */
export function byFindingOrder(a: Finding, b: Finding): number {
  return byPosition(a, b) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Sorts findings in place by `byFindingOrder`. A big lexicon finds a thousand things in one post,
 * and a comparator sort of them cost as much as finding them: a list already in order is left as
 * it is, and a long one is sorted by start with a counting sort (offsets are small integers), then
 * each group of equal starts, usually of one or two, by the comparator.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++)
    inOrder = byFindingOrder(findings[i - 1] as Finding, findings[i] as Finding) <= 0;
  if (inOrder) return findings;
  let maxStart = 0;
  for (const f of findings) if (f.start > maxStart) maxStart = f.start;
  // few findings in a long text: counting over every offset would cost more than comparing
  if (n < 64 || maxStart > 16 * n) return findings.sort(byFindingOrder);
  const next = new Int32Array(maxStart + 2);
  for (const f of findings) next[f.start + 1] = (next[f.start + 1] as number) + 1;
  for (let s = 1; s < next.length; s++) next[s] = (next[s] as number) + (next[s - 1] as number);
  const byStart: Finding[] = new Array(n);
  for (const f of findings) {
    byStart[next[f.start] as number] = f;
    next[f.start] = (next[f.start] as number) + 1;
  }
  for (let from = 0; from < n; ) {
    const start = (byStart[from] as Finding).start;
    let to = from + 1;
    while (to < n && (byStart[to] as Finding).start === start) to++;
    sortGroup(byStart, from, to);
    from = to;
  }
  for (let k = 0; k < n; k++) findings[k] = byStart[k] as Finding;
  return findings;
}

/** Sorts findings[from..to), of one start, in place: by insertion, as most groups are one or two. */
function sortGroup(findings: Finding[], from: number, to: number): void {
  if (to - from > 16) {
    // many rules flag the same words: a comparator sort, not a quadratic one
    const group = findings.slice(from, to).sort(byFindingOrder);
    for (let k = from; k < to; k++) findings[k] = group[k - from] as Finding;
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const f = findings[i] as Finding;
    let j = i - 1;
    for (; j >= from && byFindingOrder(findings[j] as Finding, f) > 0; j--)
      findings[j + 1] = findings[j] as Finding;
    findings[j + 1] = f;
  }
}
