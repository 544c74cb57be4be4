import { Role } from "./rule.js";

/**
 * What each automaton pattern means to the rules, laid out for the screen's inner loop. Per pattern
 * four ints side by side: its length, then, when one rule string made it (nearly always), that
 * string's rule, role and arg. In a big lexicon a hit read the pattern's length, where its targets
 * start and the targets themselves from three arrays, a cache miss each; here it reads one place.
 */
export interface PatternTargets {
  /** per pattern, PATTERN_WIDTH ints at the columns below */
  byPattern: Int32Array;
  /** (rule, role, arg) triples of the patterns several strings made */
  shared: Int32Array;
}

export const PATTERN_WIDTH = 4;
export const LENGTH = 0;
/** the rule of the pattern's one target, or -1: several, in `shared` */
export const RULE = 1;
export const ROLE = 2;
export const ARG = 3;
/** with RULE -1: where the pattern's triples start in `shared`, and how many there are */
export const SHARED_AT = 2;
export const SHARED_COUNT = 3;

/**
 * From the compiled form: the targets of pattern p are the triples data[start[p] .. start[p + 1]).
 */
export function packTargets(
  patternLength: Int32Array,
  start: ArrayLike<number>,
  data: ArrayLike<number>,
): PatternTargets {
  const patterns = patternLength.length;
  const byPattern = new Int32Array(PATTERN_WIDTH * patterns);
  let sharedLength = 0;
  for (let p = 0; p < patterns; p++) {
    const count = ((start[p + 1] as number) - (start[p] as number)) / 3;
    if (count !== 1) sharedLength += 3 * count;
  }
  const shared = new Int32Array(sharedLength);
  let next = 0;
  for (let p = 0; p < patterns; p++) {
    const at = PATTERN_WIDTH * p;
    const from = start[p] as number;
    const count = ((start[p + 1] as number) - from) / 3;
    byPattern[at + LENGTH] = patternLength[p] as number;
    if (count === 1) {
      byPattern[at + RULE] = data[from] as number;
      byPattern[at + ROLE] = data[from + 1] as number;
      byPattern[at + ARG] = data[from + 2] as number;
    } else {
      byPattern[at + RULE] = -1;
      byPattern[at + SHARED_AT] = next;
      byPattern[at + SHARED_COUNT] = count;
      for (let k = 0; k < 3 * count; k++) shared[next++] = data[from + k] as number;
    }
  }
  return { byPattern, shared };
}

/** A direct code keeps the pattern's length in its low bits, then whether it is lone, its rule above. */
const LENGTH_BITS = 8;
const LENGTH_MASK = (1 << LENGTH_BITS) - 1;
const LONE = 1 << LENGTH_BITS;
const RULE_SHIFT = LENGTH_BITS + 1;

/**
 * What a hit on pattern p reports (see toScanner): for a pattern whose one target is a plain hit of
 * one rule (a word list's every word), that rule and the pattern's length themselves, ≥ 0; for any
 * other, -(p + 2), read through `byPattern`. A big lexicon's hit then reads no cold line of the
 * pattern table. `lone`: the screener makes each hit of such a pattern a finding of its own (see
 * `isLone`), which the code then says too.
 */
export function hitCode(targets: PatternTargets, p: number, lone = false): number {
  const { byPattern } = targets;
  const at = PATTERN_WIDTH * p;
  const rule = byPattern[at + RULE] as number;
  const length = byPattern[at + LENGTH] as number;
  const direct =
    rule >= 0 &&
    rule < 2 ** (31 - RULE_SHIFT) &&
    byPattern[at + ROLE] === Role.hit &&
    byPattern[at + ARG] === 0 &&
    length <= LENGTH_MASK;
  return direct ? (rule << RULE_SHIFT) | (lone ? LONE : 0) | length : -(p + 2);
}

/** The rule of a direct code (≥ 0). */
export const ruleOfCode = (code: number) => code >> RULE_SHIFT;
/** The pattern length of a direct code (≥ 0). */
export const lengthOfCode = (code: number) => code & LENGTH_MASK;
/** Whether a direct code (≥ 0) was made lone. */
export const isLoneCode = (code: number) => (code & LONE) !== 0;
/** The pattern of a code < 0. */
export const patternOfCode = (code: number) => -code - 2;
