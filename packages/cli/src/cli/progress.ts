import { SingleBar } from "cli-progress";
import type { CliIo } from "./io.js";

/** A progress bar only helps when someone watches a terminal and the run takes a while. */
const PROGRESS_MIN_FILES = 20;

/** A bar on stderr counting files, or nothing when stderr is not a terminal or there are few files. */
export function startProgress(io: CliIo, total: number): SingleBar | undefined {
  if (io.stderr.isTTY !== true || total <= PROGRESS_MIN_FILES) return undefined;
  const bar = new SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: "检查中 [{bar}] {value}/{total} 个文件",
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(total, 0);
  return bar;
}
