// pnpm bench: shengao against the matchers a user would pick instead, measured in one process on
// the same lexicons and text, so the ratios hold on a noisy machine. Not part of the tests.
//
//   node bench/run.mjs            full run (1k–300k terms, ~10 MB of text)
//   node bench/run.mjs --quick    1k–100k terms, ~1 MB, fewer runs: for trying a change
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { checkAgreement } from "./lib/agreement.mjs";
import { corpusText, posts as cutPosts, drawTerms, jiebaWords, post } from "./lib/data.mjs";
import { DIAGNOSTICS, ENGINES, WORD_LISTS } from "./lib/engines.mjs";
import { median, pairedMs, peakMemory, throughput, timed } from "./lib/measure.mjs";
import { poetryText } from "./lib/poetry.mjs";
import { renderMarkdown } from "./lib/render.mjs";
import { boundaryAgreement, SEGMENTERS } from "./lib/segmenters.mjs";

const quick = process.argv.includes("--quick");
const SIZES = quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 300_000];
/** The second corpus is measured at the sizes a society's lexicons and an organisation's lists reach. */
const POETRY_SIZES = quick ? [10_000] : [10_000, 100_000];
const TEXT_BYTES = quick ? 1e6 : 10e6;
const BUILD_RUNS = 3;
const POST_RUNS = quick ? 15 : 41;
const THROUGHPUT_RUNS = 3;
/** Posts whose matches are compared across engines before anything is timed. */
const AGREEMENT_POSTS = quick ? 20 : 100;
const BUDGET_MS = quick ? 1_500 : 5_000;
/** the least time the paired ceiling timing takes, in passes over the posts (see pairedMs) */
const PAIRED_MIN_MS = quick ? 1_000 : 3_000;
const PEERS = ["modern-ahocorasick", "modern-ahocorasick/fast", "mint-filter"];
const OUT = new URL("./out/", import.meta.url);

const log = (...args) => console.error(...args);

function machine() {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: loadavg()[0],
  };
}

function benchLexicon(words, size, text) {
  const terms = drawTerms(words, size);
  const names = Object.keys(ENGINES);
  const matchers = {};
  const buildMs = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < BUILD_RUNS; run++) {
    for (const name of names) {
      matchers[name] = undefined; // let the previous build go before timing the next
      const { ms, result } = timed(ENGINES[name].build(terms));
      buildMs[name].push(ms);
      matchers[name] = result;
    }
  }
  const loadMs = {};
  for (const name of names) {
    if (!ENGINES[name].loadCompiled) continue;
    const load = ENGINES[name].loadCompiled(matchers[name]);
    loadMs[name] = median([0, 1, 2].map(() => timed(load).ms));
  }
  const postText = post(10_000);
  const allPosts = cutPosts(text);
  const agreement = checkAgreement(matchers, allPosts.slice(0, AGREEMENT_POSTS));

  const findingsPerPost = Object.fromEntries(names.map((n) => [n, ENGINES[n].screen(matchers[n], postText)]));
  const postMs = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < POST_RUNS; run++) {
    for (const name of names)
      postMs[name].push(timed(() => ENGINES[name].screen(matchers[name], postText)).ms);
  }
  const rates = throughputs(matchers, allPosts);
  const toCeiling = ceilingRatios(matchers, allPosts);
  for (const name of names) matchers[name] = undefined;
  const memory = {};
  const termsFile = join(mkdtempSync(join(tmpdir(), "shengao-bench-")), "terms.json");
  writeFileSync(termsFile, JSON.stringify(terms));
  for (const name of names) {
    const m = peakMemory(name, termsFile, ENGINES[name].pack?.(terms));
    memory[name] = { peakMb: m.peakRssMb, retainedMb: m.retainedMb };
  }
  const wordLists = benchWordLists(terms, postText, termsFile);
  rmSync(dirname(termsFile), { recursive: true });
  const engines = {};
  for (const name of [...names, ...Object.keys(DIAGNOSTICS)]) {
    const engine = name in ENGINES;
    engines[name] = {
      buildMs: engine ? median(buildMs[name]) : null,
      loadCompiledMs: loadMs[name] ?? null,
      postMs: engine ? median(postMs[name]) : null,
      ...rates[name],
      ceilingRatio: toCeiling[name] ?? null,
      memory: memory[name] ?? null,
      findingsPerPost: findingsPerPost[name] ?? null,
    };
  }
  return { terms: size, agreement, engines, wordLists };
}

