import { defineConfig } from "wxt";

// Least privilege: content scripts run on the known publishing sites only; any other site is granted
// one at a time from the popup (optional host permissions + scripting.registerContentScripts).
const ANY_SITE = ["https://*/*", "http://*/*"];

export default defineConfig({
  imports: false,
  manifest: ({ manifestVersion, browser }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "zh_CN",
    // unlimitedStorage: an imported compiled lexicon can be tens of megabytes, past storage.local's 10 MB
    permissions: ["storage", "unlimitedStorage", "contextMenus", "scripting", "activeTab"],
    // Manifest V2 (the Firefox build) has no optional_host_permissions: hosts go in optional_permissions
    ...(manifestVersion === 3 ? { optional_host_permissions: ANY_SITE } : { optional_permissions: ANY_SITE }),
    action: { default_title: "__MSG_extName__" },
    // Firefox only (Chrome warns about keys it does not know)
    ...(browser === "firefox"
      ? {
          browser_specific_settings: {
            // drafts never leave the browser: nothing is collected
            gecko: {
              id: "shengao@shengao.extension",
              strict_min_version: "115.0",
              data_collection_permissions: { required: ["none"] },
            },
          },
        }
      : {}),
    content_security_policy: {
      // No network from extension pages: nothing but the extension's own files.
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  }),
});
