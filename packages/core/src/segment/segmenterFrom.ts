import { buildAutomaton } from "../match/automaton.js";
import { HitBuffer, type Scanner, scanText, toScanner } from "../match/scanner.js";
import type { Segmenter } from "./segmenter.js";

/**
 * A segmenter from a plain one (`cut`: the offsets where words start, ascending, from 0) that keeps
 * lexicon terms whole: the cuts strictly inside an occurrence of a term are dropped, found in linear
 * time with the automaton screening uses. Neither ICU's dictionary nor jieba's takes words as they
 * are: jieba's gives an added word the median weight of added words, lower than a common word's own
 * (村长, 天王), and then joins it to what follows (村长们, 一个天|王在), where a term meant to be found
 * as a whole word should be. Both segmenters see the same terms the same way.
 *
 * An occurrence with neither end where the plain cut has a word edge is not taken for a word: the
 * cut reads other words there, and dropping the cuts inside it took the edge of the word it crosses
 * (台独 in 台独|立场, with 独立 a term too). One with an edge on a cut still counts, and where two
 * terms cross that way neither is a whole word (平|台湾|区, with 湾区 a term: 台湾 is no word there).
 * `learn` is told the words added, for a segmenter that can take some of them into its dictionary.
 */
export function segmenterFrom(
  name: string,
  cut: (text: string) => Iterable<number>,
  learn?: (words: readonly string[]) => void,
): Segmenter {
  const words = new Set<string>();
  let scanner: Scanner | undefined;
  const hits = new HitBuffer();
  return {
    name,
    addWords(list) {
      const added = list.filter((w) => w.length >= 2 && !words.has(w));
      for (const w of added) words.add(w);
      if (added.length > 0) {
        learn?.(added);
        scanner = undefined;
      }
    },
    boundaries(text) {
      const cuts = [...cut(text)];
      if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
      if (words.size === 0) return Int32Array.from(cuts);
      scanner ??= toScanner(buildAutomaton([...words]));
      hits.length = 0;
      scanText(scanner, text, hits);
      const isCut = new Uint8Array(text.length + 1);
      for (const c of cuts) isCut[c] = 1;
      const inside = new Uint8Array(text.length + 1);
      for (let h = 0; h < hits.length; h++) {
        const stop = (hits.end[h] as number) + 1;
        const start = stop - (scanner.patternLength[hits.pattern[h] as number] as number);
        // neither end on a word edge: the plain cut reads other words there, not this one
        if (!isCut[start] && !isCut[stop]) continue;
        for (let k = start + 1; k < stop; k++) inside[k] = 1;
      }
      return Int32Array.from(cuts.filter((c) => !inside[c]));
    },
  };
}
