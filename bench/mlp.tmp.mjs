import { ALL_ON, compile, parseLexicon } from "@shengao/core";
import { HitBuffer, scanText, toScanner } from "../packages/core/dist/match/scanner.js";
import { decodeCompiled } from "../packages/core/dist/serialize.js";
import { drawTerms, jiebaWords, post } from "./lib/data.mjs";
import { packJson } from "./lib/engines.mjs";

const n = Number(process.argv[2] ?? 100000);
const terms = drawTerms(jiebaWords(), n);
const maxLen = Math.max(...terms.map((t) => t.length));
const off = Object.fromEntries(Object.keys(ALL_ON).map((k) => [k, false]));
const screener = compile([parseLexicon(packJson(terms, off), "b.json")]);
const [profile] = decodeCompiled(screener.serialize()).profiles;
const sc = toScanner(profile.automaton);
const FAIL = 0,
  PATTERN = 1,
  OUT_LINK = 2,
  CHILDREN = 3,
  HEADER = 4;
const slotOf = (c, mask) => (Math.imul(c, 0x9e3779b1) >>> 15) & mask;
function child(records, s, c) {
  const children = records[s + CHILDREN];
  const first = s + HEADER;
  if (children >= 0) {
    for (let k = first, end = first + 2 * children; k < end; k += 2) {
      const m = records[k];
      if (m === c) return records[k + 1];
      if (m > c) return 0;
    }
    return 0;
  }
  const mask = -children - 1;
  for (let k = slotOf(c, mask); ; k = (k + 1) & mask) {
    const m = records[first + 2 * k];
    if (m === c) return records[first + 2 * k + 1];
    if (m === 0) return 0;
  }
}
function advance(sc, s, c) {
  const records = sc.records;
  for (;;) {
    if (s === 0) return sc.rootNext[c];
    const t = child(records, s, c);
    if (t !== 0) return t;
    s = records[s + FAIL];
  }
}
function report(records, s, i, hits) {
  let o = records[s + PATTERN] !== -1 ? s : records[s + OUT_LINK];
  while (o >= 0) {
    hits.push(records[o + PATTERN], i);
    o = records[o + OUT_LINK];
  }
}
/** two cursors: [0, mid) and [mid - maxLen + 1, length), the second reporting ends >= mid only */
function scan2(sc, text, hits, hits2) {
  const alpha = sc.alpha,
    records = sc.records;
  const length = text.length;
  const mid = length >> 1;
  let i = 0,
    j = Math.max(0, mid - maxLen + 1);
  let s = 0,
    t = 0;
  const n1 = mid,
    n2 = length - j;
  const steps = Math.min(n1, n2);
  for (let k = 0; k < steps; k++, i++, j++) {
    const c = alpha[text.charCodeAt(i)];
    const d = alpha[text.charCodeAt(j)];
    s = c === 0 ? 0 : advance(sc, s, c);
    t = d === 0 ? 0 : advance(sc, t, d);
    if (s !== 0) report(records, s, i, hits);
    if (t !== 0 && j >= mid) report(records, t, j, hits2);
  }
  for (; i < mid; i++) {
    const c = alpha[text.charCodeAt(i)];
    s = c === 0 ? 0 : advance(sc, s, c);
    if (s !== 0) report(records, s, i, hits);
  }
  for (; j < length; j++) {
    const d = alpha[text.charCodeAt(j)];
    t = d === 0 ? 0 : advance(sc, t, d);
    if (t !== 0 && j >= mid) report(records, t, j, hits2);
  }
}
function scan1(sc, text, hits) {
  const alpha = sc.alpha,
    records = sc.records;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = alpha[text.charCodeAt(i)];
    s = c === 0 ? 0 : advance(sc, s, c);
    if (s !== 0) report(records, s, i, hits);
  }
}
const text = post(10000);
const h1 = new HitBuffer(),
  h2 = new HitBuffer(),
  h3 = new HitBuffer();
scanText(sc, text, h1);
const ref = h1.length;
h1.length = 0;
scan2(sc, text, h2, h3);
const got = [...h2.end.slice(0, h2.length), ...h3.end.slice(0, h3.length)];
h1.length = 0;
scanText(sc, text, h1);
console.log(
  "hits",
  ref,
  h2.length + h3.length,
  "same ends",
  JSON.stringify(got) === JSON.stringify([...h1.end.slice(0, h1.length)]),
);
const junk = new Float64Array(8 << 20);
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
const fns = {
  lib: () => {
    h1.length = 0;
    scanText(sc, text, h1);
  },
  one: () => {
    h1.length = 0;
    scan1(sc, text, h1);
  },
  two: () => {
    h2.length = 0;
    h3.length = 0;
    scan2(sc, text, h2, h3);
  },
};
for (let round = 0; round < 3; round++) {
  const cold = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  const warm = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < 31; r++)
    for (const [k, f] of Object.entries(fns)) {
      for (let x = 0; x < junk.length; x += 8) junk[x] += 1;
      let t0 = performance.now();
      f();
      cold[k].push(performance.now() - t0);
      t0 = performance.now();
      f();
      warm[k].push(performance.now() - t0);
    }
  console.log(
    Object.keys(fns)
      .map((k) => `${k} cold ${med(cold[k]).toFixed(3)} warm ${med(warm[k]).toFixed(3)}`)
      .join(" | "),
  );
}
