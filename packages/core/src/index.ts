import { assertParsedLexicons } from "./arguments.js";
import { compileLexicons } from "./compile.js";
import type { ParsedLexicon } from "./lexicon/parse.js";
import {
  createScreener,
  loadCompiled,
  placeOnLines,
  type Screener,
  type ScreenerOptions,
} from "./screener.js";

export { type CombinedScreener, combineScreeners } from "./combine.js";
export type { PackInfo, RuleInfo } from "./compile.js";
export type { JsonPath } from "./compiled/jsonLocation.js";
export { type ParsedCompiled, parseCompiled } from "./compiled/parse.js";
export type {
  CompiledProblem,
  CompiledProblemCode,
} from "./compiled/problem.js";
export { COMPILED_FORMAT } from "./compiled/schema.js";
export { basisText } from "./findings/basis.js";
export type { Finding, Fix } from "./findings/finding.js";
export { byFindingOrder, sortFindings } from "./findings/order.js";
export { notUtf8Problem } from "./lexicon/bytes.js";
export { type ExampleResult, type MissReason, runExamples } from "./lexicon/examples.js";
export { wordsLookedFor } from "./lexicon/needs.js";
export { type ParsedLexicon, type Path, parseLexicon, type Unsure } from "./lexicon/parse.js";
export { formatProblem, LexiconError, type LexiconProblem, type ProblemCode } from "./lexicon/problem.js";
export * from "./lexicon/schema.js";
export { duplicatePacks, guideChecks, usablePacks, validatePacks } from "./lexicon/validate.js";
export { normalizeText } from "./normalize/normalizeText.js";
export { ALL_ON, type NormalizeProfile } from "./normalize/profile.js";
export { createIntlSegmenter } from "./segment/intlSegmenter.js";
export type { Segmenter } from "./segment/segmenter.js";
export { segmenterFrom } from "./segment/segmenterFrom.js";
export type { CompiledLexicons } from "./serialize.js";
export { loadCompiled, placeOnLines, type Screener, type ScreenerOptions };

/**
 * Compiles lexicon packs once; the screener then screens any number of texts. Throws LexiconError
 * if a pack has errors (drop broken packs first with `usablePacks` to screen with the rest: the list
 * it returns is not validated again).
 */
export function compile(parsed: readonly ParsedLexicon[], options: ScreenerOptions = {}): Screener {
  assertParsedLexicons(parsed, "compile(packs)");
  return createScreener(compileLexicons(parsed), options);
}
