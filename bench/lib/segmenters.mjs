// Word segmenters: throughput, and how well the browser-capable ones agree with nodejieba (which
// the CLI uses), scored on word boundaries.
import { createIntlSegmenter } from "@shengao/core";
import { createJiebaSegmenter } from "@shengao/node";
import * as jiebaWasm from "jieba-wasm";

function boundariesFromTokens(text, tokens) {
  const cuts = new Set([0, text.length]);
  let at = 0;
  for (const token of tokens) {
    const found = text.indexOf(token, at);
    if (found < 0) continue;
    cuts.add(found);
    at = found + token.length;
    cuts.add(at);
  }
  return cuts;
}

export const SEGMENTERS = {
  nodejieba: (() => {
    const s = createJiebaSegmenter();
    return (text) => new Set(s.boundaries(text));
  })(),
  "Intl.Segmenter": (() => {
    const s = createIntlSegmenter();
    return (text) => new Set(s.boundaries(text));
  })(),
  "jieba-wasm": (text) => boundariesFromTokens(text, jiebaWasm.cut(text, true)),
};

/**
 * Precision, recall and F1 of `candidate`'s inner word boundaries against `reference`'s, counting
 * only boundaries between two Han characters (both agree on punctuation and spaces trivially).
 */
export function boundaryAgreement(text, reference, candidate) {
  const han = /\p{Script=Han}/u;
  const inner = (cuts) =>
    [...cuts].filter((i) => i > 0 && i < text.length && han.test(text[i - 1]) && han.test(text[i]));
  const ref = new Set(inner(reference));
  const cand = inner(candidate);
  const shared = cand.filter((i) => ref.has(i)).length;
  const precision = shared / cand.length;
  const recall = shared / ref.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
