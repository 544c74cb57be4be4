// Bench inputs: lexicons drawn with a fixed seed from jieba's dictionary, and real Chinese text.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const HAN_ONLY = /^\p{Script=Han}+$/u;
export const CORPUS_DIR = join(here, "../../test/corpus");

/** mulberry32: a small seeded generator, so every run draws the same lexicon. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * jieba's dictionary (the one nodejieba ships): every word of two or more Han characters, the stuff
 * of Chinese lexicons (Latin words would also meet shengao's Latin word rule, which peers lack).
 */
export function jiebaWords() {
  const dict = join(
    dirname(require.resolve("nodejieba/package.json")),
    "submodules/cppjieba/dict/jieba.dict.utf8",
  );
  const words = new Set();
  for (const line of readFileSync(dict, "utf8").split("\n")) {
    const word = line.split(" ")[0];
    // single characters would flag nearly every character of any text: no lexicon has those
    if (word && word.length >= 2 && HAN_ONLY.test(word)) words.add(word);
  }
  return [...words];
}

/** `count` distinct words, drawn without replacement (partial Fisher–Yates) with a fixed seed. */
export function drawTerms(words, count, seed = 20261125) {
  if (count > words.length) throw new Error(`only ${words.length} words to draw ${count} from`);
  const pool = words.slice();
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/** The real corpus, repeated until the text reaches about `bytes` of UTF-8. */
export function corpusText(bytes) {
  const docs = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(CORPUS_DIR, f), "utf8"));
  const one = docs.join("\n");
  const times = Math.max(1, Math.round(bytes / Buffer.byteLength(one)));
  return Array.from({ length: times }, () => one).join("\n");
}

/** A post of exactly `chars` UTF-16 units cut from the corpus. */
export function post(chars) {
  return flat(corpusText(chars * 4).slice(0, chars));
}

/**
 * The string as a string of its own. A slice of a long string is, in V8, a view into it that every
 * read goes through: the ceiling loop read such views at 360–480 MB/s and copies at 600–670 MB/s
 * on the same run, and a post from a file or an editor is a string of its own.
 */
function flat(slice) {
  return Buffer.from(slice, "utf16le").toString("utf16le");
}

/**
 * The text cut into posts of at most `chars` UTF-16 units at line ends: the engines screen posts,
 * and one peer's time grows faster than linearly with the length of a single string.
 */
export function posts(text, chars = 10_000) {
  const out = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + chars);
    if (end < text.length) {
      const lineEnd = text.lastIndexOf("\n", end);
      if (lineEnd > start) end = lineEnd + 1;
    }
    out.push(flat(text.slice(start, end)));
    start = end;
  }
  return out;
}
