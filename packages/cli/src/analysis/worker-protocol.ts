import type { CompiledLexicons } from "@shengao/core";
import type { ArchiveSource, DocumentResult } from "./types.js";

/** Sent to each worker once, when the main thread has compiled the lexicons. */
export interface WorkerSetup {
  compiled: CompiledLexicons;
  /** Use nodejieba for word boundaries, as the main thread's screener does. */
  jieba: boolean;
}

/** Main thread → worker: the setup once, then batches of documents, one at a time. */
export type MainMessage =
  | { type: "setup"; setup: WorkerSetup }
  | { type: "screen"; sources: ArchiveSource[] };

/** Worker → main thread: ready once set up, then the results of each batch (in its order). */
export type WorkerReply = { type: "ready" } | { type: "results"; results: DocumentResult[] };