/** shengao on the same terms written as one entry: build, a 10k-character post, memory. */
function benchWordLists(terms, postText, termsFile) {
  const result = {};
  const names = Object.keys(WORD_LISTS);
  const builds = Object.fromEntries(names.map((n) => [n, []]));
  const screeners = {};
  for (let run = 0; run < BUILD_RUNS; run++) {
    for (const name of names) {
      screeners[name] = undefined;
      const { ms, result: screener } = timed(WORD_LISTS[name].build(terms));
      builds[name].push(ms);
      screeners[name] = screener;
    }
  }
  const posts = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < POST_RUNS; run++) {
    for (const name of names)
      posts[name].push(timed(() => WORD_LISTS[name].screen(screeners[name], postText)).ms);
  }
  for (const name of names) {
    const findingsPerPost = WORD_LISTS[name].screen(screeners[name], postText);
    screeners[name] = undefined;
    const m = peakMemory(name, termsFile, WORD_LISTS[name].pack(terms));
    result[name] = {
      buildMs: median(builds[name]),
      postMs: median(posts[name]),
      memory: { peakMb: m.peakRssMb, retainedMb: m.retainedMb },
      findingsPerPost,
    };
  }
  return result;
}

/**
 * Throughput on the second corpus, real text that is not the first one repeated: the engines built
 * again on the same terms, agreement checked on its first posts, then MB/s as on the first corpus.
 */
function benchSecondCorpus(words, text) {
  const allPosts = cutPosts(text);
  // matches per 10,000 characters are counted on the posts the agreement check reads
  const sample = allPosts.slice(0, AGREEMENT_POSTS);
  const sampleChars = sample.reduce((n, p) => n + p.length, 0);
  const names = Object.keys(ENGINES);
  return POETRY_SIZES.map((size) => {
    const terms = drawTerms(words, size);
    const matchers = Object.fromEntries(names.map((n) => [n, ENGINES[n].build(terms)()]));
    const agreement = checkAgreement(matchers, sample);
    const rates = throughputs(matchers, allPosts);
    const toCeiling = ceilingRatios(matchers, allPosts);
    const engines = {};
    for (const name of names) {
      const found = sample.reduce((n, p) => n + ENGINES[name].screen(matchers[name], p), 0);
      engines[name] = {
        ...rates[name],
        ceilingRatio: toCeiling[name] ?? null,
        matchesPer10k: (found / sampleChars) * 1e4,
      };
    }
    for (const name of Object.keys(DIAGNOSTICS))
      engines[name] = { ...rates[name], ceilingRatio: toCeiling[name] ?? null, matchesPer10k: null };
    return { terms: size, agreement, engines };
  });
}

/**
 * MB/s of every engine and of the diagnostics (the ceiling loop, shengao's matching alone) over
 * the posts, the median of runs in rotating order (who goes first changes), and the least fraction
 * of the text an engine got through in its time budget.
 */
function throughputs(matchers, allPosts) {
  const postBytes = allPosts.map((p) => Buffer.byteLength(p));
  const diagnostics = Object.fromEntries(Object.entries(DIAGNOSTICS).map(([n, make]) => [n, make(matchers)]));
  const order = [...Object.keys(matchers), ...Object.keys(diagnostics)];
  const rates = Object.fromEntries(order.map((n) => [n, []]));
  const fractions = {};
  for (let run = 0; run < THROUGHPUT_RUNS; run++) {
    for (const name of order) {
      const screen = diagnostics[name] ?? ((p) => ENGINES[name].screen(matchers[name], p));
      const { mbPerS, fraction } = throughput(screen, allPosts, postBytes, BUDGET_MS);
      rates[name].push(mbPerS);
      fractions[name] = Math.min(fractions[name] ?? 1, fraction);
    }
    order.push(order.shift()); // rotate who goes first
  }
  return Object.fromEntries(
    Object.entries(rates).map(([name, r]) => [name, { mbPerS: median(r), textScreened: fractions[name] }]),
  );
}

/**
 * Time of shengao's engines and of its matching alone over the ceiling loop's, on the same posts,
 * paired post by post (pairedMs): the ratios the ceiling target reads. The peers, slower than the
 * ceiling by hundreds of times, are compared with it by MB/s only.
 */
