import { createRequire } from "node:module";
import { type Segmenter, segmenterFrom } from "@shengao/core";

const require = createRequire(import.meta.url);

interface NodeJieba {
  cut(text: string, hmm?: boolean): string[];
}

/**
 * Word segmentation with nodejieba (cppjieba, native), its own dictionary as it ships: lexicon terms
 * are kept whole after the cut (`segmenterFrom`), not inserted into the dictionary, which is
 * process-wide and gave a common word a lower weight than its own (村长们 became one word, and
 * `boundary: true` missed 村长 in it).
 */
export function createJiebaSegmenter(): Segmenter {
  const jieba = require("nodejieba") as NodeJieba;
  return segmenterFrom("nodejieba", (text) => {
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
  });
}
