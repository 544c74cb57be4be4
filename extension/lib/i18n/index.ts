import { browser } from "wxt/browser";
import { en, type MessageKey, zhCN } from "./messages";

export type Language = "zh-CN" | "en";
export type { MessageKey };

let language: Language = "zh-CN";
const LANGUAGE_KEY = "language";

let following = false;

/** Chinese unless the user picked English on the options page; follows later changes of the choice. */
export async function loadLanguage(): Promise<Language> {
  const stored = (await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY];
  language = stored === "en" ? "en" : "zh-CN";
  if (!following) {
    following = true;
    browser.storage.onChanged.addListener((changes, area) => {
      const change = changes[LANGUAGE_KEY];
      if (area === "local" && change) language = change.newValue === "en" ? "en" : "zh-CN";
    });
  }
  return language;
}

export async function saveLanguage(next: Language): Promise<void> {
  language = next;
  await browser.storage.local.set({ [LANGUAGE_KEY]: next });
}

/** The UI string of `key`, with $1, $2… replaced by `args`. */
export function t(key: MessageKey, ...args: (string | number)[]): string {
  const table = language === "en" ? en : zhCN;
  return table[key].replace(/\$(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ""));
}
