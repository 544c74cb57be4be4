import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Screener } from "@shengao/core";
import { analyseDocument } from "./analyse-document.js";
import type { ArchiveSource, DocumentResult } from "./types.js";
import type { WorkerReply, WorkerSetup } from "./worker-protocol.js";

/** Below this many documents, starting workers (and nodejieba in each) costs more than it saves. */
export const MIN_DOCUMENTS_FOR_WORKERS = 50;

/** Files read at once: reading overlaps screening, without opening thousands of files together. */
const READ_AHEAD = 8;

export function useWorkers(documents: number, jobs: number): boolean {
  return jobs > 1 && documents >= MIN_DOCUMENTS_FOR_WORKERS;
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

/** What a worker needs to screen like this thread would: the compiled lexicons, not their files. */
export function workerSetup(screener: Screener): WorkerSetup {
  return { compiled: screener.serialize(), jieba: screener.segmenter?.name === "nodejieba" };
}

function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./screen-worker.js", here), { workerData: setup });
  // Run from the TypeScript sources (the tests): tsx, a dev dependency of the workspace, compiles
  // the worker's modules the way vitest compiles this one.
  const entry = JSON.stringify(new URL("./screen-worker.ts", here).href);
  const tsx = JSON.stringify(pathToFileURL(createRequire(here).resolve("tsx/esm/api")).href);
  return new Worker(`import(${tsx}).then((api) => api.tsImport(${entry}, ${entry}))`, {
    eval: true,
    workerData: setup,
  });
}
