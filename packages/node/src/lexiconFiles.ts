import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ParsedLexicon, parseLexicon } from "@shengao/core";

/** The repository's lexicons/ folder: the default packs. */
export const DEFAULT_LEXICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../lexicons");

const LEXICON_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Reads lexicon packs from files and folders (a folder: its *.yaml, *.yml, *.json, not its
 * subfolders). A file that can't be read becomes a pack with an `unreadable` problem, never an
 * exception, so the other packs still load.
 */
export async function readLexiconFiles(paths: readonly string[]): Promise<ParsedLexicon[]> {
  const files: string[] = [];
  const parsed: ParsedLexicon[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const names = (await readdir(path)).filter((n) => LEXICON_EXTENSIONS.has(extname(n))).sort();
        files.push(...names.map((n) => join(path, n)));
      } else files.push(path);
    } catch (error) {
      parsed.push(unreadable(path, error));
    }
  }
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      parsed.push(unreadable(file, error));
      continue;
    }
    const text = utf8Text(bytes);
    parsed.push(typeof text === "string" ? parseLexicon(text, file) : notUtf8(file, bytes, text.at));
  }
  return parsed;
}

/**
 * The file's text, when it is UTF-8; else where its first byte that is not. Read leniently, a
 * lexicon saved as GBK by a Chinese Windows editor would pass validation with its terms garbled
 * (and a garbled term matches what it should not).
 */
function utf8Text(bytes: Buffer): string | { at: number } {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return { at: 0 }; // UTF-16's byte order mark
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { at: firstNonUtf8Byte(bytes) };
  }
}

/** Offset of the first byte that begins no well-formed UTF-8 sequence (0 if none is found). */
function firstNonUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}

function notUtf8(file: string, bytes: Buffer, at: number): ParsedLexicon {
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  const line = 1 + bytes.subarray(0, lineStart).filter((b) => b === 0x0a).length;
  const column = 1 + new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at)).length;
  return {
    file,
    problems: [
      {
        code: "unreadable",
        file,
        line,
        column,
        message:
          "词库文件不是 UTF-8 编码（从这里起读不通；多半是 GBK 或 UTF-16）：请另存为 UTF-8 再用（not UTF-8）",
        severity: "error",
      },
    ],
    locate: () => ({ line, column }),
  };
}

function unreadable(file: string, error: unknown): ParsedLexicon {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : (error as Error).message;
  return {
    file,
    problems: [
      { code: "unreadable", file, line: 1, column: 1, message: `无法读取词库：${why}`, severity: "error" },
    ],
    locate: () => ({ line: 1, column: 1 }),
  };
}
