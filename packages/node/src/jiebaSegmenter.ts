import { createRequire } from "node:module";
import { type Segmenter, segmenterFrom } from "@shengao/core";

const require = createRequire(import.meta.url);

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

/**
 * Word segmentation with nodejieba (cppjieba, native), its own dictionary as it ships: lexicon terms
 * are kept whole after the cut (`segmenterFrom`). A term jieba knows is not inserted into its
 * dictionary, which is process-wide and gave a common word a lower weight than its own (村长们
 * became one word, and `boundary: true` missed 村长 in it). A term of Han characters it does not
 * know (its own cut splits it) is: its hidden Markov model joined such a word to what follows
 * (这些|砖家们|说), and no cut was left at the term's end.
 */
export function createJiebaSegmenter(): Segmenter {
  const jieba = require("nodejieba") as NodeJieba;
  // looked at on the first cut, not when added: loading jieba's dictionary takes a second, and a
  // text with no hit of a whole-word term never needs it
  const pending: string[] = [];
  const learn = () => {
    for (const w of pending) {
      if (lookedAt.has(w) || !ONLY_HAN.test(w)) continue;
      lookedAt.add(w);
      const own = jieba.cut(w, false);
      if (own.length !== 1 || own[0] !== w) jieba.insertWord(w);
    }
    pending.length = 0;
  };
  return segmenterFrom(
    "nodejieba",
    (text) => {
      if (pending.length > 0) learn();
      const cuts = [0];
      let at = 0;
      for (const token of jieba.cut(text, true)) {
        // tokens normally tile the text; find each one so a dropped character can't shift offsets
        const found = text.startsWith(token, at) ? at : text.indexOf(token, at);
        if (found < 0) continue;
        if (found > at) cuts.push(found);
        at = found + token.length;
        cuts.push(at);
      }
      return new Set(cuts);
    },
    (words) => {
      for (const w of words) pending.push(w);
    },
  );
}

/** Words already looked at: jieba's dictionary is one per process, whichever segmenter added them. */
const lookedAt = new Set<string>();
const ONLY_HAN = /^\p{Script=Han}+$/u;
