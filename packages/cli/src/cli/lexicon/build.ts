import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { CompiledLexicons } from "@shengao/core";
import { DEFAULT_LEXICON_DIR } from "@shengao/node";
import { shownPath } from "../../input/resolve.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { compileLexicons, formatLexiconProblem, loadLexicons, sayUnreadSubfolders } from "../lexicons.js";
import { overwrittenBy } from "../output.js";
import { lexiconFiles } from "./files.js";

/** Where the extension picks up the compiled lexicons. */
export const DEFAULT_COMPILED_PATH = join(DEFAULT_LEXICON_DIR, "dist", "compiled.json");

/** Compiles the packs and writes `screener.serialize()`; refuses while any pack has an error. */
export async function build(files: readonly string[], out: string | undefined, io: CliIo): Promise<ExitCode> {
  const lexicons = await loadLexicons(lexiconFiles(files, io.cwd));
  sayUnreadSubfolders(lexicons, io);
  // an override of an entry not built with it would be dropped from the compiled file unsaid
  const orphans = lexicons.problems.filter((p) => p.code === "unknown-override");
  if (orphans.length > 0) {
    for (const problem of orphans) io.stderr.write(`${formatLexiconProblem(problem, io.cwd)}\n`);
    io.stderr.write(
      "✖ 写了 overrides 的词库不能单独编译：它要调整的条目不在这次编译的词库里，编译后覆盖会丢失；请直接导入 YAML 文件（未生成）。\n",
    );
    return EXIT.problems;
  }
  // a wrong --out is refused before a big pack's compile, not after it
  const path = out === undefined ? DEFAULT_COMPILED_PATH : resolve(io.cwd, out);
  const source = await overwrittenBy(
    path,
    lexicons.parsed.map((p) => p.file),
    io.cwd,
  );
  if (source !== undefined) {
    io.stderr.write(
      `✖ 不把编译结果写到词库源文件上：${shownPath(source, io.cwd)}（请用 --out 写到另一个文件，如 本单位词库.compiled.json；--out names a lexicon source）\n`,
    );
    return EXIT.usage;
  }
  let errors = lexicons.problems.filter((p) => p.severity === "error");
  const compiled = errors.length === 0 ? compileLexicons(lexicons.usable, false) : { problems: [] };
  errors = [...errors, ...compiled.problems.filter((p) => p.severity === "error")];
  if (errors.length > 0 || compiled.screener === undefined) {
    for (const problem of errors) io.stderr.write(`${formatLexiconProblem(problem, io.cwd)}\n`);
    io.stderr.write(
      `✖ 词库有 ${errors.length} 个错误，未生成（refusing to build）。先运行 shengao lexicon validate。\n`,
    );
    return EXIT.problems;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(shareable(compiled.screener.serialize(), io.cwd))}\n`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`✖ 无法写入：${shownPath(path, io.cwd)}（${detail}）\n`);
    return EXIT.usage;
  }
  const packs = compiled.screener.packs;
  const entries = packs.reduce((n, pack) => n + pack.entries, 0);
  io.stdout.write(`✔ 已写入 ${shownPath(path, io.cwd)}：${packs.length} 个词库，${entries} 个条目\n`);
  return EXIT.ok;
}

/**
 * The compiled lexicons as a file to hand on: each pack's source file named relative to the
 * working directory, or by its name alone when outside it, never by an absolute path that says
 * whose machine and folders it was built in.
 */
function shareable(data: CompiledLexicons, cwd: string): CompiledLexicons {
  const named = (file: string) => {
    const shown = shownPath(file, cwd); // absolute when outside the working directory
    return isAbsolute(shown) ? basename(file) : shown;
  };
  return { ...data, packs: data.packs.map((pack) => ({ ...pack, file: named(pack.file) })) };
}
