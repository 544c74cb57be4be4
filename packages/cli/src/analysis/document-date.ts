import { basename } from "node:path";
import { frontMatter } from "../input/markdown.js";
import type { DocumentDate } from "./types.js";

/**
 * A calendar date written in one of the ways Chinese archives write it: 2025-03-21, 2025/3/21,
 * 2025.03.21, 2025年3月21日, or an ISO timestamp (its date part, as the author wrote it).
 */
const WRITTEN_DATE = /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/;
/** File names also use the compact 20250321; never inside a longer run of digits (ids, times). */
const COMPACT_DATE = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/;

/** English dates as meta tags and feeds write them: 21 Mar 2025, Fri, 21 Mar 2025 10:00 GMT, March 21, 2025. */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_MONTH_YEAR = /(?<!\d)(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})(?!\d)/i;
const MONTH_DAY_YEAR = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)/i;

export function parseWrittenDate(value: string): string | undefined {
  const match = WRITTEN_DATE.exec(value);
  if (match !== null) return calendarDate(match[1], match[2], match[3]);
  const dmy = DAY_MONTH_YEAR.exec(value);
  const mdy = dmy === null ? MONTH_DAY_YEAR.exec(value) : null;
  const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  const m = MONTHS.indexOf((month ?? "").toLowerCase()) + 1;
  // the day as written: a time and its zone, when given, are not converted
  return m === 0 ? undefined : calendarDate(year, String(m), day);
}

/** The date in a file name (not its folders): 2025-03-21, 2025_03_21, 20250321, 2025年3月21日. */
export function fileNameDate(path: string): string | undefined {
  const name = basename(path).replace(/_/g, "-");
  const written = parseWrittenDate(name);
  if (written !== undefined) return written;
  const match = COMPACT_DATE.exec(name);
  return match === null ? undefined : calendarDate(match[1], match[2], match[3]);
}

/** `date:` in a Markdown file's YAML front matter (the block between the first two `---` lines: `frontMatter`). */
export function frontMatterDate(markdown: string): string | undefined {
  const written = frontMatterWritten(markdown);
  return written === undefined ? undefined : parseWrittenDate(written);
}

