import { defineConfig } from "wxt";

// Least privilege: content scripts run on the known publishing sites only; any other site is granted
// one at a time from the popup (optional_host_permissions + scripting.registerContentScripts).
export default defineConfig({
  imports: false,
  manifest: {
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "zh_CN",
    permissions: ["storage", "contextMenus", "scripting", "activeTab"],
    optional_host_permissions: ["https://*/*", "http://*/*"],
    action: { default_title: "__MSG_extName__" },
    content_security_policy: {
      // No network from extension pages: nothing but the extension's own files.
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  },
});
