import {
  type CompiledLexicons,
  compile,
  createIntlSegmenter,
  formatProblem,
  type ParsedLexicon,
  parseLexicon,
  usablePacks,
  validatePacks,
} from "@shengao/core";
import type { CustomTerm, Settings } from "../settings";
import { CUSTOM_PACK_FILE, customPackSource } from "./customPack";
import { DEFAULT_LEXICONS } from "./defaultLexicons";

export interface CompiledForSettings {
  data: CompiledLexicons;
  /** Problems of packs left out (an import that broke after an update, a bad custom term). */
  problems: string[];
}

/** Every pack source the settings ask for: defaults, imports, custom terms; disabled packs still in. */
export function parseAllPacks(settings: Settings): ParsedLexicon[] {
  const sources = [...DEFAULT_LEXICONS, ...settings.importedPacks];
  const custom = customPackSource(settings.customTerms);
  if (custom) sources.push({ file: CUSTOM_PACK_FILE, source: custom });
  return sources.map((s) => parseLexicon(s.source, s.file));
}

/**
 * Compiles the packs the settings enable. A broken pack is left out and reported; the others still
 * screen (one bad import must not switch the extension off).
 */
export function compileForSettings(settings: Settings): CompiledForSettings {
  const disabled = new Set(settings.disabledPacks);
  const parsed = parseAllPacks(settings).filter((p) => !p.pack || !disabled.has(p.pack.id));
  const { usable, problems } = usablePacks(parsed);
  const screener = compile(usable, { segmenter: createIntlSegmenter() });
  return {
    data: screener.serialize(),
    problems: problems.filter((p) => p.severity === "error").map(formatProblem),
  };
}

/** A custom term the other packs would refuse, by the line of the options page's box it is on. */
export interface CustomTermProblem {
  /** 1-based line of the box */
  line: number;
  term: string;
  code: string;
  message: string;
}

/**
 * The errors the settings' packs would have with `terms` as the custom terms (a term another pack
 * already flags with another verdict, one that is only punctuation), each placed on the line of
 * `boxText` that wrote the term, for the options page to refuse them before saving: saved, they
 * left the whole custom pack out, and every other custom term with it.
 */
export function customTermProblems(
  settings: Settings,
  terms: readonly CustomTerm[],
  boxText: string,
): CustomTermProblem[] {
  const parsed = parseAllPacks({ ...settings, customTerms: [...terms] });
  const custom = parsed.find((p) => p.file === CUSTOM_PACK_FILE);
  if (!custom) return [];
  const problems = [...custom.problems, ...validatePacks(parsed).filter((p) => p.file === CUSTOM_PACK_FILE)];
  // the generated pack's entries, in the order of `terms`: where each begins in its JSON text
  const starts = terms.map((_, i) => custom.locate(["entries", i]).line);
  const boxLines = boxText.split("\n").map((line) => line.split(/=>|→/)[0]?.trim());
  return problems
    .filter((p) => p.severity === "error")
    .map((p) => {
      let i = starts.length - 1;
      while (i > 0 && (starts[i] as number) > p.line) i--;
      const term = terms[i]?.term ?? "";
      return { line: boxLines.lastIndexOf(term) + 1, term, code: p.code, message: p.message };
    });
}
