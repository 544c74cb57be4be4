import { createRequire } from "node:module";
import { type Segmenter, segmenterFrom } from "@shengao/core";

const require = createRequire(import.meta.url);

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
}

/**
 * Word segmentation with nodejieba (cppjieba, native), its own dictionary as it ships and never
 * changed: lexicon terms are kept whole after the cut (`segmenterFrom`). jieba cuts by its dictionary
 * first, then its hidden Markov model joins runs of characters it holds no word for (这些|砖家们|说):
 * the dictionary's cut of such a word (砖|家|们) says where a term it does not know may end.
 */
export function createJiebaSegmenter(): Segmenter {
  const jieba = require("nodejieba") as NodeJieba;
  return segmenterFrom(
    "nodejieba",
    (text) => {
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
    (text, from, to) => {
      const word = text.slice(from, to);
      const pieces = jieba.cut(word, false);
      if (pieces.length < 2 || pieces.join("") !== word) return [];
      const joins: number[] = [];
      let at = from;
      for (const piece of pieces.slice(0, -1)) {
        at += piece.length;
        joins.push(at);
      }
      return joins;
    },
  );
}
