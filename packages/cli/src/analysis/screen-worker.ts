// Worker thread entry: screens the batches of documents the main thread posts, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { loadCompiled } from "@shengao/core";
import { createJiebaSegmenter } from "@shengao/node";
import { analyseDocument } from "./analyse-document.js";
import type { ArchiveSource } from "./types.js";
import type { WorkerReply, WorkerSetup } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("screen-worker 只能作为 worker_threads 线程运行");

const setup = workerData as WorkerSetup;
const screener = loadCompiled(setup.compiled, setup.jieba ? { segmenter: createJiebaSegmenter() } : {});
const reply = (message: WorkerReply) => port.postMessage(message);

port.on("message", async (batch: ArchiveSource[]) => {
  const results = await Promise.all(batch.map((source) => analyseDocument(screener, source)));
  reply({ type: "results", results });
});
reply({ type: "ready" });
