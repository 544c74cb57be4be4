import { resolve } from "node:path";
import { DEFAULT_LEXICON_DIR } from "@shengao/node";

/** The lexicon files a reviewers' command works on: those given, else the default lexicon folder. */
export function lexiconFiles(files: readonly string[], cwd: string): string[] {
  return files.length === 0 ? [DEFAULT_LEXICON_DIR] : files.map((file) => resolve(cwd, file));
}
