import type { CompiledLexicons } from "@shengao/core";
import type { DocumentResult } from "./types.js";

/** Given to each worker when it starts (`workerData`). */
export interface WorkerSetup {
  compiled: CompiledLexicons;
  /** Use nodejieba for word boundaries, as the main thread's screener would. */
  jieba: boolean;
}

/** A worker says it is ready once, then answers each batch of sources (in order) with its results. */
export type WorkerReply = { type: "ready" } | { type: "results"; results: DocumentResult[] };
