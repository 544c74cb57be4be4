import type { PackInfo, Severity } from "@shengao/core";
import type {
  DateSource,
  DocumentResult,
  FindingRecord,
  ScreenedDocument,
  UnreadableDocument,
} from "./types.js";

export interface SeverityTally {
  total: number;
  error: number;
  warning: number;
  info: number;
}

/** A row of a "findings by …" table. */
export interface Tally extends SeverityTally {
  key: string;
}

export interface PackTally extends Tally {
  name: string;
}

export interface EntryTally extends Tally {
  lexiconId: string;
  entryId: string;
  category: string;
  /** The entry's message, as its first finding gives it. */
  message: string;
}

export interface MonthTally extends Tally {
  /** Documents dated in this month. */
  documents: number;
}

export interface DocumentSummary extends SeverityTally {
  path: string;
  /** Link to the document relative to the report's folder (URL-encoded). */
  href: string;
  date: string;
  dateSource: DateSource;
  /** The document's own date when it is no date (see ScreenedDocument.invalidDate). */
  invalidDate?: string;
  positionsIn: "file" | "extracted-text";
  findings: FindingRecord[];
}

/** A document whose own date is no date, and the date the report gave it instead. */
export interface InvalidDate {
  path: string;
  written: string;
  date: string;
  dateSource: DateSource;
}

export type UnreadableSummary = Omit<UnreadableDocument, "status" | "absolutePath">;

export interface ArchiveSummary {
  period: { since?: string; until?: string; firstDate?: string; lastDate?: string };
  totals: SeverityTally & {
    documents: number;
    documentsWithFindings: number;
    unreadable: number;
    /** Screened documents left out because their date is outside `--since/--until`. */
    outsidePeriod: number;
  };
  byCategory: Tally[];
  byPack: PackTally[];
  byEntry: EntryTally[];
  /** Every month of `--since`/`--until`, else from the first document's to the last one's, empty months included. */
  byMonth: MonthTally[];
  /** Documents with error-severity findings, most first (at most TOP_DOCUMENTS). */
  topDocuments: Omit<DocumentSummary, "findings" | "dateSource" | "positionsIn">[];
  /** Every screened document in the period, in input order. */
  documents: DocumentSummary[];
  unreadable: UnreadableSummary[];
  /** Screened documents whose own date is no date, whatever the date they were given. */
  invalidDates: InvalidDate[];
  /**
   * Screened documents dated by their file's modification time, whatever the period: nothing they
   * hold says their date, and copying or unpacking an archive sets that time to the day it was done.
   */
  datedByMtime: { path: string; date: string; inPeriod: boolean }[];
  /** Documents of the period whose reading said something (read as GB18030, bad bytes replaced). */
  readNotices: { path: string; notice: string }[];
  /**
   * Documents of the period with the same words (a post reposted on another account, an archive
   * exported twice), each group in input order: their findings are counted once per copy.
   */
  sameContent: { paths: string[]; findings: number }[];
}

export const TOP_DOCUMENTS = 20;

export interface SummaryOptions {
  since?: string;
  until?: string;
  packs: readonly PackInfo[];
  /** How the report links to a document on disk. */
  href: (absolutePath: string) => string;
}

/** Inclusive on both ends; dates are `YYYY-MM-DD`, so comparing the strings compares the days. */
export function inPeriod(date: string | undefined, since?: string, until?: string): boolean {
  if (date === undefined) return true;
  return (since === undefined || date >= since) && (until === undefined || date <= until);
}

