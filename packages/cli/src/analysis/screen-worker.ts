// Worker thread entry: loads nodejieba at once (seconds, while the main thread compiles the
// lexicons), then screens the batches of documents the main thread posts, one at a time.
import { parentPort } from "node:worker_threads";
import { loadCompiled, type Screener } from "@shengao/core";
import { createJiebaSegmenter } from "@shengao/node";
import { analyseDocument } from "./analyse-document.js";
import type { MainMessage, WorkerReply } from "./worker-protocol.js";

const port = parentPort;
if (port === null) throw new Error("screen-worker 只能作为 worker_threads 线程运行");

// nodejieba's dictionary is per thread (a N-API addon's instance data), so each worker loads its own;
// it loads on first use, so use it now.
const jieba = createJiebaSegmenter();
jieba.boundaries("审稿");
let screener: Screener | undefined;
const reply = (message: WorkerReply) => port.postMessage(message);

port.on("message", async (message: MainMessage) => {
  if (message.type === "setup") {
    const { compiled, jieba: useJieba } = message.setup;
    screener = loadCompiled(compiled, useJieba ? { segmenter: jieba } : {});
    reply({ type: "ready" });
    return;
  }
  const using = screener;
  if (using === undefined) throw new Error("screen-worker: documents before the lexicons");
  reply({
    type: "results",
    results: await Promise.all(message.sources.map((s) => analyseDocument(using, s))),
  });
});
