import {
  COMPILED_FORMAT,
  type CompiledLexicons,
  duplicatePacks,
  formatProblem,
  type PackInfo,
  parseCompiled,
} from "@shengao/core";
import { browser } from "wxt/browser";
import type { CompiledImportRef, Settings } from "../settings";

/**
 * Compiled lexicon files (`shengao lexicon build`) the user imported. They are screened as they
 * are, next to the packs compiled from sources: their automata cannot be merged without the
 * sources, and an organisation's word list may be shipped compiled only. Each file's text is stored
 * under its SHA-256; the settings hold a reference with what the file holds.
 */

const storageKey = (sha256: string) => `compiledImport:${sha256}`;

/** JSON whose `format` names the compiled form (`shengao lexicon build` writes it first). */
export function isCompiledSource(source: string): boolean {
  return /^\uFEFF?\s*\{/.test(source) && /"format"\s*:\s*"shengao-compiled\//.test(source);
}

/** The reference kept in the settings, made when the file is imported and checked. */
export async function compiledImportRef(
  file: string,
  source: string,
  data: CompiledLexicons,
): Promise<CompiledImportRef> {
  return {
    file,
    sha256: await sha256(source),
    checkedBy: checker(),
    packs: data.packs.map(({ id, name, version, entries }) => ({ id, name, version, entries })),
    categories: [...new Set([...data.looks, ...data.disabled].map((r) => r.category))].sort(),
  };
}

/**
 * Who checked an import: this version of the extension, reading this version of the compiled form.
 * A file checked by another is checked again, so one of an older format is reported, not loaded.
 */
function checker(): string {
  return `${browser.runtime.getManifest().version} ${COMPILED_FORMAT}`;
}

/** The pack ids the compiled imports hold (`except` a file being imported again). */
export function compiledPackIds(settings: Settings, except?: string): { id: string; file: string }[] {
  return settings.compiledImports
    .filter((ref) => ref.file !== except)
    .flatMap((ref) => ref.packs.map((p) => ({ id: p.id, file: ref.file })));
}

/** Stores the file's text; may throw (storage full). */
export async function storeCompiledSource(ref: CompiledImportRef, source: string): Promise<void> {
  await browser.storage.local.set({ [storageKey(ref.sha256)]: source });
}

/** Drops the stored text of `removed` files that no remaining reference shares. */
export async function dropCompiledSources(
  removed: readonly CompiledImportRef[],
  remaining: readonly CompiledImportRef[],
): Promise<void> {
  const kept = new Set(remaining.map((r) => r.sha256));
  const unused = removed.filter((r) => !kept.has(r.sha256)).map((r) => storageKey(r.sha256));
  if (unused.length > 0) await browser.storage.local.remove(unused);
}

/** A compiled import left out, and why (its problems formatted, file:line:column first). */
export interface DroppedImport {
  file: string;
  problems: string[];
}

/**
 * The compiled imports that screen next to `sourcePacks` (the packs compiled from sources): each
 * read, checked again unless this version of the extension checked it when it was imported, and
 * left out with its problems when it is broken or holds a pack id already taken. A file all of
 * whose packs are switched off is left out quietly.
 */
export async function usableCompiledImports(
  settings: Settings,
  sourcePacks: readonly PackInfo[],
): Promise<{ imports: CompiledLexicons[]; dropped: DroppedImport[] }> {
  const checkedHere = checker();
  const off = new Set(settings.disabledPacks);
  const taken: { id: string; file: string }[] = sourcePacks.map((p) => ({ id: p.id, file: p.file }));
  const imports: CompiledLexicons[] = [];
  const dropped: DroppedImport[] = [];
  for (const ref of settings.compiledImports) {
    if (ref.packs.every((p) => off.has(p.id))) continue;
    const key = storageKey(ref.sha256);
    const source = (await browser.storage.local.get(key))[key];
    if (typeof source !== "string") {
      dropped.push({
        file: ref.file,
        problems: [`${ref.file}:1:1  错误  已导入的编译后词库没有保存下来，请重新导入  (unreadable)`],
      });
      continue;
    }
    const data = ref.checkedBy === checkedHere ? trusted(source) : undefined;
    const parsed = data ? { data, problems: [] } : parseCompiled(source, ref.file);
    if (!parsed.data) {
      dropped.push({ file: ref.file, problems: parsed.problems.map(formatProblem) });
      continue;
    }
    const ids = parsed.data.packs.map((p) => ({ id: p.id, file: ref.file }));
    const clashes = duplicatePacks([...taken, ...ids]).filter((p) => p.file === ref.file);
    if (clashes.length > 0) {
      dropped.push({ file: ref.file, problems: clashes.map(formatProblem) });
      continue;
    }
    taken.push(...ids);
    imports.push(parsed.data);
  }
  return { imports, dropped };
}

/** A file this version checked on import: its stored text is that file (it is stored under its hash). */
function trusted(source: string): CompiledLexicons | undefined {
  try {
    return JSON.parse(source) as CompiledLexicons;
  } catch {
    return undefined;
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
