import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { ignoredIn, rememberIgnored } from "../lib/ignoredChoices";
import { backgroundScreener, compiledPayload, droppedImports } from "../lib/lexicons/compiledCache";
import type { BackgroundMessage } from "../lib/messages";
import { setupSelectionMenu } from "../lib/selectionMenu";
import { loadSettings } from "../lib/settings";
import { enableOrigin } from "../lib/sites/optionalSites";

export default defineBackground({
  type: "module",
  main() {
    setupSelectionMenu();
    browser.runtime.onMessage.addListener((message: BackgroundMessage, sender, sendResponse) => {
      handle(message, sender.tab?.incognito === true).then(sendResponse, (error: unknown) => {
        console.error("[审稿]", error);
        sendResponse(undefined);
      });
      return true;
    });
  },
});

/** `privately`: asked from a private (incognito) window, whose drafts leave nothing behind. */
async function handle(message: BackgroundMessage, privately: boolean): Promise<unknown> {
  switch (message.type) {
    case "getCompiled":
      return compiledPayload(await loadSettings());
    case "droppedImports":
      return droppedImports(await loadSettings());
    case "screenText":
      return (await backgroundScreener(await loadSettings())).screen(message.text);
    case "enableOrigin":
      return { ok: await enableOrigin(message.origin) };
    // a private window's choices hold in its page only: the session's storage would keep them
    // after the window closes, and give them to a normal window at the same address
    case "ignoredIn":
      return privately ? { choices: [] } : ignoredIn(message.address);
    case "rememberIgnored":
      if (!privately) await rememberIgnored(message.address, message.choice);
      return { ok: !privately };
  }
}
