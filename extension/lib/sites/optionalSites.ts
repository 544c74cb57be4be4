import { browser } from "wxt/browser";

/**
 * Sites beyond the known ones: the popup asks for the origin's host permission (a user gesture),
 * then the background registers the same content script there. Registrations persist across
 * browser restarts; removing the permission in the browser's settings stops the script.
 */
const CONTENT_SCRIPT_FILE = "content-scripts/content.js";

export function originPattern(origin: string): string {
  return `${new URL(origin).origin}/*`;
}

export async function enableOrigin(origin: string): Promise<boolean> {
  const pattern = originPattern(origin);
  if (!(await browser.permissions.contains({ origins: [pattern] }))) return false;
  const id = `site:${new URL(origin).host}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: [pattern],
        js: [CONTENT_SCRIPT_FILE],
        runAt: "document_start",
        persistAcrossSessions: true,
      },
    ]);
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined && tab.url?.startsWith(new URL(origin).origin)) {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}`] });
  }
  return true;
}
