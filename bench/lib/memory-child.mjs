// Run by measure.peakMemory in a fresh process: builds one engine from a terms file, screens a
// post, and prints the process's peak resident memory (Node itself and the input included, so it
// overstates the engine's share) and the heap the built engine retains.
import { existsSync, readFileSync } from "node:fs";
import { post } from "./data.mjs";
import { ENGINES, WORD_LISTS } from "./engines.mjs";

const [name, termsFile] = process.argv.slice(2);
const engine = ENGINES[name] ?? WORD_LISTS[name];
const terms = JSON.parse(readFileSync(termsFile, "utf8"));
const text = post(10_000);
const build = engine.build(terms); // prepares the input (the pack's JSON text for shengao)
globalThis.gc();
const before = process.memoryUsage();
const matcher = build();
engine.screen(matcher, text);
globalThis.gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    peakRssMb: peakRssKb() / 1024,
    retainedMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20,
    engineAlive: matcher !== undefined,
  }),
);

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
