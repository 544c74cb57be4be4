import { COMPILED_FORMAT, type CompiledLexicons } from "@shengao/core";
import { browser } from "wxt/browser";
import type { CompiledPayload } from "../messages";
import type { Settings } from "../settings";
import { type DroppedImport, usableCompiledImports } from "./compiledImports";
import { compileForSettings } from "./compileSettings";
import { DEFAULT_LEXICONS } from "./defaultLexicons";
import { type PayloadScreener, payloadScreener } from "./payloadScreener";

/**
 * The background's one compiled copy of the lexicons. Compiling happens when the settings that
 * shape it change; the result is kept in storage.local so a service worker woken later loads it
 * with `loadCompiled` instead of compiling again. Compiled imports join it as they are.
 */
interface Cached {
  key: string;
  /** When these lexicons were compiled (Date.now()): shows they are not compiled again per tab. */
  compiledAt: number;
  data: CompiledLexicons;
  problems: string[];
}

const CACHE_KEY = "compiledCache";
let current:
  | {
      key: string;
      payload: CompiledPayload;
      dropped: DroppedImport[];
      screener?: PayloadScreener;
    }
  | undefined;

export async function compiledPayload(settings: Settings): Promise<CompiledPayload> {
  const key = sourcesKey(settings);
  // a compiled import changes what is screened, not what is compiled; which version checked it
  // decides whether it is checked again
  const imports = settings.compiledImports.map((r) => `${r.file}/${r.sha256}/${r.checkedBy}`);
  const withImports = `${key}.${fnv1a(imports.join())}`;
  if (current?.key !== withImports) {
    let cached = (await browser.storage.local.get(CACHE_KEY))[CACHE_KEY] as Cached | undefined;
    // a cache of another compiled form (left by an earlier version) is compiled again, never loaded
    if (cached?.key !== key || cached.data?.format !== COMPILED_FORMAT) {
      cached = { key, compiledAt: Date.now(), ...compileForSettings(settings) };
      await browser.storage.local.set({ [CACHE_KEY]: cached });
    }
    const imported = await usableCompiledImports(settings, cached.data.packs);
    current = {
      key: withImports,
      payload: {
        data: cached.data,
        imports: imported.imports,
        version: withImports,
        lexiconsVersion: withImports,
        disabledCategories: [],
        disabledPacks: [],
        problems: [...cached.problems, ...imported.dropped.flatMap((d) => d.problems)],
      },
      dropped: imported.dropped,
    };
  }
  return {
    ...current.payload,
    version: `${withImports}:${settings.disabledCategories.join(",")}`,
    disabledCategories: settings.disabledCategories,
    disabledPacks: settings.disabledPacks,
  };
}

/**
 * The compiled imports left out, and why: the options page shows it next to each file (a file
 * checked when imported can break after an update of the extension, or clash with a new pack).
 */
export async function droppedImports(settings: Settings): Promise<DroppedImport[]> {
  await compiledPayload(settings);
  return current?.dropped ?? [];
}

/** A screener in the background itself, for text that is not in a page editor. */
export async function backgroundScreener(settings: Settings): Promise<PayloadScreener> {
  const payload = await compiledPayload(settings);
  if (!current) throw new Error("compiled lexicons missing");
  // the version changes with the categories switched off too: the screener filters them
  if (current.screener?.version !== payload.version)
    current.screener = payloadScreener(payload, current.screener);
  return current.screener;
}

/** What shapes the packs compiled from sources. */
function sourcesKey(settings: Settings): string {
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
