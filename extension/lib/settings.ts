import type { Severity } from "@shengao/core";
import { browser } from "wxt/browser";

/** Everything the user sets on the options page, in `browser.storage.local` under one key. */
export interface Settings {
  /** Site keys (profile id or hostname) where the extension stays quiet. */
  disabledSites: string[];
  /** Pack ids switched off: left out of compiling, or (in a compiled import) their findings dropped. */
  disabledPacks: string[];
  /** Categories whose findings are not shown. */
  disabledCategories: string[];
  /** Packs the user imported: the file's text as imported (YAML or JSON). */
  importedPacks: ImportedPack[];
  /**
   * Compiled lexicon files the user imported (`shengao lexicon build`): what each holds. Their text,
   * megabytes for an organisation's word list, is kept under a storage key of its own
   * (lexicons/compiledImports.ts), out of the settings every tab is sent on every change.
   */
  compiledImports: CompiledImportRef[];
  /** The user's own terms, compiled as a generated pack. */
  customTerms: CustomTerm[];
}

export interface ImportedPack {
  file: string;
  source: string;
}

export interface CompiledImportRef {
  file: string;
  /** SHA-256 of the file's text: names the storage key that holds it. */
  sha256: string;
  /** The extension version whose core checked the file (parseCompiled) when it was imported. */
  checkedBy: string;
  packs: { id: string; name: string; version: string; entries: number }[];
  categories: string[];
}

export interface CustomTerm {
  term: string;
  /** When set, the finding offers this replacement as a one-click fix. */
  replacement?: string;
  severity: Severity;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  disabledPacks: [],
  disabledCategories: [],
  importedPacks: [],
  compiledImports: [],
  customTerms: [],
};

const KEY = "settings";

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[KEY];
    if (area === "local" && change)
      listener({ ...DEFAULT_SETTINGS, ...(change.newValue as Partial<Settings>) });
  });
}
