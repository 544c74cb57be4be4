// Run by measure.peakMemory in a fresh process: builds one engine from a file (shengao from the
// pack's JSON text, read as a user's lexicon file is; the peers from the term array), screens a
// post, and prints the process's peak resident memory (Node itself and the input included, so it
// overstates the engine's share), or with `retained` the heap the built engine retains (measured
// between forced collections, which change the peak: so in a process of its own).
import { existsSync, readFileSync } from "node:fs";
import { post } from "./data.mjs";
import { ENGINES, WORD_LISTS } from "./engines.mjs";

const [name, termsFile, packFile, mode] = process.argv.slice(2);
const engine = ENGINES[name] ?? WORD_LISTS[name];
const text = post(10_000);
// made here, the pack's JSON text would leave the garbage of 100,000 objects stringified in this
// process, pages a user's process never has
const build = packFile
  ? engine.fromPack(readFileSync(packFile, "utf8"))
  : engine.build(JSON.parse(readFileSync(termsFile, "utf8")));
if (mode === "retained") {
  globalThis.gc();
  const before = process.memoryUsage();
  const matcher = build();
  engine.screen(matcher, text);
  globalThis.gc();
  const after = process.memoryUsage();
  const retainedMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  process.stdout.write(JSON.stringify({ retainedMb, engineAlive: matcher !== undefined }));
} else {
  // no collection forced, as in a user's process: one forced before the build moved the peaks (at
  // 100,000 terms it raised shengao's by 13 MB and lowered mint-filter's by 6 MB)
  const matcher = build();
  engine.screen(matcher, text);
  process.stdout.write(JSON.stringify({ peakRssMb: peakRssKb() / 1024, engineAlive: matcher !== undefined }));
}

/**
 * This process's peak resident memory. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS
 * also counts the pages the parent had when it forked this process, which is the bench itself.
 */
function peakRssKb() {
  if (existsSync("/proc/self/status")) {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  }
  return process.resourceUsage().maxRSS;
}
