import { browser } from "wxt/browser";

/**
 * What the user let be in one draft (a page's address): kept in the background for the browser
 * session, so that reloading the page, or opening the draft again, does not show it again.
 */
export interface IgnoredChoices {
  /** occurrences 忽略 hid: each by its rule, its words and the words around them (occurrenceKey) */
  occurrences: string[];
  /** problems 全部忽略 let be: each by its rule and its words, wherever written (problemKey) */
  problems: string[];
}

interface Draft extends IgnoredChoices {
  /** when a choice was last added: the drafts least recently touched go first past the limit */
  at: number;
}

const KEY = "ignoredChoices";
/** Drafts kept, and choices per draft: old ones go, so the store cannot grow without end. */
export const MAX_DRAFTS = 50;
export const MAX_CHOICES = 200;

/** The storage the choices live in: the session's, held in memory and never written to disk. */
interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

function memoryArea(): Area {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (all) => {
      for (const [k, v] of Object.entries(all)) items.set(k, v);
    },
  };
}

let fallback: Area | undefined;
/** storage.session (Chrome 102, Firefox 115); else the background's memory, which a page keeps. */
function area(): Area {
  const session = (browser.storage as { session?: Area }).session;
  if (session) return session;
  fallback ??= memoryArea();
  return fallback;
}

async function drafts(): Promise<Record<string, Draft>> {
  const stored = (await area().get(KEY))[KEY];
  return stored !== null && typeof stored === "object" ? (stored as Record<string, Draft>) : {};
}

/** The choices made in the draft at `address` this session (none: empty lists). */
export async function ignoredIn(address: string): Promise<IgnoredChoices> {
  // a choice made just before a reload is read after it is written
  await writing;
  const draft = (await drafts())[address];
  return { occurrences: draft?.occurrences ?? [], problems: draft?.problems ?? [] };
}

/** Two pages adding at once must not each write back what they read before the other wrote. */
let writing: Promise<unknown> = Promise.resolve();

/** Adds a choice to the draft at `address`. */
export function rememberIgnored(
  address: string,
  choice: { occurrence?: string | undefined; problem?: string | undefined },
): Promise<void> {
  const write = writing.then(async () => {
    const all = await drafts();
    const draft = all[address] ?? { occurrences: [], problems: [], at: 0 };
    draft.occurrences = added(draft.occurrences, choice.occurrence);
    draft.problems = added(draft.problems, choice.problem);
    draft.at = Date.now();
    all[address] = draft;
    const kept = Object.entries(all)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_DRAFTS);
    await area().set({ [KEY]: Object.fromEntries(kept) });
  });
  writing = write.catch(() => undefined);
  return write;
}

function added(list: readonly string[] | undefined, key: string | undefined): string[] {
  const kept = Array.isArray(list) ? list.filter((k) => typeof k === "string") : [];
  if (key === undefined || kept.includes(key)) return kept;
  return [...kept, key].slice(-MAX_CHOICES);
}
