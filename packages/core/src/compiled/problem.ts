import type { JsonPath } from "./jsonLocation.js";

/**
 * A problem in a compiled lexicon file. Shaped like a LexiconProblem, with the JSON path of the
 * value at fault: a built file is one line, so the path says more than the column.
 */
export interface CompiledProblem {
  code: CompiledProblemCode;
  file: string;
  path: JsonPath;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 units of the line */
  column: number;
  /** plain Chinese words: what is wrong and what to do */
  message: string;
  severity: "error";
}

export type CompiledProblemCode =
  /** the text is not JSON (cut off, or not a compiled file at all) */
  | "json-syntax"
  /** JSON, but not this version's `format` (COMPILED_FORMAT): a lexicon source, another version, another file */
  | "not-compiled"
  /** a field missing or of the wrong type */
  | "compiled-schema"
  /** an automaton array is not base64, or its bytes are not whole numbers */
  | "bad-base64"
  /** automaton arrays of the wrong length, or states and edges pointing outside them */
  | "bad-automaton"
  /** a pattern's targets pointing to a rule, role or item that does not exist */
  | "bad-target"
  /** rules out of order, of an unknown pack, with a pattern RE2 rejects */
  | "bad-rule"
  /** two packs with one id */
  | "duplicate-pack";
