import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Screener } from "@shengao/core";
import { analyseDocument } from "./analyse-document.js";
import type { ArchiveSource, DocumentResult } from "./types.js";
import type { WorkerReply, WorkerSetup } from "./worker-protocol.js";

/**
 * Below this many documents, starting workers (and nodejieba in each, seconds) costs more than it
 * saves; measured by bench/report-throughput.mjs.
 */
export const MIN_DOCUMENTS_FOR_WORKERS = 1000;

/** Files read at once: reading overlaps screening, without opening thousands of files together. */
const READ_AHEAD = 8;

/** Threads to screen on: `jobs` when given (1: none), else every core once the archive is large. */
export function workerCount(documents: number, jobs: number | undefined, cores: number): number {
  if (jobs !== undefined) return jobs > 1 ? Math.min(jobs, documents) : 0;
  return cores > 1 && documents >= MIN_DOCUMENTS_FOR_WORKERS ? cores : 0;
}

/** Screens the documents on this thread, in order. */
export async function screenInProcess(
  screener: Screener,
  sources: readonly ArchiveSource[],
  onProgress: (done: number) => void = () => {},
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  for (let i = 0; i < sources.length; i += READ_AHEAD) {
    const batch = sources.slice(i, i + READ_AHEAD);
    results.push(...(await Promise.all(batch.map((source) => analyseDocument(screener, source)))));
    onProgress(results.length);
  }
  return results;
}

/**
 * Screens the documents on `jobs` worker threads. Each worker loads the compiled lexicons once (and
 * its own nodejieba: the native module's dictionary is per thread) and takes batches as it frees up.
 * Results come back in the order of `sources`, exactly as `screenInProcess` gives them.
 */
export async function screenInWorkers(
  setup: WorkerSetup,
  sources: readonly ArchiveSource[],
  jobs: number,
  onProgress: (done: number) => void = () => {},
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = new Array(sources.length);
  const batchSize = Math.max(1, Math.min(32, Math.ceil(sources.length / (jobs * 8))));
  const workers = Array.from({ length: Math.min(jobs, sources.length) }, () => startWorker(setup));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let from = 0;
            const dispatch = () => {
              if (next >= sources.length) return resolve();
              from = next;
              next = Math.min(sources.length, next + batchSize);
              worker.postMessage(sources.slice(from, next));
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.type === "results") {
                reply.results.forEach((result, i) => {
                  results[from + i] = result;
                });
                done += reply.results.length;
                onProgress(done);
              }
              dispatch();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`检查线程意外退出（worker exited with code ${code}）`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** What a worker needs to screen as `check` would: the compiled lexicons (not their files), and
 * whether to load nodejieba for the entries that need word boundaries. */
export function workerSetup(screener: Screener, jieba: boolean): WorkerSetup {
  return { compiled: screener.serialize(), jieba };
}

function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./screen-worker.js", here), { workerData: setup });
  // Run from the TypeScript sources (the tests): tsx, a dev dependency of the workspace, compiles
  // the worker's modules the way vitest compiles this one.
  const entry = JSON.stringify(new URL("./screen-worker.ts", here).href);
  const api = JSON.stringify(tsxEsmApi(here));
  return new Worker(`import(${api}).then((api) => api.tsImport(${entry}, ${entry}))`, {
    eval: true,
    workerData: setup,
  });
}

/** tsx's ESM API by its package's export map (require.resolve would give the CommonJS one). */
function tsxEsmApi(from: string): string {
  const require = createRequire(from);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const api = exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return new URL(api, pathToFileURL(manifest)).href;
}
