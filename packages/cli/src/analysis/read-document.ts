import { stat } from "node:fs/promises";
import type { JoinedMarkdown } from "../input/markdown.js";
import { readInput } from "../input/read.js";
import { type DocumentFormat, documentDate, fileNameDate, mtimeDate } from "./document-date.js";
import type { DocumentDate } from "./types.js";

export interface ArchiveDocument {
  /** What `check` would screen: the file as is, the visible text of HTML, the raw text of Word. */
  text: string;
  dated: DocumentDate;
  /** What reading said, as `check` says it: read as GB18030, bytes that were not UTF-8 replaced. */
  notice?: string;
  /** What the screener reads when it is not `text` (Markdown with soft breaks joined): see screenInput. */
  joined?: JoinedMarkdown;
  /** The text was extracted (HTML's visible text, Word's): its lines and columns are not the file's. */
  extracted: boolean;
}

/**
 * Reads a file with `check`'s reader (same texts, same InputErrors) and dates it: front matter and
 * meta tags live in the file's source, not in the text screened.
 */
export async function readArchiveDocument(path: string, shownAs: string): Promise<ArchiveDocument> {
  const input = await readInput(path, shownAs);
  const format: DocumentFormat = input.kind === "html" || input.kind === "markdown" ? input.kind : "other";
  // The file was just read, so stat only fails if it vanished meanwhile: then today is as good as any.
  const modified = () =>
    stat(path).then(
      (info) => info.mtime,
      () => new Date(),
    );
  const dated = await documentDate(path, format, input.source, modified);
  const read: ArchiveDocument = { text: input.text, dated, extracted: input.extracted };
  if (input.joined !== undefined) read.joined = input.joined;
  if (input.notice !== undefined) read.notice = input.notice;
  return read;
}

/** The date of a file that could not be read: its name's, else its mtime's, else none. */
export async function fallbackDate(path: string): Promise<DocumentDate | undefined> {
  const named = fileNameDate(path);
  if (named !== undefined) return { date: named, source: "file-name" };
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() === true ? { date: mtimeDate(info.mtime), source: "mtime" } : undefined;
}
