/**
 * What each automaton pattern means to the rules, laid out for the screen's inner loop. Per pattern
 * four ints side by side: its length, then, when one rule string made it (nearly always), that
 * string's rule, role and arg. In a big lexicon a hit read the pattern's length, where its targets
 * start and the targets themselves from four arrays, a cache miss each; here it reads one place.
 */
export interface PatternTargets {
  /** per pattern: length, rule, role, arg; or, for a pattern several strings made: length, -1, offset in `shared`, count */
  info: Int32Array;
  /** (rule, role, arg) triples of the patterns several strings made */
  shared: Int32Array;
}

export const INFO_WIDTH = 4;

/**
 * From the compiled form: the targets of pattern p are the triples data[start[p] .. start[p + 1]).
 */
export function packTargets(
  patternLength: Int32Array,
  start: readonly number[],
  data: readonly number[],
): PatternTargets {
  const patterns = patternLength.length;
  const info = new Int32Array(INFO_WIDTH * patterns);
  let sharedLength = 0;
  for (let p = 0; p < patterns; p++) {
    const count = ((start[p + 1] as number) - (start[p] as number)) / 3;
    if (count !== 1) sharedLength += 3 * count;
  }
  const shared = new Int32Array(sharedLength);
  let next = 0;
  for (let p = 0; p < patterns; p++) {
    const at = INFO_WIDTH * p;
    const from = start[p] as number;
    const count = ((start[p + 1] as number) - from) / 3;
    info[at] = patternLength[p] as number;
    if (count === 1) {
      info[at + 1] = data[from] as number;
      info[at + 2] = data[from + 1] as number;
      info[at + 3] = data[from + 2] as number;
    } else {
      info[at + 1] = -1;
      info[at + 2] = next;
      info[at + 3] = count;
      for (let k = 0; k < 3 * count; k++) shared[next++] = data[from + k] as number;
    }
  }
  return { info, shared };
}
