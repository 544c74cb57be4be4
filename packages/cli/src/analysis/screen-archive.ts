import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Screener } from "@shengao/core";
import { analyseDocument } from "./analyse-document.js";
import type { ArchiveSource, DocumentResult } from "./types.js";
import type { MainMessage, WorkerReply, WorkerSetup } from "./worker-protocol.js";

/**
 * From this many documents on, `report` screens on every core by default. The main thread starts at
 * once either way; a worker first loads its own nodejieba (3 s of CPU on a quiet machine, while the
 * main thread loads its own), so it only helps once the main thread would screen for longer than
 * that: about 2000 documents at the ~500/s one thread screens (bench/report-throughput.mjs).
 */
export const MIN_DOCUMENTS_FOR_WORKERS = 2000;

/** Documents a thread takes at once: reading overlaps screening, without opening thousands of files. */
const MAX_BATCH = 32;

/**
 * Threads to screen on, the main one included: `jobs` when given, else every core once the archive
 * is large enough to be worth starting workers.
 */
export function threadCount(documents: number, jobs: number | undefined, cores: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, documents));
  return documents >= MIN_DOCUMENTS_FOR_WORKERS ? Math.max(1, cores) : 1;
}

export interface ScreeningThreads {
  /** Screen on this thread too, with this screener (the main thread starts at once). */
  local?: Screener;
  /** Worker threads (started early, see startWorkers), set up with `setup`; they join once ready. */
  workers?: { pool: readonly Worker[]; setup: WorkerSetup };
}

/**
 * Starts `count` worker threads. Each loads nodejieba at once, so start them before compiling the
 * lexicons: the seconds that takes then pass on other cores. Stop them with `stopWorkers`.
 */
export function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, startWorker);
}

/** Ends the workers without waiting: one still loading nodejieba finishes that first. */
export function stopWorkers(workers: readonly Worker[]): void {
  for (const worker of workers) {
    worker.unref();
    void worker.terminate();
  }
}

/**
 * Screens the documents on this thread and on worker threads at once: each takes the next batch as
 * it frees up, so a small archive may be done before a worker has started, and a large one keeps
 * every core busy. Results come back in the order of `sources`, whoever screened them.
 */
export async function screenArchive(
  sources: readonly ArchiveSource[],
  threads: ScreeningThreads,
  onProgress: (done: number) => void = () => {},
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = new Array(sources.length);
  const workers = threads.workers?.pool.slice(0, sources.length) ?? [];
  const threadTotal = workers.length + (threads.local === undefined ? 0 : 1);
  if (threadTotal === 0) throw new Error("screenArchive: no thread to screen on");
  const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(sources.length / (threadTotal * 8))));
  let next = 0;
  let done = 0;
  const take = () => {
    if (next >= sources.length) return undefined;
    const from = next;
    next = Math.min(sources.length, next + batchSize);
    return { from, batch: sources.slice(from, next) };
  };
  const store = (from: number, batchResults: readonly DocumentResult[]) => {
    batchResults.forEach((result, i) => {
      results[from + i] = result;
    });
    done += batchResults.length;
    onProgress(done);
  };

  const setup = threads.workers?.setup;
  const listeners: (() => void)[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const resolveWhenDone = () => {
        if (done === sources.length) resolve();
      };
      resolveWhenDone();
      for (const worker of workers) {
        let from = 0;
        const onMessage = (reply: WorkerReply) => {
          if (reply.type === "results") store(from, reply.results);
          resolveWhenDone();
          const work = take();
          if (work === undefined) return;
          from = work.from;
          worker.postMessage({ type: "screen", sources: work.batch } satisfies MainMessage);
        };
        const onExit = (code: number) => {
          if (done < sources.length) reject(new Error(`检查线程意外退出（worker exited with code ${code}）`));
        };
        worker.on("message", onMessage).on("error", reject).on("exit", onExit);
        listeners.push(() => worker.off("message", onMessage).off("error", reject).off("exit", onExit));
        if (setup !== undefined) worker.postMessage({ type: "setup", setup } satisfies MainMessage);
      }
      const { local } = threads;
      if (local === undefined) return;
      (async () => {
        for (let work = take(); work !== undefined; work = take()) {
          store(work.from, await Promise.all(work.batch.map((source) => analyseDocument(local, source))));
        }
        resolveWhenDone();
      })().catch(reject);
    });
  } finally {
    for (const remove of listeners) remove();
  }
  return results;
}

/** What a worker needs to screen as this thread does: the compiled lexicons, not their files. */
export function workerSetup(screener: Screener): WorkerSetup {
  return { compiled: screener.serialize(), jieba: screener.segmenter?.name === "nodejieba" };
}

function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./screen-worker.js", here));
  // Run from the TypeScript sources (the tests): tsx, a dev dependency of the workspace, compiles
  // the worker's modules the way vitest compiles this one.
  const entry = JSON.stringify(new URL("./screen-worker.ts", here).href);
  const api = JSON.stringify(tsxEsmApi(here));
  return new Worker(`import(${api}).then((api) => api.tsImport(${entry}, ${entry}))`, { eval: true });
}

/** tsx's ESM API by its package's export map (require.resolve would give the CommonJS one). */
function tsxEsmApi(from: string): string {
  const require = createRequire(from);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const api = exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return new URL(api, pathToFileURL(manifest)).href;
}
