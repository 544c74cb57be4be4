import { buildAutomaton } from "../match/automaton.js";
import { HitBuffer, type Scanner, scanText, toScanner } from "../match/scanner.js";
import type { Segmenter } from "./segmenter.js";

/**
 * The browser's own Chinese word segmenter (ICU dictionary). It cannot take extra words, so lexicon
 * terms are merged afterwards: cuts strictly inside an occurrence of a term are removed, found in
 * linear time with the same automaton the screening uses.
 */
export function createIntlSegmenter(locale = "zh-CN"): Segmenter {
  const segmenter = new Intl.Segmenter(locale, { granularity: "word" });
  const words = new Set<string>();
  let scanner: Scanner | undefined;
  const hits = new HitBuffer();
  return {
    name: "intl",
    addWords(list) {
      for (const w of list) if (w.length >= 2) words.add(w);
      scanner = undefined;
    },
    boundaries(text) {
      const cuts: number[] = [];
      for (const s of segmenter.segment(text)) cuts.push(s.index);
      cuts.push(text.length);
      if (words.size === 0) return Int32Array.from(cuts);
      scanner ??= toScanner(buildAutomaton([...words]));
      hits.length = 0;
      scanText(scanner, text, hits);
      const inside = new Uint8Array(text.length + 1);
      for (let h = 0; h < hits.length; h++) {
        const end = hits.end[h] as number;
        const length = scanner.patternLength[hits.pattern[h] as number] as number;
        for (let k = end - length + 2; k <= end; k++) inside[k] = 1;
      }
      return Int32Array.from(cuts.filter((c) => !inside[c]));
    },
  };
}
