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
    this.wordBoundaries ??= this.segmenter.boundaries(this.text);
    return contains(this.wordBoundaries, start) && contains(this.wordBoundaries, end);
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
