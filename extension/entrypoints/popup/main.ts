import type { Finding } from "@shengao/core";
import { type Browser, browser } from "wxt/browser";
import { loadLanguage, t } from "../../lib/i18n";
import { askBackground, askTab, type PageFindings } from "../../lib/messages";
import { el } from "../../lib/overlay/dom";
import { SELECTION_KEY } from "../../lib/selectionMenu";
import { loadSettings, saveSettings } from "../../lib/settings";
import { originPattern } from "../../lib/sites/optionalSites";
import { profileForHost, siteKey } from "../../lib/sites/profiles";
import { findingList, severityCounts } from "../../lib/ui/findingList";

/**
 * The popup: the findings of the page's editors (focused editor first), a paste box, the results of
 * "用审稿检查所选文字", and the switch for the current site.
 */
async function main(): Promise<void> {
  await loadLanguage();
  document.title = t("popup_title");
  const app = document.getElementById("app") as HTMLElement;
  const options = el(document, "button", { text: t("popup_options") });
  options.addEventListener("click", () => browser.runtime.openOptionsPage());
  const pageSection = el(document, "section", { className: "page" });
  const pasteSection = pasteBox();
  app.append(
    el(document, "header", {}, [
      el(document, "h1", { text: t("popup_title") }),
      el(document, "span", { className: "spacer" }),
      options,
    ]),
    pageSection,
    pasteSection.section,
    // the card opens on hover, or from the keyboard: said where an editor looks for help
    el(document, "p", { className: "keys", attrs: { id: "keyboard-hint" }, text: t("popup_keyboard_hint") }),
  );
  const selection = (await browser.storage.session.get(SELECTION_KEY))[SELECTION_KEY];
  if (typeof selection === "string") {
    await browser.storage.session.remove(SELECTION_KEY);
    await pasteSection.check(selection, t("popup_selection"));
  }
  const tab = await targetTab();
  if (tab?.id !== undefined && location.hash !== "#selection") await showPage(pageSection, tab);
}

/**
 * The tab whose drafts to show: the active one, or `?tab=<id>` when this page is opened in a tab or
 * window of its own (where the active tab would be the page itself).
 */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const id = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function showPage(section: HTMLElement, tab: Browser.tabs.Tab): Promise<void> {
  section.append(el(document, "h2", { text: t("popup_page") }));
  const url = tab.url ? new URL(tab.url) : undefined;
  let page = await listFindings(tab.id as number);
  if (page?.starting) {
    // the page is still loading, or its script reading the lexicons: wait, rather than call it off
    const wait = el(document, "p", { className: "hint", text: t("popup_starting") });
    section.append(wait);
    for (let tries = 0; page?.starting && tries < STARTING_TRIES; tries++) {
      await new Promise((resolve) => setTimeout(resolve, STARTING_POLL_MS));
      page = await listFindings(tab.id as number);
    }
    if (page?.starting) return;
    wait.remove();
  }
  if (url && /^https?:$/.test(url.protocol)) section.append(await siteSwitch(url, Boolean(page)));
  if (!page) {
    section.append(el(document, "p", { className: "hint", text: t("popup_not_running") }));
    return;
  }
  if (!page.enabled) {
    section.append(el(document, "p", { className: "hint", text: t("popup_site_off") }));
    return;
  }
  if (page.editors.length === 0) {
    section.append(el(document, "p", { className: "hint", text: t("popup_no_editor") }));
    return;
  }
  // the focused editor first, each with its findings counted by severity
  for (const editor of page.editors) {
    const list = findingList(document, editor.findings, async (f: Finding) => {
      await askTab(tab.id as number, "revealFinding", { editor: editor.editor, start: f.start, end: f.end });
      window.close();
    });
    section.append(
      el(document, "div", { className: "editor", attrs: { "data-focused": String(editor.focused) } }, [
        el(document, "div", {
          className: "editor-label",
          text: t("popup_count", editor.label, editor.findings.length),
        }),
        severityCounts(document, editor.findings),
        list,
      ]),
    );
  }
}

/** How often and how long the popup asks a page whose script is starting (a page still loading). */
const STARTING_POLL_MS = 250;
const STARTING_TRIES = 120;

async function listFindings(tab: number): Promise<PageFindings | undefined> {
  try {
    return await askTab(tab, "listFindings", {});
  } catch {
    return undefined; // no content script on this page
  }
}

/** Known sites switch on and off in the settings; other sites are granted one origin at a time. */
async function siteSwitch(url: URL, running: boolean): Promise<HTMLElement> {
  const settings = await loadSettings();
  const key = siteKey(url.hostname);
  const known = Boolean(profileForHost(url.hostname));
  const granted = known || (await browser.permissions.contains({ origins: [originPattern(url.origin)] }));
  if (!granted && !running) {
    const enable = el(document, "button", { className: "primary", text: t("popup_enable_here") });
    enable.addEventListener("click", async () => {
      // permissions.request must run in the click's user gesture, before any other await
      const ok = await browser.permissions.request({ origins: [originPattern(url.origin)] });
      if (ok && (await askBackground("enableOrigin", { origin: url.origin })).ok) window.close();
    });
    return enable;
  }
  const disabled = settings.disabledSites.includes(key);
  const toggle = el(document, "button", {
    text: disabled ? t("popup_enable_site") : t("popup_disable_site"),
  });
  toggle.addEventListener("click", async () => {
    const current = await loadSettings();
    const next = disabled ? current.disabledSites.filter((s) => s !== key) : [...current.disabledSites, key];
    await saveSettings({ disabledSites: next });
    window.close();
  });
  return toggle;
}

function pasteBox(): { section: HTMLElement; check(text: string, title?: string): Promise<void> } {
  const input = el(document, "textarea", {
    attrs: { rows: "5", placeholder: t("popup_paste_placeholder"), id: "paste" },
  });
  const button = el(document, "button", {
    className: "primary",
    text: t("popup_check"),
    attrs: { id: "check" },
  });
  const results = el(document, "div", { className: "results", attrs: { id: "paste-results" } });
  const heading = el(document, "h2", { text: t("popup_paste") });
  const check = async (text: string, title?: string) => {
    input.value = text;
    if (title) heading.textContent = title;
    // nothing checked is no clean result
    if (text.trim() === "") {
      results.replaceChildren(el(document, "p", { className: "empty", text: t("popup_paste_empty") }));
      return;
    }
    const findings = await askBackground("screenText", { text });
    results.replaceChildren(severityCounts(document, findings), findingList(document, findings));
  };
  button.addEventListener("click", () => void check(input.value));
  return { section: el(document, "section", {}, [heading, input, button, results]), check };
}

void main();
