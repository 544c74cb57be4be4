import { defineContentScript } from "wxt/utils/define-content-script";
import { startContent } from "../../lib/content/main";
import { KNOWN_SITE_MATCHES } from "../../lib/sites/profiles";

export default defineContentScript({
  matches: [...KNOWN_SITE_MATCHES],
  runAt: "document_start",
  main() {
    // injected again when the user enables a site from the popup: start once per page
    const flag = "__shengaoStarted" as const;
    const scope = globalThis as { [flag]?: boolean };
    if (scope[flag]) return;
    scope[flag] = true;
    startContent();
  },
});
