import { realpath } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { guideChecks, type ParsedLexicon } from "@shengao/core";
import { DEFAULT_LEXICON_DIR, listLexiconFiles, readLexiconFiles } from "@shengao/node";
import { shownPath } from "../../input/resolve.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { compileLexicons, formatLexiconProblem, loadLexicons, sortProblems } from "../lexicons.js";
import { lexiconFiles } from "./files.js";

/**
 * Every problem of the packs, alone and together; exit 1 if any is an error. Packs named are checked
 * together with the default packs, as `check` reads them (a verdict that conflicts with a default
 * entry's made check set the whole pack aside, where validate alone passed it), unless
 * `defaultLexicons` is false (`--no-default-lexicons`).
 */
export async function validate(
  files: readonly string[],
  io: CliIo,
  defaultLexicons = true,
): Promise<ExitCode> {
  const paths = lexiconFiles(files, io.cwd);
  // with no files named, the default packs are what is validated
  const alongside = files.length > 0 && defaultLexicons;
  const lexicons = await loadLexicons(alongside ? [DEFAULT_LEXICON_DIR, ...paths] : paths);
  // the packs named: a default pack counts only when named itself, or a folder holding it is, by
  // whatever path (a link to it, a folder reached through one, a link in a folder named): a pack is
  // read once, under its first path, the default folder's
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  const defaults = await real(DEFAULT_LEXICON_DIR);
  const namedFiles = new Set(await Promise.all((await listLexiconFiles(paths)).map(real)));
  const named = async (file: string) =>
    !alongside || (await real(dirname(file))) !== defaults || namedFiles.has(await real(file));
  const own: ParsedLexicon[] = [];
  for (const p of lexicons.parsed) if (await named(p.file)) own.push(p);
  // compile is the last word on what screens; it should find nothing validatePacks missed.
  const compiled = lexicons.usable.length > 0 ? compileLexicons(lexicons.usable, false) : { problems: [] };
  // the guide's rules (a term in two entries, a missing basis or example): left out of loading
  const problems = sortProblems([
    ...lexicons.problems,
    ...compiled.problems,
    ...guideChecks(lexicons.usable.filter((p) => own.includes(p))),
  ]);
  for (const problem of problems) io.stdout.write(`${formatLexiconProblem(problem, io.cwd)}\n`);

  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const count = own.length;
  if (count === 0) {
    io.stdout.write("✖ 没有找到词库文件（no lexicon files）\n");
    return EXIT.problems;
  }
  if (problems.length === 0) {
    io.stdout.write(`✔ ${count} 个词库文件，没有问题\n`);
    return EXIT.ok;
  }
  const mark = errors > 0 ? "✖" : "⚠";
  io.stdout.write(`${mark} ${count} 个词库文件：${errors} 个错误，${warnings} 个警告\n`);
  const missing = alongside ? [] : await defaultPacksOverridden(lexicons.usable);
  if (missing.length > 0)
    io.stdout.write(
      `提示：overrides 覆盖的是默认词库 ${missing.join("、")} 的条目，这次没有加载默认词库，所以说条目不存在。` +
        `连同默认词库一起检查：shengao lexicon validate ${files.map((f) => shownPath(resolve(io.cwd, f), io.cwd)).join(" ")}\n`,
    );
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * The ids of default packs whose entries the packs override while not loaded with them: a society's
 * own pack validated alone (as the guide's "只检查某一个文件" does) warns that each override's entry
 * is not there, when it is only not loaded.
 */
async function defaultPacksOverridden(usable: readonly ParsedLexicon[]): Promise<string[]> {
  const loaded = new Set(usable.map((p) => p.pack?.id));
  const named = new Set(
    usable.flatMap((p) => p.pack?.overrides.map((o) => o.entry.split("/")[0] as string) ?? []),
  );
  const absent = [...named].filter((id) => !loaded.has(id));
  if (absent.length === 0) return [];
  const defaults = new Set((await readLexiconFiles([DEFAULT_LEXICON_DIR])).map((p) => p.pack?.id));
  return absent.filter((id) => defaults.has(id));
}
