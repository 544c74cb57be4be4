import { buildAutomaton } from "../match/automaton.js";
import { HitBuffer, type Scanner, scanText, toScanner } from "../match/scanner.js";
import type { Segmenter } from "./segmenter.js";

/**
 * Offsets strictly inside the word `text.slice(from, to)` of a plain cut where the cut joined
 * characters its dictionary holds no word for, by a guess (jieba's hidden Markov model joins an
 * unknown 砖家 to the 们 after it: 这些|砖家们|说). A lexicon term with an edge there is taken as a
 * word. Empty for a word the dictionary holds.
 */
export type GuessedJoins = (text: string, from: number, to: number) => Iterable<number>;

/**
 * A segmenter from a plain one (`cut`: the offsets where words start, ascending, from 0) that keeps
 * lexicon terms whole: the cuts strictly inside an occurrence of a term are dropped, found in linear
 * time with the automaton screening uses. Neither ICU's dictionary nor jieba's takes words as they
 * are: jieba's gives an added word the median weight of added words, lower than a common word's own
 * (村长, 天王), and then joins it to what follows (村长们, 一个天|王在), where a term meant to be found
 * as a whole word should be; and its dictionary is one per process, so a word one screener added
 * changed another's cut (质量最好 added, 最好 was no word in 本店质量最好). Both segmenters see the
 * same terms the same way, and no segmenter's dictionary is changed.
 *
 * An occurrence with neither end where the plain cut has a word edge is not taken for a word: the
 * cut reads other words there, and dropping the cuts inside it took the edge of the word it crosses
 * (台独 in 台独|立场, with 独立 a term too). One with an edge on a cut still counts, and where two
 * terms cross that way neither is a whole word (平|台湾|区, with 湾区 a term: 台湾 is no word there).
 * An edge inside a word the cut only guessed (`guessedJoins`) counts as on a cut, and one with both
 * ends so becomes a word of its own.
 */
export function segmenterFrom(
  name: string,
  cut: (text: string) => Iterable<number>,
  guessedJoins?: GuessedJoins,
): Segmenter {
  const words = new Set<string>();
  let scanner: Scanner | undefined;
  const hits = new HitBuffer();
  return {
    name,
    addWords(list) {
      const added = list.filter((w) => w.length >= 2 && !words.has(w));
      for (const w of added) words.add(w);
      if (added.length > 0) scanner = undefined;
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
      const guessed = guessedJoins && guessedEdges(text, cuts, guessedJoins);
      const onEdge = (at: number) => isCut[at] === 1 || (guessed?.(at) ?? false);
      const inside = new Uint8Array(text.length + 1);
      const added: number[] = [];
      for (let h = 0; h < hits.length; h++) {
        const stop = (hits.end[h] as number) + 1;
        const start = stop - (scanner.patternLength[hits.pattern[h] as number] as number);
        const startOn = onEdge(start);
        const stopOn = onEdge(stop);
        // neither end on a word edge: the cut reads other words there, not this one
        if (!startOn && !stopOn) continue;
        for (let k = start + 1; k < stop; k++) inside[k] = 1;
        if (startOn && stopOn) {
          if (!isCut[start]) added.push(start);
          if (!isCut[stop]) added.push(stop);
        }
      }
      for (const a of added) isCut[a] = 1;
      const kept: number[] = [];
      for (let k = 0; k <= text.length; k++) if (isCut[k] && !inside[k]) kept.push(k);
      return Int32Array.from(kept);
    },
  };
}

/** Whether an offset is one of the guessed joins of the word of `cuts` it lies in, asked per word once. */
function guessedEdges(text: string, cuts: readonly number[], joins: GuessedJoins): (at: number) => boolean {
  const asked = new Map<number, Set<number>>();
  return (at) => {
    // the last cut before `at`: the word it lies strictly inside
    let lo = 0;
    let hi = cuts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cuts[mid] as number) < at) lo = mid;
      else hi = mid - 1;
    }
    const from = cuts[lo] as number;
    const to = cuts[lo + 1] ?? text.length;
    let inWord = asked.get(from);
    if (inWord === undefined) {
      inWord = new Set(joins(text, from, to));
      asked.set(from, inWord);
    }
    return inWord.has(at);
  };
}
