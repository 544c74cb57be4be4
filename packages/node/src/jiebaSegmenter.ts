import { createRequire } from "node:module";
import type { Segmenter } from "@shengao/core";

const require = createRequire(import.meta.url);

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

/**
 * Word segmentation with nodejieba (cppjieba, native). Its dictionary is process-wide, so words
 * added for one screener stay known to the next: harmless, since they are lexicon terms.
 */
export function createJiebaSegmenter(): Segmenter {
  const jieba = require("nodejieba") as NodeJieba;
  const added = new Set<string>();
  return {
    name: "nodejieba",
    addWords(words) {
      for (const w of words) {
        if (added.has(w) || w.length < 2 || /\s/.test(w)) continue;
        jieba.insertWord(w);
        added.add(w);
      }
    },
    boundaries(text) {
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
      if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
      return Int32Array.from(new Set(cuts));
    },
  };
}
