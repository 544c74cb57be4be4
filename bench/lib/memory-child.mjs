// Run by measure.peakMemory in a fresh process: builds one engine from a terms file, screens a
// post, and prints the process's peak resident memory (Node itself and the input included, so it
// overstates the engine's share) and the heap the built engine retains.
import { readFileSync } from "node:fs";
import { post } from "./data.mjs";
import { ENGINES } from "./engines.mjs";

const [name, termsFile] = process.argv.slice(2);
const engine = ENGINES[name];
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
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    retainedMb: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20,
    engineAlive: matcher !== undefined,
  }),
);
