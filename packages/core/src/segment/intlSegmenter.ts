import type { Segmenter } from "./segmenter.js";
import { segmenterFrom } from "./segmenterFrom.js";

/**
 * The browser's own Chinese word segmenter (ICU dictionary). It cannot take extra words: lexicon
 * terms are kept whole afterwards (`segmenterFrom`).
 */
export function createIntlSegmenter(locale = "zh-CN"): Segmenter {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  return segmenterFrom("intl", function* (text) {
    for (const s of segmenter.segment(text)) yield s.index;
  });
}
