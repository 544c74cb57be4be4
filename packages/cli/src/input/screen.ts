import { type Finding, placeOnLines, type Screener } from "@shengao/core";
import { type JoinedMarkdown, sourceOffset } from "./markdown.js";

/**
 * Screens an input: its `joined` text where it has one (Markdown with each soft break one space),
 * each finding's span and fix then taken back to `text` itself, quoting it and placed on its
 * lines, so that a fix across a break replaces the break's quote markers and indentation too.
 */
export function screenInput(screener: Screener, input: { text: string; joined?: JoinedMarkdown }): Finding[] {
  const { text, joined } = input;
  if (joined === undefined) return screener.screen(text);
  const findings = screener.screen(joined.text);
  for (const finding of findings) {
    finding.start = sourceOffset(joined, finding.start);
    finding.end = sourceOffset(joined, finding.end);
    finding.text = text.slice(finding.start, finding.end);
    const { fix } = finding;
    if (fix !== undefined)
      finding.fix = { ...fix, start: sourceOffset(joined, fix.start), end: sourceOffset(joined, fix.end) };
  }
  return placeOnLines(findings, text);
}
