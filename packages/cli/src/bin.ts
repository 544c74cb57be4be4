#!/usr/bin/env node
import { run } from "./cli/run.js";

// `shengao check … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
});

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // A bug of ours, not the user's: say so plainly, keep the stack for the report, exit 2.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`✖ shengao 内部错误，请把下面的信息报告给维护者（internal error）：\n${detail}\n`);
  process.exitCode = 2;
}
