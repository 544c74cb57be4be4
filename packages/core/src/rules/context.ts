import type { Segmenter } from "../segment/segmenter.js";

/** What rules may ask about the text being screened; the word boundaries are computed once, lazily. */
export class ScreenContext {
  private wordBoundaries: Int32Array | undefined;

  constructor(
    readonly text: string,
    private readonly segmenter: Segmenter | undefined,
  ) {}

  /** True when [start, end) begins and ends on word boundaries of the segmented text. */
  isWholeWord(start: number, end: number): boolean {
    if (!this.segmenter) return true;
    if (hasSkippable(this.text, start, end)) return this.isWholeWordOnceJoined(start, end);
    this.wordBoundaries ??= this.segmenter.boundaries(this.text);
    return contains(this.wordBoundaries, start) && contains(this.wordBoundaries, end);
  }

  /**
   * A hit with characters skipped inside (罪\u200B犯, 罪😀犯): the segmenter would cut the text
   * at them and join the halves to their neighbours (的罪 | 犯), so that a zero-width space was
   * enough to slip a term past `boundary: true`. The words around the hit, up to the nearest
   * character that is neither letter nor digit (where segmenters cut anyway), are segmented again
   * with the hit's own letters and digits joined.
   */
  private isWholeWordOnceJoined(start: number, end: number): boolean {
    const t = this.text;
    let from = start;
    while (from > 0 && start - from < WINDOW && isLetterOrDigit(t, from - 1)) from--;
    let to = end;
    while (to < t.length && to - end < WINDOW && isLetterOrDigit(t, to)) to++;
    let joined = t.slice(from, start);
    const joinedStart = joined.length;
    for (let i = start; i < end; i++) if (isLetterOrDigit(t, i)) joined += t[i];
    const joinedEnd = joined.length;
    joined += t.slice(end, to);
    const cuts = (this.segmenter as Segmenter).boundaries(joined);
    return contains(cuts, joinedStart) && contains(cuts, joinedEnd);
  }

  /**
   * Latin letters and digits form words of their own even without a segmenter: a term that begins
   * or ends with one must not continue a longer Latin word (noise skipping would otherwise join
   * "cheap vacation" into a hit on "pva").
   */
  respectsLatinWords(start: number, end: number): boolean {
    const t = this.text;
    if (isLatinWordChar(t.charCodeAt(start)) && isLatinWordChar(t.charCodeAt(start - 1))) return false;
    if (isLatinWordChar(t.charCodeAt(end - 1)) && isLatinWordChar(t.charCodeAt(end))) return false;
    return true;
  }
}

/** Characters read on each side of a hit with skipped characters, at most. */
const WINDOW = 32;

/** A letter or a digit of any script: what a term needs to be more than punctuation (validation too). */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The code unit at `i` belongs to a letter or digit (either half of 𠮷, none of 😀). */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return LETTER_OR_DIGIT.test(text[i] as string);
  const start = c >= 0xdc00 && i > 0 ? i - 1 : i;
  const point = text.codePointAt(start) as number;
  return point > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(point));
}

function hasSkippable(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isLetterOrDigit(text, i)) return true;
  return false;
}

function isLatinWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

function contains(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
