// The engines the bench compares, behind one shape: build a matcher from terms, then screen texts.
import { ALL_ON, compile, loadCompiled, parseLexicon } from "@shengao/core";
import { Mint } from "mint-filter";
import AhoCorasick from "modern-ahocorasick";
import FastAhoCorasick from "modern-ahocorasick/fast";
// internals, for the matching-only diagnostic: the core exports no scan without findings
import { HitBuffer, scanText, toScanner } from "../../packages/core/dist/match/scanner.js";
import { decodeCompiled } from "../../packages/core/dist/serialize.js";

const ALL_OFF = Object.fromEntries(Object.keys(ALL_ON).map((name) => [name, false]));

/** A lexicon pack as an organisation would ship a big word list: JSON, one entry per term. */
export function packJson(terms, normalize) {
  return pack(
    normalize,
    terms.map((term, i) => ({ id: `t${i}`, kind: "term", terms: [term], message: "基准词" })),
  );
}

/** The same terms as one word list: a single entry, as a reviewer would write a long list. */
export function wordListJson(terms, normalize) {
  return pack(normalize, [{ id: "words", kind: "term", terms, message: "基准词" }]);
}

function pack(normalize, entries) {
  return asRead(
    JSON.stringify({
      id: "bench",
      name: "基准测试词库",
      version: "1.0.0",
      defaults: { severity: "warning", category: "基准", normalize },
      entries,
    }),
  );
}

/**
 * The text as reading it from a file gives it: one flat string. JSON.stringify returns a rope of
 * pieces, which the first reader copies whole (12 MB for 100k entries, charged to whoever reads it
 * first); a lexicon file read from disk or storage is never one.
 */
function asRead(text) {
  return Buffer.from(text, "utf8").toString("utf8");
}

function shengao(name, normalize, toJson = packJson) {
  // the build a user pays for: parse, validate and compile the pack
  const fromPack = (json) => () => compile([parseLexicon(json, "bench.json")]);
  return {
    name,
    build: (terms) => fromPack(toJson(terms, normalize)),
    // the pack's JSON text, for a process that reads it from a file as a user's would (peakMemory)
    pack: (terms) => toJson(terms, normalize),
    fromPack,
    // what the extension and `lexicon build` users pay instead: load the compiled form
    loadCompiled(screener) {
      const json = asRead(JSON.stringify(screener.serialize()));
      return () => loadCompiled(JSON.parse(json));
    },
    screen: (screener, text) => screener.screen(text).length,
    spans: (screener, text) => screener.screen(text).map((f) => [f.start, f.end]),
  };
}

export const ENGINES = {
  "shengao exact": shengao("shengao exact", ALL_OFF),
  "shengao normalised": shengao("shengao normalised", ALL_ON),
  "modern-ahocorasick": {
    name: "modern-ahocorasick",
    build: (terms) => () => new AhoCorasick(terms),
    screen: (matcher, text) => matcher.search(text).length,
    spans: (matcher, text) => matcher.search(text).map((m) => [m.start, m.end]),
  },
  "modern-ahocorasick/fast": {
    name: "modern-ahocorasick/fast",
    build: (terms) => () => new FastAhoCorasick(terms),
    screen: (matcher, text) => matcher.search(text).length,
    spans: (matcher, text) => matcher.search(text).map((m) => [m.start, m.end]),
  },
  "mint-filter": {
    name: "mint-filter",
    build: (terms) => () => new Mint(terms),
    // mint-filter reports which words occur, not where: its agreement is checked on that set
    screen: (mint, text) => mint.filter(text, { replace: false }).words.length,
    words: (mint, text) => mint.filter(text, { replace: false }).words,
  },
};

/**
 * shengao on the same terms written as one word list. Built, timed and weighed like the engines,
 * but kept out of the agreement check: within one entry, overlapping hits resolve to the leftmost
 * longest, so it reports fewer matches than a matcher that reports every occurrence.
 */
export const WORD_LISTS = {
  "shengao exact, one word list": shengao("shengao exact, one word list", ALL_OFF, wordListJson),
  "shengao normalised, one word list": shengao("shengao normalised, one word list", ALL_ON, wordListJson),
};

/** The ceiling: a loop that only reads every character. */
export function readEveryChar(text) {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/**
 * shengao exact's automaton passing over the text, with no finding made: set beside the ceiling,
 * it shows how much of shengao's time is the matching itself and how much is making findings.
 */
function matchingOnly(screener) {
  const [profile] = decodeCompiled(screener.serialize()).profiles;
  const scanner = toScanner(profile.automaton);
  const hits = new HitBuffer();
  return (text) => {
    hits.length = 0;
    scanText(scanner, text, hits);
    return hits.length;
  };
}

/** Measured for MB/s beside the engines, from the built engines: not engines themselves. */
export const DIAGNOSTICS = {
  "shengao exact, matching only": (matchers) => matchingOnly(matchers["shengao exact"]),
  ceiling: () => readEveryChar,
};
