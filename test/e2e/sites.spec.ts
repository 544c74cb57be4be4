import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { DRAFT_LINES, NORTH_KOREA, typeLines, waitForMark } from "./support/editors";
import { attachScreenshots, expect, launch, openPopup, test } from "./support/fixtures";
import { EXTENSION_DIR, OTHER_SITE_BASE, OTHER_SITE_ORIGIN } from "./support/paths";

/**
 * Least privilege: the content script runs on the known publishing sites only. Any other site is
 * granted by the user from the popup (permissions.request, then the background registers the
 * content script there). Chromium's permission prompt cannot be answered in a headless test, so
 * the grant itself is stood in for by a copy of the built extension whose manifest already holds
 * that one origin; everything after the prompt is the production code.
 */

const overlayMarks = (page: Page) =>
  page.evaluate(
    () => document.querySelector("shengao-overlay")?.shadowRoot?.querySelectorAll(".mark").length ?? 0,
  );

test("a site beyond the known ones: nothing runs there, and the popup says so", async ({
  browserName: _,
}, testInfo) => {
  const session = await launch(true);
  try {
    const { page } = session;
    await page.goto(`${OTHER_SITE_BASE}textarea.html`);
    await typeLines(page, page.locator("#editor"), DRAFT_LINES);
    // the same draft on a known site is marked within a second or two (editors.spec.ts)
    await page.waitForTimeout(3000);
    expect(await page.evaluate(() => document.querySelector("shengao-overlay") === null)).toBe(true);
    expect(await overlayMarks(page)).toBe(0);
    // the popup says so. (Its grant button needs the tab's address, which activeTab gives when the
    // user clicks the toolbar icon; a test can only open the popup as a page, without that grant.)
    const popup = await openPopup(session, page);
    await expect(popup.getByText("审稿未在本页运行。")).toBeVisible();
    await attachScreenshots(testInfo, session, "other site");
    expect(session.foreign).toEqual([]);
  } finally {
    await session.close();
  }
});

test("once the user grants a site, the content script is registered there and marks the draft", async ({
  browserName: _,
}, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), "shengao-granted-"));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  // what the user's "allow" in the permission prompt gives: this one origin
  manifest.host_permissions = [`${OTHER_SITE_ORIGIN}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const session = await launch(true, dir);
  try {
    const { page } = session;
    await page.goto(`${OTHER_SITE_BASE}textarea.html`);
    const popup = await openPopup(session, page);
    // granted: the popup offers the site's on/off switch, not the grant button
    await expect(popup.getByRole("button", { name: "在此网站停用" })).toBeVisible();
    await expect(popup.getByRole("button", { name: "在此网站启用审稿" })).toHaveCount(0);
    // what the popup asks after the prompt: the background registers the content script
    const reply = await popup.evaluate(
      (origin) => chrome.runtime.sendMessage({ type: "enableOrigin", origin }),
      OTHER_SITE_ORIGIN,
    );
    expect(reply).toEqual({ ok: true });
    const registered = await session.worker?.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered?.map((r) => [r.id, r.matches])).toEqual([
      ["site:www.example.org", [`${OTHER_SITE_ORIGIN}/*`]],
    ]);
    // from now on the site's pages get the content script, as the known sites do
    await page.reload();
    await typeLines(page, page.locator("#editor"), DRAFT_LINES);
    await waitForMark(page, NORTH_KOREA);
    await attachScreenshots(testInfo, session, "granted site");
    // switched off there, the popup says so, rather than that the page has no editor
    const again = await openPopup(session, page);
    await again.getByRole("button", { name: "在此网站停用" }).click();
    const off = await openPopup(session, page);
    await expect(off.locator(".hint")).toHaveText("审稿已在此网站停用：稿件不检查，发布也不拦。");
    expect(session.foreign).toEqual([]);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