/** Counts the results of an archive run every way the report shows them. */
export function summarise(results: readonly DocumentResult[], options: SummaryOptions): ArchiveSummary {
  const { since, until } = options;
  const screened = results.filter((r): r is ScreenedDocument => r.status === "screened");
  const kept = screened.filter((r) => inPeriod(r.date, since, until));
  // Listed whatever their date: a date guessed from the file name or mtime of a file nobody could
  // read must not hide it from the reviewer.
  const unreadable = results
    .filter((r): r is UnreadableDocument => r.status === "unreadable")
    .map(({ status: _status, absolutePath: _absolutePath, ...rest }) => rest);

  const documents: DocumentSummary[] = kept.map((doc) => ({
    path: doc.path,
    href: options.href(doc.absolutePath),
    date: doc.date,
    dateSource: doc.dateSource,
    ...(doc.invalidDate === undefined ? {} : { invalidDate: doc.invalidDate }),
    positionsIn: doc.positionsIn,
    ...tally(doc.findings),
    findings: doc.findings,
  }));
  const findings = kept.flatMap((doc) => doc.findings);
  const dates = kept.map((doc) => doc.date).sort();
  const packNames = new Map(options.packs.map((pack) => [pack.id, pack.name]));

  return {
    period: { since, until, firstDate: dates[0], lastDate: dates[dates.length - 1] },
    totals: {
      documents: kept.length,
      documentsWithFindings: documents.filter((doc) => doc.total > 0).length,
      unreadable: unreadable.length,
      outsidePeriod: screened.length - kept.length,
      ...tally(findings),
    },
    byCategory: groupBy(findings, (f) => f.category).map(({ key, counts }) => ({ key, ...counts })),
    byPack: groupBy(findings, (f) => f.lexiconId).map(({ key, counts }) => ({
      key,
      name: packNames.get(key) ?? key,
      ...counts,
    })),
    byEntry: groupBy(findings, (f) => f.ruleId).map(({ key, first, counts }) => ({
      key,
      lexiconId: first?.lexiconId ?? "",
      entryId: first?.entryId ?? "",
      category: first?.category ?? "",
      message: first?.message ?? "",
      ...counts,
    })),
    byMonth: byMonth(kept, since, until),
    topDocuments: documents
      .filter((doc) => doc.error > 0)
      .sort((a, b) => b.error - a.error || b.total - a.total || compare(a.path, b.path))
      .slice(0, TOP_DOCUMENTS)
      .map(({ findings: _findings, dateSource: _dateSource, positionsIn: _positionsIn, ...doc }) => doc),
    documents,
    unreadable,
    // listed whatever their date: the date they were given may be what put them outside the period
    invalidDates: screened.flatMap((doc) =>
      doc.invalidDate === undefined
        ? []
        : [{ path: doc.path, written: doc.invalidDate, date: doc.date, dateSource: doc.dateSource }],
    ),
    datedByMtime: screened
      .filter((doc) => doc.dateSource === "mtime")
      .map((doc) => ({ path: doc.path, date: doc.date, inPeriod: inPeriod(doc.date, since, until) })),
    readNotices: kept.flatMap((doc) =>
      doc.notice === undefined ? [] : [{ path: doc.path, notice: doc.notice }],
    ),
    sameContent: sameContent(kept),
  };
}

function sameContent(documents: readonly ScreenedDocument[]): ArchiveSummary["sameContent"] {
  const groups = new Map<string, ScreenedDocument[]>();
  for (const doc of documents) {
    if (doc.contentHash === undefined) continue;
    const group = groups.get(doc.contentHash);
    if (group === undefined) groups.set(doc.contentHash, [doc]);
    else group.push(doc);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      paths: group.map((doc) => doc.path),
      findings: (group[0] as ScreenedDocument).findings.length,
    }));
}

export function tally(findings: readonly { severity: Severity }[]): SeverityTally {
  const counts: SeverityTally = { total: findings.length, error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Groups with their tallies, most findings first (then most errors, then by key): tables read top-down. */
function groupBy<T extends { severity: Severity }>(items: readonly T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups]
    .map(([key, group]) => ({ key, first: group[0], counts: tally(group) }))
    .sort(
      (a, b) => b.counts.total - a.counts.total || b.counts.error - a.counts.error || compare(a.key, b.key),
    );
}

/**
 * Every month of the period asked for (`--since`/`--until`), else from the first document's to the
 * last one's: a half-year report whose first and last months had no posts still shows six months.
 */
function byMonth(documents: readonly ScreenedDocument[], since?: string, until?: string): MonthTally[] {
  const months = new Map<string, MonthTally>();
  const monthsOf = documents.map((doc) => doc.date.slice(0, 7)).sort();
  const first = since?.slice(0, 7) ?? monthsOf[0];
  const last = until?.slice(0, 7) ?? monthsOf[monthsOf.length - 1];
  if (first === undefined || last === undefined) return [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    months.set(month, { key: month, documents: 0, total: 0, error: 0, warning: 0, info: 0 });
  }
  for (const doc of documents) {
    const row = months.get(doc.date.slice(0, 7));
    if (row === undefined) continue;
    row.documents += 1;
    for (const finding of doc.findings) {
      row.total += 1;
      row[finding.severity] += 1;
    }
  }
  return [...months.values()];
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the documents dated by their file's time lack: a date, or one that could be read (a date
 * written but no day, 2025-13-01, is listed among them too, and is no date "not written").
 */
export function withoutDate(data: Pick<ArchiveSummary, "datedByMtime" | "invalidDates">): string {
  const written = new Set(data.invalidDates.map((doc) => doc.path));
  const unreadable = data.datedByMtime.filter((doc) => written.has(doc.path)).length;
  return unreadable === 0 ? "没有写日期" : `没有写日期，或写的日期无法识别（后者 ${unreadable} 篇）`;
}
