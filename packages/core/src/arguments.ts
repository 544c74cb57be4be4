import type { ParsedLexicon } from "./lexicon/parse.js";

/**
 * Mistakes in calling the library, as opposed to bad lexicon text: a TypeError that says what the
 * function takes, where JavaScript's own ("parsed.flatMap is not a function", "Cannot read
 * properties of undefined (reading 'severity')") sends a developer into our internals.
 */
export function assertText(value: unknown, call: string): asserts value is string {
  if (typeof value !== "string") throw new TypeError(`${call} 需要文字（string），实际是 ${kindOf(value)}`);
}

/** `parsed` must be what parseLexicon returns, in an array: [parseLexicon(text, "a.yaml")]. */
export function assertParsedLexicons(parsed: unknown, call: string): asserts parsed is ParsedLexicon[] {
  const ok =
    Array.isArray(parsed) &&
    parsed.every(
      (p: unknown) =>
        typeof p === "object" &&
        p !== null &&
        typeof (p as ParsedLexicon).file === "string" &&
        Array.isArray((p as ParsedLexicon).problems),
    );
  if (!ok)
    throw new TypeError(
      `${call} 需要 parseLexicon 结果的数组，如 [parseLexicon(text, "a.yaml")]，实际是 ${kindOf(parsed)}${
        Array.isArray(parsed) ? "（其中有不是 parseLexicon 结果的项）" : ""
      }`,
    );
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "数组";
  return typeof value;
}
