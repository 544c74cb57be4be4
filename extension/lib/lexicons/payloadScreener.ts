import { combineScreeners, createIntlSegmenter, type Finding, loadCompiled } from "@shengao/core";
import type { CompiledPayload } from "../messages";

/** What a page or the background screens with. */
export interface PayloadScreener {
  screen(text: string): Finding[];
}

/**
 * The packs compiled from sources and each imported compiled file, loaded without compiling and
 * screened as one; findings of categories switched off, and of packs switched off inside a compiled
 * file (packs from sources are left out when compiling), are dropped.
 */
export function payloadScreener(payload: CompiledPayload): PayloadScreener {
  // one segmenter: the words of every part mark word boundaries for all, as in one compile
  const segmenter = createIntlSegmenter();
  const combined = combineScreeners(
    [payload.data, ...payload.imports].map((data) => loadCompiled(data, { segmenter })),
  );
  const categories = new Set(payload.disabledCategories);
  const packs = new Set(payload.disabledPacks);
  return {
    screen: (text) =>
      combined.screen(text).filter((f) => !categories.has(f.category) && !packs.has(f.lexiconId)),
  };
}
