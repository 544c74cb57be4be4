import { browser } from "wxt/browser";

export const MENU_ID = "shengao-check-selection";
export const SELECTION_KEY = "pendingSelection";

/**
 * "用审稿检查所选文字": the selected text goes to the popup's check box. The popup is opened when the
 * browser allows it; otherwise the same page opens in a small window.
 */
export function setupSelectionMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage("menuCheckSelection"),
      contexts: ["selection"],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => void onSelectionMenuClick(info));
}

/** The menu item was clicked: hand the selection to the popup and show it. */
export async function onSelectionMenuClick(info: {
  menuItemId: string | number;
  selectionText?: string;
}): Promise<"popup" | "window" | "ignored"> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return "ignored";
  await browser.storage.session.set({ [SELECTION_KEY]: info.selectionText });
  try {
    await browser.action.openPopup();
    return "popup";
  } catch {
    await browser.windows.create({
      url: browser.runtime.getURL("/popup.html#selection"),
      type: "popup",
      width: 420,
      height: 640,
    });
    return "window";
  }
}
