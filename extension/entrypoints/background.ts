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
    browser.runtime.onMessage.addListener((message: BackgroundMessage, _sender, sendResponse) => {
      handle(message).then(sendResponse, (error: unknown) => {
        console.error("[审稿]", error);
        sendResponse(undefined);
      });
      return true;
    });
  },
});

async function handle(message: BackgroundMessage): Promise<unknown> {
  switch (message.type) {
    case "getCompiled":
      return compiledPayload(await loadSettings());
    case "droppedImports":
      return droppedImports(await loadSettings());
    case "screenText":
      return (await backgroundScreener(await loadSettings())).screen(message.text);
    case "enableOrigin":
      return { ok: await enableOrigin(message.origin) };
    case "ignoredIn":
      return ignoredIn(message.address);
    case "rememberIgnored":
      await rememberIgnored(message.address, message);
      return { ok: true };
  }
}
