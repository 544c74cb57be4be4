import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const PAGES_DIR = fileURLToPath(new URL("../pages/", import.meta.url));
export const PAGES_DIST = fileURLToPath(new URL("../pages/dist/", import.meta.url));
/** The built extension (`pnpm --filter @shengao/extension build`). */
export const EXTENSION_DIR = fileURLToPath(
  new URL("../../../extension/.output/chrome-mv3/", import.meta.url),
);
/** The Firefox build (`pnpm --filter @shengao/extension build:firefox`): its manifest is checked. */
export const FIREFOX_EXTENSION_DIR = fileURLToPath(
  new URL("../../../extension/.output/firefox-mv2/", import.meta.url),
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * The test pages are served on a known site's origin (the content script's default matches, so the
 * production build is tested as is). Playwright's router answers these requests from the local
 * static server: nothing goes out.
 */
export const SITE_ORIGIN = "https://mp.weixin.qq.com";
export const SITE_BASE = `${SITE_ORIGIN}/shengao-e2e/`;
/**
 * A site that is not one of the known ones: the production build never runs there unless the user
 * grants it. Answered from the same static server.
 */
export const OTHER_SITE_ORIGIN = "https://www.example.org";
export const OTHER_SITE_BASE = `${OTHER_SITE_ORIGIN}/shengao-e2e/`;
