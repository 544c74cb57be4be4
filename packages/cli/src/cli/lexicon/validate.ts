import { guideChecks } from "@shengao/core";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { compileLexicons, formatLexiconProblem, loadLexicons, sortProblems } from "../lexicons.js";
import { lexiconFiles } from "./files.js";

/** Every problem of the packs, alone and together; exit 1 if any is an error. */
export async function validate(files: readonly string[], io: CliIo): Promise<ExitCode> {
  const lexicons = await loadLexicons(lexiconFiles(files, io.cwd));
  // compile is the last word on what screens; it should find nothing validatePacks missed.
  const compiled = lexicons.usable.length > 0 ? compileLexicons(lexicons.usable, false) : { problems: [] };
  // the guide's rules (a term in two entries, a missing basis or example): left out of loading
  const problems = sortProblems([
    ...lexicons.problems,
    ...compiled.problems,
    ...guideChecks(lexicons.usable),
  ]);
  for (const problem of problems) io.stdout.write(`${formatLexiconProblem(problem, io.cwd)}\n`);

  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const count = lexicons.parsed.length;
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
  return errors > 0 ? EXIT.problems : EXIT.ok;
}
