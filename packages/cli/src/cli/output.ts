import { mkdir, stat, writeFile } from "node:fs/promises";
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

/**
 * The one of `paths` that writing to `output` would overwrite, if any: the same file by its device
 * and inode, so that a link or another spelling of the path is caught too.
 */
export async function overwrittenBy(
  output: string,
  paths: readonly string[],
  cwd: string,
): Promise<string | undefined> {
  const target = await stat(resolve(cwd, output)).catch(() => undefined);
  if (target === undefined || !target.isFile()) return undefined;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && info.dev === target.dev && info.ino === target.ino) return path;
  }
  return undefined;
}
