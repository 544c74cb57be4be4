// Before anything is timed, the engines must agree on what plain exact matching finds: otherwise
// the fastest one might just be doing less.
import { ENGINES } from "./engines.mjs";

const key = ([start, end]) => `${start}:${end}`;
const sortedKeys = (spans) => spans.map(key).sort();

function sameList(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Throws with the first difference; returns how many matches were compared. */
export function checkAgreement(matchers, posts) {
  const ref = "modern-ahocorasick";
  let matches = 0;
  let extraNormalised = 0;
  let mintMissedOverlapping = 0;
  let distinctWords = 0;
  let selfOverlapping = 0;
  let mintMissedOther = 0;
  let mintMissedExample;
  posts.forEach((text, n) => {
    const reference = sortedKeys(ENGINES[ref].spans(matchers[ref], text));
    const referenceSet = new Set(reference);
    matches += reference.length;
    const fast = sortedKeys(
      ENGINES["modern-ahocorasick/fast"].spans(matchers["modern-ahocorasick/fast"], text),
    );
    if (!sameList(fast, reference)) fail("modern-ahocorasick/fast", n, fast, reference, text);
    // shengao reports an entry's overlapping hits once, the leftmost (深深 twice in 深深深 is one
    // finding, not two marks over each other): an occurrence that overlaps a reported one of the
    // same term is the only thing it may leave out
    const exact = sortedKeys(ENGINES["shengao exact"].spans(matchers["shengao exact"], text));
    const exactSet = new Set(exact);
    const selfOverlapped = reference.filter((k) => !exactSet.has(k));
    if (
      exact.some((k) => !referenceSet.has(k)) ||
      !selfOverlapped.every((k) => overlapsSameTerm(k, exact, text))
    )
      fail("shengao exact", n, exact, reference, text);
    selfOverlapping += selfOverlapped.length;
    const normalised = new Set(
      sortedKeys(ENGINES["shengao normalised"].spans(matchers["shengao normalised"], text)),
    );
    const missing = reference.filter((k) => !normalised.has(k) && !selfOverlapped.includes(k));
    if (missing.length > 0) fail("shengao normalised", n, [...normalised], reference, text);
    extraNormalised += [...normalised].filter((k) => !referenceSet.has(k)).length;
    const words = new Set(ENGINES["mint-filter"].words(matchers["mint-filter"], text));
    const spans = reference.map((k) => k.split(":").map(Number));
    const expected = new Set(spans.map((s) => text.slice(...s)));
    // mint-filter moves on past each match it reports, so it never reports a term whose every
    // occurrence overlaps another match (国人 in 中国人, 体会 in 全体会员, 福建省 after 福建).
    // It also has no failure links: when a longer term that began earlier fails, it resumes after
    // it, missing what began inside (如雨 in 泪如雨。 when 泪如雨下 is a term). Those misses are
    // counted and shown; a word it reports that is not there is a disagreement.
    const overlapped = (word) =>
      spans
        .filter((s) => text.slice(...s) === word)
        .every(([start, end]) =>
          spans.some(([s2, e2]) => s2 < end && e2 > start && (s2 !== start || e2 !== end)),
        );
    if ([...words].some((w) => !expected.has(w))) {
      fail("mint-filter", n, [...words].sort(), [...expected].sort(), text);
    }
    const missed = [...expected].filter((w) => !words.has(w));
    const unexplained = missed.filter((w) => !overlapped(w));
    mintMissedOverlapping += missed.length - unexplained.length;
    mintMissedOther += unexplained.length;
    mintMissedExample ??= unexplained[0];
    distinctWords += expected.size;
  });
  return {
    posts: posts.length,
    matches,
    extraNormalised,
    distinctWords,
    mintMissedOverlapping,
    selfOverlapping,
    mintMissedOther,
    mintMissedExample,
  };
}

/** True when span `key` overlaps another of `spans` over the same text (the same term). */
function overlapsSameTerm(key, spans, text) {
  const [start, end] = key.split(":").map(Number);
  const term = text.slice(start, end);
  return spans.some((k) => {
    const [s, e] = k.split(":").map(Number);
    return s < end && e > start && s !== start && text.slice(s, e) === term;
  });
}

function fail(name, post, got, expected, text) {
  const missing = expected.filter((x) => !got.includes(x)).slice(0, 5);
  const extra = got.filter((x) => !expected.includes(x)).slice(0, 5);
  const show = (k) => (k.includes(":") ? `${k} ${text.slice(...k.split(":").map(Number))}` : k);
  throw new Error(
    `${name} disagrees with modern-ahocorasick on post ${post}: ${got.length} vs ${expected.length}; ` +
      `missing [${missing.map(show).join(", ")}], extra [${extra.map(show).join(", ")}]`,
  );
}
