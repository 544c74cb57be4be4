import type { CompiledLexicons, Finding } from "@shengao/core";
import { browser } from "wxt/browser";
import type { IgnoredChoice, IgnoredChoices } from "./ignoredChoices";
import type { DroppedImport } from "./lexicons/compiledImports";

/**
 * Messages between the extension's parts, declared once. The content script asks the background
 * for the compiled lexicons once per page and screens locally; the popup asks the page for its
 * findings and the background to screen pasted text.
 */
export interface BackgroundRequests {
  /** The compiled lexicons and the categories the user switched off. */
  getCompiled: { request: Record<string, never>; response: CompiledPayload };
  /** Screens a text that is not in an editor (the popup's paste box, a context-menu selection). */
  screenText: { request: { text: string }; response: Finding[] };
  /** The compiled imports left out, and why (for the options page: not the whole payload). */
  droppedImports: { request: Record<string, never>; response: DroppedImport[] };
  /** Registers the content script for an origin the user just granted from the popup. */
  enableOrigin: { request: { origin: string }; response: { ok: boolean } };
  /** What the user let be (忽略, 全部忽略) in the draft at this address, this browser session. */
  ignoredIn: { request: { address: string }; response: IgnoredChoices };
  /** Keeps one such choice for the session. */
  rememberIgnored: { request: { address: string; choice: IgnoredChoice }; response: { ok: boolean } };
}

export interface PageRequests {
  /** Findings of the page's editors, the focused one first. */
  listFindings: { request: Record<string, never>; response: PageFindings };
  /** Scrolls the finding into view and selects its text. */
  revealFinding: { request: { editor: number; start: number; end: number }; response: { ok: boolean } };
}

export interface CompiledPayload {
  /** The packs compiled from sources: defaults, imported packs, custom terms. */
  data: CompiledLexicons;
  /** Compiled lexicon files the user imported, checked; screened together with `data`. */
  imports: CompiledLexicons[];
  /** Changes whenever the data or the settings that filter findings change. */
  version: string;
  /** Changes only when `data` or `imports` change: switches alone keep the lexicons loaded. */
  lexiconsVersion: string;
  disabledCategories: string[];
  /** Packs switched off: a compiled import's findings of these are dropped (see payloadScreener). */
  disabledPacks: string[];
  /** Packs and compiled files that could not be used (broken imports), their problems formatted. */
  problems: string[];
}

export interface EditorFindings {
  editor: number;
  label: string;
  focused: boolean;
  findings: Finding[];
}

export interface PageFindings {
  enabled: boolean;
  /** The page's script has not read its settings and lexicons yet: ask again shortly. */
  starting: boolean;
  editors: EditorFindings[];
}

type Envelope<R, K extends keyof R> = { type: K } & (R[K] extends { request: infer Q } ? Q : never);
type Reply<R, K extends keyof R> = R[K] extends { response: infer A } ? A : never;

export function askBackground<K extends keyof BackgroundRequests>(
  type: K,
  request: BackgroundRequests[K]["request"],
): Promise<Reply<BackgroundRequests, K>> {
  return browser.runtime.sendMessage({ type, ...request });
}

export function askTab<K extends keyof PageRequests>(
  tabId: number,
  type: K,
  request: PageRequests[K]["request"],
): Promise<Reply<PageRequests, K>> {
  return browser.tabs.sendMessage(tabId, { type, ...request }, { frameId: 0 });
}

export type BackgroundMessage = {
  [K in keyof BackgroundRequests]: Envelope<BackgroundRequests, K>;
}[keyof BackgroundRequests];
export type PageMessage = { [K in keyof PageRequests]: Envelope<PageRequests, K> }[keyof PageRequests];
