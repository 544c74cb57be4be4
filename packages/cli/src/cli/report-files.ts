import { type FileHandle, open, readFile, stat } from "node:fs/promises";

// What shengao report writes, known again when met: in an archive it is no document (screening it
// would count each of its findings again), and over another file it must not be written.

/**
 * True when `path` is a file that a report would overwrite but that shengao did not write: a
 * draft of the archive named report.html, say. A report is known by its generator (the page's
 * meta tag, the data's `generator.name`). Missing or unreadable: false (writing says why).
 */
export async function holdsOtherThanReport(path: string): Promise<boolean> {
  if (!(await stat(path).catch(() => undefined))?.isFile()) return false;
  if (path.endsWith(".html")) {
    const head = await headOf(path);
    return head !== undefined && !REPORT_PAGE.test(head);
  }
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch {
    return false;
  }
  try {
    return (JSON.parse(content) as { generator?: { name?: unknown } }).generator?.name !== "shengao";
  } catch {
    return true;
  }
}

/** The generator tag in the head of a report.html (renderReportHtml). */
const REPORT_PAGE = /<meta name="generator" content="shengao[ "]/;

/** True when `path` is an HTML page shengao wrote as a report, known by the head of the file. */
export async function isReportPage(path: string): Promise<boolean> {
  if (!/\.html?$/i.test(path)) return false;
  const head = await headOf(path); // unreadable: reading it as a document says why
  return head !== undefined && REPORT_PAGE.test(head);
}

/** The first kilobyte of a file, where a page's head is; undefined when it cannot be read. */
async function headOf(path: string): Promise<string | undefined> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, "r");
    const head = Buffer.alloc(1024);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.toString("utf8", 0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}
