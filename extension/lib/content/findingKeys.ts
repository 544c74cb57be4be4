import type { Finding } from "@shengao/core";

/**
 * A problem as the user's choices name it (仍然发布 accepting it, 全部忽略 letting it be): its rule,
 * and the words it is about, wherever they stand.
 */
export const problemKey = (f: Finding) => `${f.ruleId}\n${f.text}`;

/** Characters on each side of an occurrence, within its paragraph, that say which one it is. */
export const OCCURRENCE_CONTEXT = 12;

/**
 * One occurrence as 忽略 names it after a reload, when offsets say nothing: its rule, its words and
 * the words around them in their paragraph of `text`. The same words written in the same place
 * again match it, wherever other paragraphs move it.
 */
export function occurrenceKey(f: Pick<Finding, "ruleId" | "start" | "end">, text: string): string {
  const before = text.slice(Math.max(0, f.start - OCCURRENCE_CONTEXT), f.start);
  const after = text.slice(f.end, f.end + OCCURRENCE_CONTEXT);
  const lineEnd = after.indexOf("\n");
  return `${f.ruleId}\n${before.slice(before.lastIndexOf("\n") + 1)}\n${text.slice(f.start, f.end)}\n${
    lineEnd < 0 ? after : after.slice(0, lineEnd)
  }`;
}

/** Hashes a draft's signature keeps: the smallest of those of its five-character runs. */
const SIGNATURE_SIZE = 24;
const SHINGLE = 5;
/** The share of a signature's hashes a text must hold to hold that draft. */
const SAME_DRAFT = 0.5;
/** A signature this short (a draft of a few characters) must be held whole. */
const TINY_SIGNATURE = 4;

/**
 * The hashes of a text's five-character runs (FNV-1a of their units), spaces left out: what a
 * draft's signature is tested against (holdsDraft).
 */
export function draftRuns(text: string): Set<number> {
  const t = text.replace(/\s+/g, "");
  const hashes = new Set<number>();
  if (t.length === 0) return hashes;
  const last = Math.max(0, t.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(t.length, i + SHINGLE); j++) h = Math.imul(h ^ t.charCodeAt(j), 0x01000193);
    hashes.add(h >>> 0);
  }
  return hashes;
}

/**
 * A small sketch of a draft (the smallest hashes of its five-character runs: a bottom-k MinHash),
 * kept with a choice made in it instead of its text: `holdsDraft` says whether a text met later
 * holds most of that draft, so the choice is taken back into that draft shown again (grown since,
 * or edited a little), not into another written at the same address.
 */
export function draftSignature(text: string): number[] {
  return [...draftRuns(text)].sort((a, b) => a - b).slice(0, SIGNATURE_SIZE);
}

/** Whether a text (its runs) holds the draft of `signature`: half its hashes or more, all for a tiny one. */
export function holdsDraft(signature: readonly number[], runs: ReadonlySet<number>): boolean {
  if (signature.length === 0) return false;
  const held = signature.filter((h) => runs.has(h)).length;
  return signature.length < TINY_SIGNATURE
    ? held === signature.length
    : held >= SAME_DRAFT * signature.length;
}

/**
 * Which draft is open, by the page's address: an editor may open another draft without loading a
 * page (its address changes), and the choices made for one draft do not hold for the next.
 */
export class DraftAddress {
  private at: string | undefined;

  constructor(private readonly where: () => string = () => "") {}

  /** True when the address differs from the one seen at the last call (and at the first call). */
  changed(): boolean {
    const here = this.where();
    if (this.at === here) return false;
    this.at = here;
    return true;
  }
}

/** Findings that would draw the same marks: the overlay is re-rendered only when this changes. */
export function findingsKey(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.ruleId}@${f.start}-${f.end}:${f.severity}`).join("|");
}

/**
 * Moves findings across an edit so underlines stay on their words while the user types, before the
 * debounced re-screen: findings before the edit stay, findings after it shift, findings it touched
 * are dropped.
 */
export function shiftFindings(findings: readonly Finding[], before: string, after: string): Finding[] {
  return shiftSpans(findings, before, after, (f, delta) => {
    const fix = f.fix && { ...f.fix, start: f.fix.start + delta, end: f.fix.end + delta };
    return { ...f, start: f.start + delta, end: f.end + delta, ...(fix ? { fix } : {}) };
  });
}

/**
 * Spans of `before` carried into `after`, which differs from it by one edit: spans before the edit
 * stay, spans after it are moved by `move`, spans the edit touched are dropped. Where the edit
 * could have been made at several places (北 typed before 北韩 reads the same as 北 typed after
 * the first 北), a span is kept if one of those places leaves it untouched.
 */
export function shiftSpans<T extends { start: number; end: number }>(
  spans: readonly T[],
  before: string,
  after: string,
  move: (span: T, delta: number) => T = (span, delta) => ({
    ...span,
    start: span.start + delta,
    end: span.end + delta,
  }),
): T[] {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  const delta = after.length - before.length;
  // the edit removes `removed` units of `before` from a place between `first` and `last`
  let first: number;
  let last: number;
  let removed: number;
  if (prefix + suffix >= shortest) {
    // only an insertion or only a deletion: it may slide along a repeated stretch
    removed = Math.max(0, -delta);
    first = Math.max(0, before.length - suffix - removed);
    last = Math.min(prefix, before.length - removed);
  } else {
    first = last = prefix;
    removed = before.length - suffix - prefix;
  }
  const kept: T[] = [];
  for (const span of spans) {
    if (span.end <= last) kept.push(span);
    else if (span.start >= first + removed) kept.push(move(span, delta));
  }
  return kept;
}
