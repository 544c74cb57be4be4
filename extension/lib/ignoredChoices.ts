import { browser } from "wxt/browser";

/**
 * One thing the user let be in a draft: an occurrence 忽略 hid (its occurrenceKey: rule, words and
 * the words around them) or a problem 全部忽略 let be (its problemKey: rule and words), with the
 * signature of the editor's text when it was chosen (draftSignature), which says whether a text
 * met later is that draft.
 */
export interface IgnoredChoice {
  kind: "occurrence" | "problem";
  key: string;
  draft: number[];
}

/**
 * What the user let be in the drafts at one page address: kept in the background for the browser
 * session, so that the draft the page shows again after a reload gets it back.
 */
export interface IgnoredChoices {
  choices: IgnoredChoice[];
}

interface Draft extends IgnoredChoices {
  /** when a choice was last added: the addresses least recently touched go first past the limit */
  at: number;
}

const KEY = "ignoredChoices";
/** Addresses kept, and choices per address: old ones go, so the store cannot grow without end. */
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
/** storage.session (Chrome 102, Firefox 115); else the background's memory. */
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

/** Two pages adding at once must not each write back what they read before the other wrote. */
let writing: Promise<unknown> = Promise.resolve();

/** The choices made at `address` this session (none: an empty list). */
export async function ignoredIn(address: string): Promise<IgnoredChoices> {
  // a choice made just before a reload is read after it is written
  await writing;
  return { choices: validChoices((await drafts())[address]?.choices) };
}

/** Adds a choice made at `address`; the same one made again keeps its latest draft signature. */
export function rememberIgnored(address: string, choice: IgnoredChoice): Promise<void> {
  const write = writing.then(async () => {
    const all = await drafts();
    const kept = validChoices(all[address]?.choices).filter(
      (c) => c.kind !== choice.kind || c.key !== choice.key,
    );
    all[address] = { choices: [...kept, choice].slice(-MAX_CHOICES), at: Date.now() };
    const recent = Object.entries(all)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_DRAFTS);
    await area().set({ [KEY]: Object.fromEntries(recent) });
  });
  writing = write.catch(() => undefined);
  return write;
}

function validChoices(list: unknown): IgnoredChoice[] {
  return Array.isArray(list)
    ? list.filter(
        (c): c is IgnoredChoice =>
          (c?.kind === "occurrence" || c?.kind === "problem") &&
          typeof c.key === "string" &&
          Array.isArray(c.draft),
      )
    : [];
}