function ceilingRatios(matchers, allPosts) {
  const fns = {
    ceiling: DIAGNOSTICS.ceiling(matchers),
    "shengao exact, matching only": DIAGNOSTICS["shengao exact, matching only"](matchers),
  };
  for (const name of ["shengao exact", "shengao normalised"])
    fns[name] = (p) => ENGINES[name].screen(matchers[name], p);
  const ms = pairedMs(fns, allPosts, PAIRED_MIN_MS, BUDGET_MS);
  return Object.fromEntries(Object.keys(fns).map((name) => [name, ms[name] / ms.ceiling]));
}

function benchSegmenters(text) {
  const sample = cutPosts(text).slice(0, quick ? 20 : 100);
  const bytes = sample.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const result = {};
  for (const [name, boundaries] of Object.entries(SEGMENTERS)) {
    boundaries(sample[0]); // load dictionaries before timing
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(timed(() => sample.forEach(boundaries)).ms);
    result[name] = { mbPerS: bytes / 1e6 / (median(runs) / 1e3) };
  }
  for (const name of Object.keys(SEGMENTERS)) {
    const scores = sample.map((p) => boundaryAgreement(p, SEGMENTERS.nodejieba(p), SEGMENTERS[name](p)));
    const mean = (key) => scores.reduce((s, x) => s + x[key], 0) / scores.length;
    result[name].agreement = { precision: mean("precision"), recall: mean("recall"), f1: mean("f1") };
  }
  return { sampleMb: bytes / 1e6, segmenters: result };
}

function extraResults() {
  const read = (file) => {
    const url = new URL(file, OUT);
    return existsSync(url) ? JSON.parse(readFileSync(url, "utf8")) : null;
  };
  return { extension: read("extension-latency.json"), report: read("report-throughput.json") };
}

function writeRecord(results) {
  // the committed record of the last full run; notes written by hand below the marker are kept
  const recordUrl = new URL("./RESULTS.md", import.meta.url);
  const marker = "<!-- notes: written by hand, kept by bench/run.mjs -->";
  const old = existsSync(recordUrl) ? readFileSync(recordUrl, "utf8") : "";
  const notes = old.includes(marker) ? old.slice(old.indexOf(marker)) : `${marker}\n`;
  writeFileSync(recordUrl, `${renderMarkdown(results)}\n${notes}`);
  writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}

function run() {
  const info = machine();
  log(
    `shengao bench (${quick ? "quick" : "full"}) on ${info.cpu}, ${info.cores} cores, load ${info.loadBefore}`,
  );
  const words = jiebaWords();
  const text = corpusText(TEXT_BYTES);
  log(`text: ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB; dictionary: ${words.length} words`);
  const lexicons = [];
  for (const size of SIZES) {
    log(`${size} terms…`);
    lexicons.push(benchLexicon(words, size, text));
  }
  const poetry = poetryText(TEXT_BYTES);
  let secondCorpus = { why: poetry.why };
  if (poetry.text) {
    log(`second corpus: ${(Buffer.byteLength(poetry.text) / 1e6).toFixed(1)} MB of ${poetry.source}…`);
    secondCorpus = {
      source: poetry.source,
      textMb: Buffer.byteLength(poetry.text) / 1e6,
      lexicons: benchSecondCorpus(words, poetry.text),
    };
  } else log(`second corpus left out: ${poetry.why}`);
  log("segmenters…");
  const segmentation = benchSegmenters(text);
  info.loadAfter = loadavg()[0];
  const results = {
    machine: info,
    quick,
    textMb: Buffer.byteLength(text) / 1e6,
    peers: PEERS,
    lexicons,
    secondCorpus,
    segmentation,
    ...extraResults(),
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(new URL("results.json", OUT), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(new URL("results.md", OUT), renderMarkdown(results));
  if (!quick) writeRecord(results);
  console.log(renderMarkdown(results));
}

if (process.argv.includes("--render")) {
  // after running extension-latency.mjs or report-throughput.mjs: fold their latest figures into
  // the record of the last full run without running it again
  const record = JSON.parse(readFileSync(new URL("./results.json", import.meta.url), "utf8"));
  writeRecord({ ...record, ...extraResults() });
  log("bench/RESULTS.md rewritten");
} else {
  run();
}
