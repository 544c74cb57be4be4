import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { fromFsError, InputError } from "./errors.js";
import { inputKindOf, isUnsupportedDocument, SUPPORTED_EXTENSIONS } from "./formats.js";

/** One input to screen: a file on disk, or stdin (`-`). */
export type InputSource =
  /** `named`: the argument was this file itself, not a folder or glob it was found by */
  { kind: "file"; path: string; shownAs: string; named?: true } | { kind: "stdin"; shownAs: string };

export interface ResolvedInputs {
  sources: InputSource[];
  errors: InputError[];
  /** errors[i] came before sources[errorsBefore[i]] in argument order (sources.length: after all) */
  errorsBefore: number[];
}

export const STDIN_NAME = "<stdin>";

/**
 * Expands the arguments of `check` into inputs, in argument order, without duplicates: a file is
 * taken as is (its type is checked when read), a folder recursively (supported types, skipping
 * node_modules and dot-folders; with the documents among the rest that cannot be read, .doc or
 * .pdf, which reading names), anything else that looks like a glob through tinyglobby.
 */
export async function resolveInputs(args: readonly string[], cwd: string): Promise<ResolvedInputs> {
  const sources: InputSource[] = [];
  const errors: InputError[] = [];
  const errorsBefore: number[] = [];
  const fail = (error: InputError) => {
    errors.push(error);
    errorsBefore.push(sources.length);
  };
  const seen = new Set<string>();
  const addFile = (path: string, named = false) => {
    if (seen.has(path)) return;
    seen.add(path);
    sources.push({ kind: "file", path, shownAs: shownPath(path, cwd), ...(named ? { named: true } : {}) });
  };

  for (const arg of args) {
    if (arg === "-") {
      if (!seen.has(STDIN_NAME)) sources.push({ kind: "stdin", shownAs: STDIN_NAME });
      seen.add(STDIN_NAME);
      continue;
    }
    const path = resolve(cwd, arg);
    const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) {
        addFile(path, true);
        continue;
      }
      try {
        const files = await walkFolder(path);
        if (files.length === 0) {
          fail(
            new InputError(
              "empty-folder",
              arg,
              `文件夹里没有可检查的文件：${arg}（支持 ${SUPPORTED_EXTENSIONS.join(" ")}）`,
            ),
          );
        }
        for (const file of files) addFile(file);
      } catch (error) {
        fail(fromFsError(error, arg));
      }
      continue;
    }
    if (info.code !== "ENOENT" || !isDynamicPattern(arg)) {
      fail(fromFsError(info, arg));
      continue;
    }
    // folders too: archive/* over a folder per month is read as the folders named one by one
    const matches = (
      await glob(arg, { cwd, absolute: true, dot: false, onlyFiles: false, ignore: ["**/node_modules/**"] })
    ).sort();
    const supported: string[] = [];
    const failedBefore = errors.length;
    let walked: string | undefined;
    for (const match of matches) {
      // archive/** matches each folder and its subfolders: walking the outer one read them already
      if (walked !== undefined && match.startsWith(walked)) continue;
      const info = await stat(match).catch(() => undefined);
      if (info?.isDirectory()) {
        try {
          supported.push(...(await walkFolder(match)));
          walked = match.endsWith(sep) ? match : `${match}${sep}`;
        } catch (error) {
          // a folder the glob found that cannot be read is said, as one named is
          fail(fromFsError(error, shownPath(match, cwd)));
        }
      }
      // documents that cannot be read are taken too, so that reading them says why
      else if (inputKindOf(match) !== undefined || isUnsupportedDocument(match)) supported.push(match);
    }
    if (supported.length === 0 && errors.length === failedBefore) {
      const why = matches.length === 0 ? "glob matched no files" : "no supported files matched";
      fail(new InputError("no-match", arg, `没有匹配的文件：${arg}（${why}）`));
    }
    for (const file of supported) addFile(resolve(file));
  }
  return { sources, errors, errorsBefore };
}

/** A folder a folder's check passes over: node_modules, and dot-folders (.git). */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/**
 * The files of a folder and its subfolders to screen: those of a supported type, and the documents
 * that cannot be read (.doc, .pdf …), so that reading them says why instead of their dropping out.
 * A link is read as what it points to (an archive may link in a month's folder from elsewhere); a
 * link pointing nowhere is taken when its name is a document's, so that reading it says so; a
 * folder linked into itself, or into a folder that holds it, is walked once, and a file reached
 * twice (itself and a link to it) is taken once, the first in the walk's order: a report counts it once.
 */
async function walkFolder(
  folder: string,
  walked = new Set<string>(),
  taken = new Set<string>(),
): Promise<string[]> {
  const real = await realpath(folder);
  if (walked.has(real)) return [];
  walked.add(real);
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(folder, entry.name);
    const kind = entry.isSymbolicLink() ? await linkTargetKind(path) : entryKind(entry);
    if (kind === "folder") {
      if (isSkippedFolder(entry.name)) continue;
      files.push(...(await walkFolder(path, walked, taken)));
    } else if (
      (kind === "file" || kind === "nothing") &&
      (inputKindOf(entry.name) !== undefined || isUnsupportedDocument(entry.name))
    ) {
      // a file's own place is its folder's real one; a link's, where it leads
      const target =
        kind === "file" && !entry.isSymbolicLink()
          ? join(real, entry.name)
          : await realpath(path).catch(() => path);
      if (taken.has(target)) continue;
      taken.add(target);
      files.push(path);
    }
  }
  return files;
}

type EntryKind = "file" | "folder" | "nothing" | "other";

function entryKind(entry: { isFile(): boolean; isDirectory(): boolean }): EntryKind {
  return entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other";
}

/** What a link points to: "nothing" when its target does not exist (or cannot be reached). */
async function linkTargetKind(path: string): Promise<EntryKind> {
  const target = await stat(path).catch(() => undefined);
  return target === undefined ? "nothing" : entryKind(target);
}

/** Paths are shown relative to the working directory when inside it, always with `/`. */
export function shownPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const rel = relative(cwd, absolute);
  const shown = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join("/");
}
