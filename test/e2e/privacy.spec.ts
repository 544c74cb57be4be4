import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EDITORS, openDraft } from "./support/editors";
import { expect, extensionPage, launch, test } from "./support/fixtures";
import { EXTENSION_DIR, FIREFOX_EXTENSION_DIR, SITE_BASE } from "./support/paths";

const manifest = (dir = EXTENSION_DIR) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));

test("the manifest asks for the known sites only; other sites are optional, granted on request", () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  expect(m.host_permissions).toBeUndefined();
  expect(m.optional_host_permissions).toEqual(["https://*/*", "http://*/*"]);
  const matches: string[] = m.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
  expect(matches.length).toBeGreaterThan(0);
  for (const match of matches) expect(match).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.(com|qq\.com)\/\*$/);
  expect(m.permissions.sort()).toEqual([
    "activeTab",
    "contextMenus",
    "scripting",
    "storage",
    "unlimitedStorage",
  ]);
  expect(m.content_security_policy.extension_pages).toContain("connect-src 'none'");
  expect(m.browser_specific_settings).toBeUndefined();
});

test("the Firefox build (Manifest V2) asks for the same: known sites, others optional, no network", () => {
  const chrome = manifest();
  const m = manifest(FIREFOX_EXTENSION_DIR);
  expect(m.manifest_version).toBe(2);
  expect(m.permissions.sort()).toEqual(chrome.permissions.sort());
  expect(m.optional_permissions).toEqual(chrome.optional_host_permissions);
  expect(m.content_scripts).toEqual(chrome.content_scripts);
  expect(m.content_security_policy).toBe(chrome.content_security_policy.extension_pages);
  expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] });
  for (const file of ["background.js", "popup.html", "options.html", "content-scripts/content.js"])
    expect(existsSync(join(FIREFOX_EXTENSION_DIR, file)), file).toBe(true);
});

/**
 * Every test fails when anything but the test pages and the extension's own files is requested
 * (support/fixtures.ts watches the context's requests: pages, extension pages and, in Playwright
 * ≥ 1.55, service workers). This checks the net catches what it must, and that the extension's CSP
 * (connect-src 'none') refuses its service worker any fetch before it reaches the network.
 */
test("the no-network check sees requests from pages and extension pages; the service worker cannot fetch", async () => {
  const session = await launch(true);
  try {
    await session.page.goto(`${SITE_BASE}textarea.html`);
    await session.page.evaluate(() => fetch("https://example.com/from-page").catch(() => undefined));
    const options = await extensionPage(session, "options.html");
    await options.evaluate(() => {
      new Image().src = "https://example.com/from-extension-page.png";
    });
    const fromWorker = await session.worker?.evaluate(() =>
      fetch("https://example.com/from-worker").then(
        () => "fetched",
        (error: unknown) => `refused: ${error}`,
      ),
    );
    expect(fromWorker).toMatch(/^refused: TypeError/);
    const fromExtensionPage = await options.evaluate(() =>
      fetch("https://example.com/fetch-from-extension-page").then(
        () => "fetched",
        (error: unknown) => `refused: ${error}`,
      ),
    );
    expect(fromExtensionPage).toMatch(/^refused: TypeError/);
    await expect
      .poll(() => [...session.foreign].sort())
      .toEqual(["https://example.com/from-extension-page.png", "https://example.com/from-page"]);
  } finally {
    await session.close();
  }
});

test("screening a draft, opening the popup and the options page requests nothing", async ({ ext }) => {
  // the fixture fails the test on any foreign request; this one exercises every part
  const { page } = ext;
  await openDraft(page, EDITORS[0] as (typeof EDITORS)[0]);
  const popup = await extensionPage(ext, "popup.html");
  await popup.locator("#paste").fill("北韩");
  await popup.locator("#check").click();
  await expect(popup.locator("#paste-results .finding")).toHaveCount(1);
  await extensionPage(ext, "options.html");
  expect(ext.requests.some((url) => url.startsWith("chrome-extension://"))).toBe(true);
});
