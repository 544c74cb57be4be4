import { RE2JS } from "re2js";
import type { NormalizeBuffer } from "../normalize/normalizeText.js";
import type { Rule } from "./rule.js";

export function compilePattern(rule: Rule): RE2JS {
  return RE2JS.compile(rule.look.pattern as string);
}

/** Why RE2 cannot compile `source`, or undefined when it can: lexicons and compiled files are checked with it. */
export function patternError(source: string): string | undefined {
  try {
    RE2JS.compile(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Runs an RE2 pattern (linear time: no backtracking) over the normalised text and maps each match
 * back to the original span it came from.
 */
export function matchPattern(
  re: RE2JS,
  normalized: string,
  buf: NormalizeBuffer,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const m = re.matcher(normalized);
  while (m.find()) {
    const s = m.start();
    const e = m.end();
    if (e <= s) continue; // an empty match marks no text
    spans.push({ start: buf.from[s] as number, end: buf.to[e - 1] as number });
  }
  return spans;
}