/** The values of `date:` in the front matter as written, dates or not. */
const FRONT_MATTER_DATE =
  /^(?:date|publish_?date|published|published_?at|pub_?date|date_?published|发布日期|发布时间|发表日期|日期)[ \t]*[:：][ \t]*["']?([^"'\r\n#]+)/gim;

/**
 * YAML for no date (`date: ~`, `date: null`: nothing written, nothing wrong) and for a flag:
 * `published: true` (Jekyll, Hexo, dev.to) says whether the post is out, not when.
 */
const NOT_A_DATE = /^(?:~|null|true|false|yes|no|on|off)?$/i;

function frontMatterWritten(markdown: string): string | undefined {
  const block = frontMatter(markdown);
  if (block === undefined) return undefined;
  // date: as Hugo and Jekyll write it, and the names other tools and editors give it (Date:,
  // publishDate:, 发布日期：); never updated: or lastmod:, which are not when it was published.
  // The first that holds a value: `published: true` above `date:` does not hide it
  for (const [, written = ""] of block.content.matchAll(FRONT_MATTER_DATE)) {
    const value = written.trim();
    if (!NOT_A_DATE.test(value)) return value;
  }
  return undefined;
}

/** Meta tags news sites and CMSs put the publication date in, by `name`, `property` or `itemprop`. */
const DATE_META_NAMES = new Set([
  "date",
  "article:published_time",
  "pubdate",
  "publishdate",
  "datepublished",
]);
const META_TAG = /<meta\b[^>]*>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/g;

/** The date in the first date meta tag (`<meta name="date" content="2025-03-21">`, `article:published_time` …). */
export function htmlMetaDate(html: string): string | undefined {
  return htmlMetaDates(html)
    .map(parseWrittenDate)
    .find((date) => date !== undefined);
}

/** The contents of the page's date meta tags, in order, dates or not. */
function htmlMetaDates(html: string): string[] {
  const contents: string[] = [];
  for (const [tag] of liveHtml(html).matchAll(META_TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name = "", quoted = ""] of tag.matchAll(ATTRIBUTE)) {
      attributes.set(name.toLowerCase(), quoted.replace(/^["']|["']$/g, ""));
    }
    const key = attributes.get("name") ?? attributes.get("property") ?? attributes.get("itemprop");
    const content = attributes.get("content");
    if (key === undefined || content === undefined || !DATE_META_NAMES.has(key.toLowerCase())) continue;
    if (content.trim() !== "") contents.push(content.trim());
  }
  return contents;
}

/** The page without its comments and scripts: a tag commented out, or written in a script, is no tag of the page. */
function liveHtml(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<script\b[\s\S]*?(?:<\/script\s*>|$)/gi, "");
}

/**
 * The publication time a page shows in its text where no meta tag gives it: a WeChat article saved
 * from the browser has none, and shows it as <em id="publish_time">2025-06-15 10:00</em>.
 */
function pageShownDate(html: string): string | undefined {
  const text = /<([a-z][a-z0-9]*)\b[^>]*\bid\s*=\s*["']?publish_time["']?[^>]*>([^<]*)</i
    .exec(liveHtml(html))?.[2]
    ?.trim();
  return text === undefined || text === "" ? undefined : text;
}

/** The local calendar date of a file's modification time: what a user sees in the file manager. */
export function mtimeDate(mtime: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${mtime.getFullYear()}-${pad(mtime.getMonth() + 1)}-${pad(mtime.getDate())}`;
}

export type DocumentFormat = "markdown" | "html" | "other";

/**
 * The document's own date (front matter, meta tag), else its file name's, else its modification
 * time's; the file is stat'ed only when nothing written says the date.
 */
export async function documentDate(
  path: string,
  format: DocumentFormat,
  source: string,
  modified: () => Promise<Date>,
): Promise<DocumentDate> {
  const frontMatter = format === "markdown" ? frontMatterWritten(source) : undefined;
  const metas = format === "html" ? htmlMetaDates(source) : [];
  const shown = format === "html" ? pageShownDate(source) : undefined;
  const written =
    format === "html"
      ? [...metas, ...(shown === undefined ? [] : [shown])]
      : frontMatter === undefined
        ? []
        : [frontMatter];
  const at = written.findIndex((text) => parseWrittenDate(text) !== undefined);
  if (at >= 0) {
    const date = parseWrittenDate(written[at] as string) as string;
    return { date, source: format === "markdown" ? "front-matter" : at < metas.length ? "meta" : "page" };
  }
  // a date the document gives that is none (2025-02-30, 三月): said, not passed over in silence
  const invalid = written[0] === undefined ? {} : { invalid: written[0] };
  const named = fileNameDate(path);
  if (named !== undefined) return { date: named, source: "file-name", ...invalid };
  // a file name dated with a day that is none (2025-02-29-稿件.txt) is said too: its file's time is used
  const misnamed = written[0] === undefined ? misdatedName(basename(path)) : undefined;
  return {
    date: mtimeDate(await modified()),
    source: "mtime",
    ...(misnamed === undefined ? invalid : { invalid: misnamed }),
  };
}

/**
 * A date a file name writes that is no day: 2025-02-29, or compact 20240230 (a year and a month,
 * then a day the month has not). A run of digits whose month is none (20251399) is an id, not a date.
 */
function misdatedName(name: string): string | undefined {
  const written = WRITTEN_DATE.exec(name.replace(/_/g, "-"))?.[0];
  if (written !== undefined) return written;
  const compact = COMPACT_DATE.exec(name);
  if (compact === null) return undefined;
  const [year, month] = [Number(compact[1]), Number(compact[2])];
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 ? compact[0] : undefined;
}

function calendarDate(year = "", month = "", day = ""): string | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return undefined;
  // day 0 of the next month is the last day of this one (leap years included)
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A `--since` / `--until` bound: a day (2025-03-21, 2025/3/21, 2025年3月21日), a month (2025-03) or a
 * year (2025); a month or year starts on its first day and ends on its last.
 */
export function periodBound(value: string, end: "start" | "end"): string | undefined {
  const day = parseWrittenDate(value);
  if (
    day !== undefined &&
    /^\s*\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?\s*$/.test(value)
  ) {
    return day;
  }
  const month = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$/.exec(value);
  if (month !== null) {
    const last = String(new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate());
    return calendarDate(month[1], month[2], end === "start" ? "1" : last);
  }
  const year = /^\s*(\d{4})\s*年?\s*$/.exec(value);
  if (year !== null) return calendarDate(year[1], end === "start" ? "1" : "12", end === "start" ? "1" : "31");
  return undefined;
}
