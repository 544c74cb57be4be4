import { type Finding, placeOnLines, type Screener } from "@shengao/core";

/**
 * Screens an input: its `screened` text where it has one (Markdown with soft breaks blanked, of
 * the same length), each finding then quoting `text` itself and placed on its lines, where the
 * line breaks still are.
 */
export function screenInput(screener: Screener, input: { text: string; screened?: string }): Finding[] {
  if (input.screened === undefined) return screener.screen(input.text);
  const findings = screener.screen(input.screened);
  for (const finding of findings) finding.text = input.text.slice(finding.start, finding.end);
  return placeOnLines(findings, input.text);
}
