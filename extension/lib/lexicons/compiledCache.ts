import { type CompiledLexicons, createIntlSegmenter, loadCompiled, type Screener } from "@shengao/core";
import { browser } from "wxt/browser";
import type { CompiledPayload } from "../messages";
import type { Settings } from "../settings";
import { compileForSettings } from "./compileSettings";
import { DEFAULT_LEXICONS } from "./defaultLexicons";

/**
 * The background's one compiled copy of the lexicons. Compiling happens when the settings that
 * shape it change; the result is kept in storage.local so a service worker woken later loads it
 * with `loadCompiled` instead of compiling again.
 */
interface Cached {
  key: string;
  /** When these lexicons were compiled (Date.now()): shows they are not compiled again per tab. */
  compiledAt: number;
  data: CompiledLexicons;
  problems: string[];
}

const CACHE_KEY = "compiledCache";
let current: { key: string; payload: CompiledPayload; screener?: Screener } | undefined;

export async function compiledPayload(settings: Settings): Promise<CompiledPayload> {
  const key = cacheKey(settings);
  if (current?.key !== key) {
    let cached = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Cached | undefined;
    if (cached?.key !== key) {
      cached = { key, compiledAt: Date.now(), ...compileForSettings(settings) };
      await browser.storage.local.set({ [CACHE_KEY]: cached });
    }
    current = {
      key,
      payload: { data: cached.data, version: key, disabledCategories: [], problems: cached.problems },
    };
  }
  return {
    ...current.payload,
    version: `${key}:${settings.disabledCategories.join(",")}`,
    disabledCategories: settings.disabledCategories,
  };
}

/** A screener in the background itself, for text that is not in a page editor. */
export async function backgroundScreener(settings: Settings): Promise<Screener> {
  const payload = await compiledPayload(settings);
  if (!current) throw new Error("compiled lexicons missing");
  current.screener ??= loadCompiled(payload.data, { segmenter: createIntlSegmenter() });
  return current.screener;
}

function cacheKey(settings: Settings): string {
  const shaping = {
    version: browser.runtime.getManifest().version,
    defaults: DEFAULT_LEXICONS,
    packs: settings.disabledPacks,
    imported: settings.importedPacks,
    custom: settings.customTerms,
  };
  return fnv1a(JSON.stringify(shaping));
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
