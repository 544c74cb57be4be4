import {
  type CompiledLexicons,
  compile,
  createIntlSegmenter,
  formatProblem,
  type ParsedLexicon,
  parseLexicon,
  usablePacks,
} from "@shengao/core";
import type { Settings } from "../settings";
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
