import type { Finding } from "@shengao/core";
import type { FindingRecord } from "./types.js";

/** Characters (code points, not UTF-16 units) kept either side of a match. */
export const CONTEXT_CHARS = 30;

/** A finding with the words around it, so the report stands without the document at hand. */
export function findingRecord(finding: Finding, text: string): FindingRecord {
  return {
    ruleId: finding.ruleId,
    lexiconId: finding.lexiconId,
    entryId: finding.entryId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    text: finding.text,
    // a line break at the context's outer edge is no word of it
    before: oneLine(lastChars(text, finding.start, CONTEXT_CHARS)).trimStart(),
    after: oneLine(firstChars(text, finding.end, CONTEXT_CHARS)).trimEnd(),
    suggestions: finding.suggestions,
  };
}

// Counts code points, so an emoji or a rare CJK character (a surrogate pair) is never cut in half;
// `count` code points fit in 2 * count UTF-16 units, one more unit covers a pair cut at the edge.
function lastChars(text: string, end: number, count: number): string {
  return Array.from(text.slice(Math.max(0, end - 2 * count - 1), end))
    .slice(-count)
    .join("");
}

function firstChars(text: string, start: number, count: number): string {
  return Array.from(text.slice(start, start + 2 * count + 1))
    .slice(0, count)
    .join("");
}

/**
 * Line breaks and runs of white space shown as one space: the context is one line of the report. A
 * byte order mark, which \s counts as space, is no character of the text at all.
 */
function oneLine(text: string): string {
  return text.replace(/\uFEFF/g, "").replace(/\s+/g, " ");
}
