import type { Severity } from "@shengao/core";
import type { InputErrorCode } from "../input/errors.js";

/** Where a document's date came from, most trusted first. */
/** `page`: the publication time a page shows in its text (WeChat's article page, `#publish_time`). */
export type DateSource = "front-matter" | "meta" | "page" | "file-name" | "mtime";

export interface DocumentDate {
  /** `YYYY-MM-DD`, as written by the author (no time-zone conversion). */
  date: string;
  source: DateSource;
  /** The date the document itself gives (front matter, meta tag) when it is no date: 2025-02-30. */
  invalid?: string;
}

/** One finding as the archive report keeps it: no offsets, but the words around it. */
export interface FindingRecord {
  ruleId: string;
  lexiconId: string;
  entryId: string;
  category: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** The matched text, and up to ~30 characters either side (white space collapsed). */
  text: string;
  before: string;
  after: string;
  suggestions: string[];
}

/** A document that was read and screened. */
export interface ScreenedDocument {
  status: "screened";
  /** Relative to the working directory, `/`-separated (as `check` shows it). */
  path: string;
  /** Absolute path on disk; used for links, never written to the report files. */
  absolutePath: string;
  date: string;
  dateSource: DateSource;
  /** The document's own date when it is no date, and `date` comes from its file name or mtime. */
  invalidDate?: string;
  /** What reading the file said (read as GB18030, bad bytes replaced): its text may not be what was written. */
  notice?: string;
  /** Whose lines and columns the findings give, as `check -f json` says: HTML's and Word's are those of the text extracted. */
  positionsIn: "file" | "extracted-text";
  /** The hash of its words (white space dropped): documents sharing it are copies of one post. */
  contentHash?: string;
  findings: FindingRecord[];
}

/** A document that could not be screened, and why. It never stops the run. */
export interface UnreadableDocument {
  status: "unreadable";
  path: string;
  absolutePath?: string;
  code: InputErrorCode;
  reason: string;
  /** From the file name or the file's mtime when known, so `--since/--until` can apply. */
  date?: string;
  dateSource?: DateSource;
}

export type DocumentResult = ScreenedDocument | UnreadableDocument;

/** A file to analyse: where it is, and how the report names it. */
export interface ArchiveSource {
  path: string;
  shownAs: string;
}

/** A lexicon file left out of the run for its errors, named as the terminal names it. */
export interface SkippedLexicon {
  file: string;
  errors: { line: number; column: number; code: string; message: string }[];
}
