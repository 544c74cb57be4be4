// Timing and memory helpers. Times are medians of runs interleaved across engines, so a burst of
// load on this shared machine hits every engine alike and the ratios hold.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function timed(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

/**
 * Screens the posts in order until all are done or `budgetMs` has passed (a peer that takes
 * minutes per megabyte is measured on the part it finished). Returns MB/s of UTF-8 text.
 */
export function throughput(screen, posts, postBytes, budgetMs) {
  let bytes = 0;
  let done = 0;
  const start = performance.now();
  for (let i = 0; i < posts.length; i++) {
    screen(posts[i]);
    bytes += postBytes[i];
    done++;
    if (performance.now() - start > budgetMs) break;
  }
  const ms = performance.now() - start;
  return { mbPerS: bytes / 1e6 / (ms / 1e3), fraction: done / posts.length };
}

/**
 * Paired timing: each post is screened by every function in turn, who goes first rotating, and
 * each one's time is summed over the same posts; passes over the posts repeat until `minMs` has
 * passed, and stop at `budgetMs`. This machine's speed shifts by half for seconds at a time, so
 * MB/s measured one engine after another compares a ceiling loop's few milliseconds with an
 * engine's seconds; paired on every post, a shift slows all alike and their ratio holds.
 */
export function pairedMs(fns, posts, minMs, budgetMs) {
  const names = Object.keys(fns);
  const ms = Object.fromEntries(names.map((n) => [n, 0]));
  const start = performance.now();
  let turn = 0;
  for (let pass = 0; pass === 0 || performance.now() - start < minMs; pass++) {
    for (const p of posts) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + turn) % names.length];
        const t = performance.now();
        fns[name](p);
        ms[name] += performance.now() - t;
      }
      turn++;
      if (performance.now() - start > budgetMs) return ms;
    }
  }
  return ms;
}

const CHILD = fileURLToPath(new URL("./memory-child.mjs", import.meta.url));

/**
 * Memory of one engine, in fresh processes that read only its input (not the whole dictionary):
 * the terms, or for shengao the pack's JSON text `pack`, written to a file beside them. Returns the
 * peak RSS of a process that builds the engine and screens a post, and the heap the engine retains
 * (measured in other processes, between forced collections): each the median of three processes.
 */
export function peakMemory(engine, termsFile, pack) {
  const packFile = pack === undefined ? undefined : join(dirname(termsFile), "pack.json");
  if (packFile) writeFileSync(packFile, pack);
  const run = (mode) =>
    JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", CHILD, engine, termsFile, packFile ?? "", mode], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      }),
    );
  // a collection's timing moves the peak by several MB from one process to the next
  const runs = [0, 1, 2];
  try {
    return {
      peakRssMb: median(runs.map(() => run("peak").peakRssMb)),
      retainedMb: median(runs.map(() => run("retained").retainedMb)),
    };
  } finally {
    if (packFile) rmSync(packFile);
  }
}
