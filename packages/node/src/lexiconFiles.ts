import { existsSync } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type LexiconProblem, notUtf8Problem, type ParsedLexicon, parseLexicon } from "@shengao/core";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPOSITORY_ROOT = resolve(PACKAGE_ROOT, "../..");

/**
 * The default packs: in the repository, its lexicons/ folder (what reviewers edit takes effect at
 * once); installed elsewhere, the copy the package ships (its build copies them in).
 */
export const DEFAULT_LEXICON_DIR =
  existsSync(join(REPOSITORY_ROOT, "pnpm-workspace.yaml")) && existsSync(join(REPOSITORY_ROOT, "lexicons"))
    ? join(REPOSITORY_ROOT, "lexicons")
    : join(PACKAGE_ROOT, "lexicons");

const LEXICON_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Reads lexicon packs from files and folders (a folder: its *.yaml, *.yml, *.json in any case, not
 * its subfolders), each file once however often it is named. A file that can't be read becomes a
 * pack with an `unreadable` problem, never an exception, so the other packs still load.
 */
export async function readLexiconFiles(paths: readonly string[]): Promise<ParsedLexicon[]> {
  const parsed: ParsedLexicon[] = [];
  const files = await listLexiconFiles(paths, (problem) => parsed.push(problem));
  // the default folder named again, or a pack given by itself and in its folder, is read once: read
  // twice, it was a duplicate of itself
  const seen = new Set<string>();
  for (const file of files) {
    const real = await realpath(file).catch(() => resolve(file));
    if (seen.has(real)) continue;
    seen.add(real);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      parsed.push(unreadable(file, error));
      continue;
    }
    const problem = notUtf8Problem(bytes, file);
    parsed.push(problem ? withProblem(problem) : parseLexicon(bytes.toString("utf8"), file));
  }
  return parsed;
}

/**
 * The files `readLexiconFiles` reads for the paths named: a file as named, a folder's lexicon files
 * (not its subfolders'). A path that can't be read, or a folder with no lexicon file, is given to
 * `problem` (by default left out).
 */
export async function listLexiconFiles(
  paths: readonly string[],
  problem: (unread: ParsedLexicon) => void = () => {},
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter(hasLexiconExtension).sort();
        // a folder given for its lexicons that has none is said, not passed over
        if (names.length === 0) problem(withProblem(emptyFolder(path)));
        files.push(...names.map((n) => join(path, n)));
      } else files.push(path);
    } catch (error) {
      problem(unreadable(path, error));
    }
  }
  return files;
}

/**
 * Warnings for the subfolders of the folders named that hold lexicon files, which
 * `readLexiconFiles` does not read: a reviewer who sorted packs into subfolders is told, not left
 * to find some of them never screened. The default folder is left alone (its examples/ and
 * schema/ are meant to stay out).
 */
export async function unreadSubfolders(paths: readonly string[]): Promise<LexiconProblem[]> {
  const real = (path: string) => realpath(path).catch(() => undefined);
  const defaults = (await real(DEFAULT_LEXICON_DIR)) ?? DEFAULT_LEXICON_DIR;
  const named = new Set((await Promise.all(paths.map(real))).filter((p) => p !== undefined));
  const said = new Set<string>();
  const problems: LexiconProblem[] = [];
  for (const path of paths) {
    // a folder that cannot be read is reported by readLexiconFiles; nothing more to say here
    const folder = await real(path);
    if (folder === undefined || folder === defaults || said.has(folder)) continue;
    said.add(folder);
    for (const sub of await subfolders(path)) {
      const subReal = await real(sub);
      // named itself (-l pk -l pk/sub), or seen through another link: read, or said once
      if (subReal === undefined || named.has(subReal) || said.has(subReal)) continue;
      said.add(subReal);
      const files = (await readdir(sub).catch(() => [] as string[])).filter(isLexiconFileName).length;
      if (files === 0) continue;
      problems.push({
        code: "subfolder-not-read",
        file: sub,
        line: 1,
        column: 1,
        message: `这个子文件夹里的 ${files} 个词库文件没有读：给出文件夹时只读它本身里的词库，不读子文件夹；要用它们，请把这个子文件夹也写上`,
        severity: "warning",
      });
    }
  }
  return problems;
}

/** The subfolders of `path` (links to folders too), none hidden or node_modules; none when it is no readable folder. */
async function subfolders(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const sub = join(path, e.name);
    if (e.isDirectory() || (e.isSymbolicLink() && (await stat(sub).catch(() => undefined))?.isDirectory()))
      found.push(sub);
  }
  return found.sort();
}

/** A lexicon file's extension: .yaml, .yml, .json in any case. */
function hasLexiconExtension(name: string): boolean {
  return LEXICON_EXTENSIONS.has(extname(name).toLowerCase());
}

/** A lexicon file's name as a subfolder's are counted: the extension, not hidden. */
function isLexiconFileName(name: string): boolean {
  return !name.startsWith(".") && hasLexiconExtension(name);
}

/** A pack that could not be read: its one problem, located. */
function withProblem(problem: LexiconProblem): ParsedLexicon {
  return {
    file: problem.file,
    problems: [problem],
    locate: () => ({ line: problem.line, column: problem.column }),
  };
}

function unreadable(file: string, error: unknown): ParsedLexicon {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : (error as Error).message;
  const message = `无法读取词库：${why}`;
  return withProblem({ code: "unreadable", file, line: 1, column: 1, message, severity: "error" });
}

function emptyFolder(folder: string): LexiconProblem {
  return {
    code: "unreadable",
    file: folder,
    line: 1,
    column: 1,
    message: "这个文件夹里没有词库文件（.yaml、.yml、.json；子文件夹里的不读）",
    severity: "error",
  };
}
