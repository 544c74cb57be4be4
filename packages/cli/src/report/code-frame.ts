import { graphemeWidth, stringWidth } from "./width.js";

/** Paragraphs of Chinese posts are often one long line: show a window around the span instead. */
const MAX_LINE_WIDTH = 80;
const CONTEXT_BEFORE = 24;
/** More code units than a window of MAX_LINE_WIDTH columns can show (a column is one or more). */
const WINDOW_UNITS = 4 * MAX_LINE_WIDTH;

export interface CodeFrame {
  /** The (possibly windowed) source line, tabs shown as one space. */
  line: string;
  /** Spaces then `^` under exactly the matched columns of `line`. */
  marker: string;
}

/**
 * The line holding `text[start]`, with the span [start, end) underlined; a span running past the end
 * of its line is underlined to the end of that line. Columns are terminal columns (CJK = 2).
 */
export function codeFrame(text: string, start: number, end: number): CodeFrame {
  const lineStart = lastLineBreakBefore(text, start);
  let lineEnd = nextLineBreakFrom(text, start);
  if (text[lineEnd - 1] === "\r" && lineEnd > start) lineEnd -= 1;
  const spanEnd = Math.max(start, Math.min(end, lineEnd));

  // only the text near the span can show: a paragraph of a hundred thousand characters on one line
  // is cut to a window first, where measuring all of it for each finding took minutes
  const cutBefore = start - lineStart > WINDOW_UNITS;
  const cutAfter = lineEnd - spanEnd > WINDOW_UNITS;
  let before = display(wholeChars(text, cutBefore ? start - WINDOW_UNITS : lineStart, start));
  const span = display(text.slice(start, spanEnd));
  let after = display(wholeChars(text, spanEnd, cutAfter ? spanEnd + WINDOW_UNITS : lineEnd));
  const spanWidth = Math.max(1, stringWidth(span));

  if (
    cutBefore ||
    cutAfter ||
    stringWidth(before) + stringWidth(span) + stringWidth(after) > MAX_LINE_WIDTH
  ) {
    if (cutBefore || stringWidth(before) > CONTEXT_BEFORE)
      before = `…${keepLastColumns(before, CONTEXT_BEFORE - 1)}`;
    const room = Math.max(0, MAX_LINE_WIDTH - stringWidth(before) - spanWidth);
    if (cutAfter || stringWidth(after) > room) after = `${keepFirstColumns(after, Math.max(0, room - 1))}…`;
  }
  return {
    line: before + span + after,
    marker: " ".repeat(stringWidth(before)) + "^".repeat(spanWidth),
  };
}

/** text[from, to), without half a surrogate pair at either end of a cut. */
function wholeChars(text: string, from: number, to: number): string {
  const low = (i: number) => (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  return text.slice(from > 0 && low(from) ? from + 1 : from, to < text.length && low(to) ? to - 1 : to);
}

function lastLineBreakBefore(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (text[i] === "\n" || text[i] === "\r") return i + 1;
  return 0;
}

function nextLineBreakFrom(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++)
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) return i;
  return text.length;
}

/** Tabs would be drawn at a width we cannot know; show each as one space so columns stay exact. */
function display(part: string): string {
  return part.replace(/\t/g, " ");
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function keepLastColumns(part: string, columns: number): string {
  const clusters = [...graphemes.segment(part)].map((s) => s.segment);
  let width = 0;
  let index = clusters.length;
  while (index > 0) {
    const w = graphemeWidth(clusters[index - 1] as string);
    if (width + w > columns) break;
    width += w;
    index -= 1;
  }
  return clusters.slice(index).join("");
}

function keepFirstColumns(part: string, columns: number): string {
  let width = 0;
  let kept = "";
  for (const { segment } of graphemes.segment(part)) {
    const w = graphemeWidth(segment);
    if (width + w > columns) break;
    width += w;
    kept += segment;
  }
  return kept;
}
