import { lstat, readFile, readlink } from "node:fs/promises";
import { declaredCharset, decodeText, isBinary } from "./decode.js";
import { docxText } from "./docx.js";
import { fromFsError, InputError } from "./errors.js";
import { type InputKind, inputKindOf, unsupportedType } from "./formats.js";
import { htmlVisibleText } from "./html.js";
import { type JoinedMarkdown, joinSoftBreaks } from "./markdown.js";

export interface InputText {
  kind: InputKind;
  text: string;
  /** The file as decoded, before extraction: where front matter and meta tags are. "" for Word. */
  source: string;
  /** True when the text was extracted (HTML visible text, Word raw text) rather than read as is. */
  extracted: boolean;
  /**
   * What the screener reads when it is not `text` itself: Markdown's text with each soft line break
   * one space, and where the breaks were, to take findings back to `text` (see screenInput).
   */
  joined?: JoinedMarkdown;
  /** Something the user should know but that is not an error, e.g. the file was read as GB18030. */
  notice?: string;
}

/** Reads one file as the text to screen. Throws InputError with a Chinese message naming `shownAs`. */
export async function readInput(path: string, shownAs: string): Promise<InputText> {
  const kind = inputKindOf(path);
  if (kind === undefined) throw unsupportedType(shownAs);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    // only a target that is not there is a dangling link: a loop of links, or one nobody may read, is said as it is
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw (missing ? await danglingLink(path, shownAs) : undefined) ?? fromFsError(error, shownAs);
  }
  if (kind === "docx") return { kind, text: await docxText(bytes, shownAs), source: "", extracted: true };
  const decoded = decodeText(bytes, kind === "html" ? declaredCharset(bytes) : undefined);
  if (isBinary(bytes, decoded)) throw notText(shownAs);
  const source = decoded.text;
  // a guess is said; a byte order mark is not a guess
  const notice = noticeOf(decoded, shownAs);
  const read: InputText =
    kind === "html"
      ? { kind, text: htmlVisibleText(source), source, extracted: true }
      : { kind, text: source, source, extracted: false };
  const joined = kind === "markdown" ? joinSoftBreaks(source) : undefined;
  if (joined !== undefined) read.joined = joined;
  return notice === undefined ? read : { ...read, notice };
}

/** Reads all of stdin as text: UTF-8, or UTF-16 with a byte order mark, else GB18030 (decodeText). */
export async function readStdin(
  stdin: AsyncIterable<string | Uint8Array>,
  shownAs: string,
): Promise<{ text: string; notice?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  const decoded = decodeText(bytes);
  if (isBinary(bytes, decoded)) throw notText(shownAs);
  const notice = noticeOf(decoded, shownAs);
  return notice === undefined ? { text: decoded.text } : { text: decoded.text, notice };
}

function notText(shownAs: string): InputError {
  return new InputError(
    "not-text",
    shownAs,
    `不是文本文件：${shownAs}，里面是二进制内容（如 PDF、图片、程序被存成或改名成了文本文件），无法检查；请打开原文件另存为 .txt、.md 或 .docx（binary file）`,
  );
}

/** A link whose target does not exist, said so: the file is listed in its folder, but is nothing. */
async function danglingLink(path: string, shownAs: string): Promise<InputError | undefined> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return undefined;
  const target = await readlink(path).catch(() => "?");
  return new InputError(
    "not-found",
    shownAs,
    `链接指向的文件不存在：${shownAs} → ${target}（dangling link）`,
  );
}

function noticeOf(decoded: ReturnType<typeof decodeText>, shownAs: string): string | undefined {
  if (decoded.invalid)
    return `提示：${shownAs} 是 UTF-8 编码，但有 ${decoded.invalid.count} 处字节不是（第一处在第 ${decoded.invalid.line} 行），已换成 �，其余照常检查`;
  if (decoded.unmarked)
    return `提示：${shownAs} 是没有 BOM 的 UTF-16 编码，已按 ${decoded.encoding.toUpperCase()} 读取`;
  if (decoded.declared)
    return `提示：${shownAs} 不是 UTF-8 编码，已按网页声明的 ${decoded.encoding === "big5" ? "Big5" : "GB18030"} 读取`;
  if (decoded.encoding === "big5")
    return `提示：${shownAs} 不是 UTF-8 编码，看来是繁体中文的 Big5，已按 Big5 读取`;
  return decoded.encoding === "gb18030" ? `提示：${shownAs} 不是 UTF-8 编码，已按 GB18030 读取` : undefined;
}
