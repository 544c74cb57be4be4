import type { Basis, RuleKind, Severity } from "../lexicon/schema.js";

/**
 * A fix is a replacement of one span of the ORIGINAL text: the finding's, or a little wider where
 * replacing only it would leave a quotation mark unpaired (台湾“总统” → 台湾地区领导人) or a word
 * doubled (党的二十大三中全会 → 党的二十届三中全会).
 */
export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/**
 * One problem found in a text. Offsets are UTF-16 code units into the original text, `end` exclusive;
 * line and column are 1-based, columns counted in UTF-16 code units (as ESLint and SARIF do).
 */
export interface Finding {
  /** `pack/entry`, unique across the compiled lexicons. */
  ruleId: string;
  lexiconId: string;
  entryId: string;
  kind: RuleKind;
  category: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The original text of [start, end), noise inside included. */
  text: string;
  suggestions: string[];
  /** Present when one suggestion is a safe one-click fix (replace, canonical). */
  fix?: Fix;
  basis?: Basis;
}
