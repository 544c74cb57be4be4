import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { CliIo } from "./io.js";

/** Writes a report to `output` (relative to the working directory), or to stdout when none is given. */
export async function writeOutput(content: string, output: string | undefined, io: CliIo): Promise<boolean> {
  if (output === undefined) {
    io.stdout.write(content);
    return true;
  }
  const path = resolve(io.cwd, output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`✖ 无法写入报告文件：${output}（${detail}）\n`);
    return false;
  }
}
