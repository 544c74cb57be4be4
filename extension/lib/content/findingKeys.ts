import type { Finding } from "@shengao/core";

/** Findings that would draw the same marks: the overlay is re-rendered only when this changes. */
export function findingsKey(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.ruleId}@${f.start}-${f.end}:${f.severity}`).join("|");
}

/**
 * The key that "忽略" (ignore) remembers one occurrence by: rule, text, and which occurrence of that
 * text it is, so it survives edits elsewhere in the draft.
 */
export function occurrenceKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.ruleId}|${f.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/**
 * Moves findings across an edit so underlines stay on their words while the user types, before the
 * debounced re-screen: findings before the edit stay, findings after it shift, findings it touched
 * are dropped.
 */
export function shiftFindings(findings: readonly Finding[], before: string, after: string): Finding[] {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: Finding[] = [];
  for (const f of findings) {
    if (f.end <= prefix) kept.push(f);
    else if (f.start >= editEnd) {
      const fix = f.fix && { ...f.fix, start: f.fix.start + delta, end: f.fix.end + delta };
      kept.push({ ...f, start: f.start + delta, end: f.end + delta, ...(fix ? { fix } : {}) });
    }
  }
  return kept;
}
