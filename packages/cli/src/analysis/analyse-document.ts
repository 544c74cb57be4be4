import { createHash } from "node:crypto";
import type { Screener } from "@shengao/core";
import { InputError } from "../input/errors.js";
import { screenInput } from "../input/screen.js";
import { findingRecord } from "./finding-context.js";
import { fallbackDate, readArchiveDocument } from "./read-document.js";
import type { ArchiveSource, DocumentResult } from "./types.js";

/**
 * What two copies of one post share (a repost, an account exported twice): the hash of its text with
 * white space dropped, so line endings and spacing do not tell them apart. None for an empty text.
 */
function contentKey(text: string): { contentHash?: string } {
  const words = text.replace(/[\s\uFEFF]+/g, "");
  return words.length === 0 ? {} : { contentHash: createHash("sha256").update(words).digest("hex") };
}

/** Reads, dates and screens one document. Never throws: a bad document becomes a result saying why. */
export async function analyseDocument(screener: Screener, source: ArchiveSource): Promise<DocumentResult> {
  try {
    const document = await readArchiveDocument(source.path, source.shownAs);
    const { text, dated, notice, extracted } = document;
    return {
      status: "screened",
      path: source.shownAs,
      absolutePath: source.path,
      date: dated.date,
      dateSource: dated.source,
      ...(dated.invalid === undefined ? {} : { invalidDate: dated.invalid }),
      ...(notice === undefined ? {} : { notice }),
      positionsIn: extracted ? "extracted-text" : "file",
      ...contentKey(text),
      findings: screenInput(screener, document).map((finding) => findingRecord(finding, text)),
    };
  } catch (error) {
    // In an archive of thousands of files one odd file (or a bug it triggers) must not end the run.
    const known = error instanceof InputError;
    const detail = error instanceof Error ? error.message : String(error);
    const dated = await fallbackDate(source.path);
    return {
      status: "unreadable",
      path: source.shownAs,
      absolutePath: source.path,
      code: known ? error.code : "unreadable",
      reason: known ? detail : `无法检查：${source.shownAs}（${detail}）`,
      ...(dated === undefined ? {} : { date: dated.date, dateSource: dated.source }),
    };
  }
}
