import { byPosition } from "../rules/spans.js";
import type { Finding } from "./finding.js";

/** The order of findings everywhere: by start, the longer first, then by rule id. */
export function byFindingOrder(a: Finding, b: Finding): number {
  return byPosition(a, b) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Sorts findings in place by `byFindingOrder`. A big lexicon finds a thousand things in one post,
 * and a comparator sort of them cost as much as finding them: a list nearly in order (the screener
 * makes a word list's findings in the order its scan found them, by end) is sorted by insertion,
 * each finding moved past the few that start after it; any other long one is sorted by start with a
 * counting sort (offsets are small integers), then each group of equal starts, usually of one or
 * two, by the comparator.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  if (sortsByInsertion(findings, MOVES_PER_FINDING * n)) return findings;
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

/**
 * How far, on average, a finding may have to move for the insertion sort to go on: findings made by
 * end are out of place by the few that nest in them (人民 before 人民共和国 ends), less than one
 * place each in a word list's posts.
 */
const MOVES_PER_FINDING = 2;

/**
 * Sorts `findings` by insertion, unless that takes more than `budget` moves: then returns false,
 * the findings in another order, for a sort that costs no more for being far from the order.
 */
function sortsByInsertion(findings: Finding[], budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i] as Finding;
    let j = i - 1;
    for (; j >= 0 && byFindingOrder(findings[j] as Finding, f) > 0; j--)
      findings[j + 1] = findings[j] as Finding;
    findings[j + 1] = f;
    moves += i - 1 - j;
    if (moves > budget) return false;
  }
  return true;
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
