import {
  type CombinedScreener,
  combineScreeners,
  createIntlSegmenter,
  type Finding,
  loadCompiled,
} from "@shengao/core";
import type { CompiledPayload } from "../messages";

/** What a page or the background screens with. */
export interface PayloadScreener {
  screen(text: string): Finding[];
  /** The payload's version: a new one needs a new screener. */
  readonly version: string;
  /** The lexicons loaded, and their version. */
  readonly lexicons: { version: string; screener: CombinedScreener };
}

/**
 * The packs compiled from sources and each imported compiled file, loaded without compiling and
 * screened as one; findings of categories switched off, and of packs switched off inside a compiled
 * file (packs from sources are left out when compiling), are dropped. The lexicons of `previous`
 * are kept when the payload changed only in its switches: loading an organisation's compiled word
 * list again, in every tab, for one category switched off would take a second and tens of MB.
 */
export function payloadScreener(payload: CompiledPayload, previous?: PayloadScreener): PayloadScreener {
  const lexicons =
    previous?.lexicons.version === payload.lexiconsVersion
      ? previous.lexicons
      : { version: payload.lexiconsVersion, screener: loadLexicons(payload) };
  const categories = new Set(payload.disabledCategories);
  const packs = new Set(payload.disabledPacks);
  return {
    screen: (text) =>
      lexicons.screener.screen(text).filter((f) => !categories.has(f.category) && !packs.has(f.lexiconId)),
    version: payload.version,
    lexicons,
  };
}

function loadLexicons(payload: CompiledPayload): CombinedScreener {
  // one segmenter: the words of every part mark word boundaries for all, as in one compile
  const segmenter = createIntlSegmenter();
  return combineScreeners(
    [payload.data, ...payload.imports].map((data) => loadCompiled(data, { segmenter })),
  );
}
