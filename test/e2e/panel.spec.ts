import { DRAFT_LINES, marks, NORTH_KOREA, overlay, typeLines, ZUIHAO } from "./support/editors";
import { expect, extensionPage, openPopup, snapshot, test } from "./support/fixtures";
import { SITE_BASE } from "./support/paths";

/** "必须修改 1" … as the popup shows them, by severity. */
function counts(scope: import("@playwright/test").Locator) {
  return scope.locator(".count").allTextContents();
}

test("the popup lists the focused editor's findings by severity; a click shows one in the page", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  await page.goto(`${SITE_BASE}two-editors.html`);
  await typeLines(page, page.locator("#title"), ["北韩来信"]);
  await typeLines(page, page.locator("#body"), DRAFT_LINES);
  await expect
    .poll(() =>
      page.evaluate(
        () => document.querySelector("shengao-overlay")?.shadowRoot?.querySelectorAll(".mark").length,
      ),
    )
    .toBe(3);

  // the editors below the fold: picking a finding must scroll the page to it
  await page.evaluate(() => {
    const spacer = document.createElement("div");
    spacer.style.height = "1500px";
    document.body.prepend(spacer);
    window.scrollTo(0, 0);
  });

  const popup = await openPopup(ext, page);
  const editors = popup.locator(".editor");
  await expect(editors).toHaveCount(2);
  const focused = editors.first();
  await expect(focused).toHaveAttribute("data-focused", "true");
  // named as the user sees it: an unnamed contenteditable is an 编辑区, not its tag and id
  await expect(focused.locator(".editor-label")).toHaveText("编辑区（共 2 处）");
  expect(await counts(focused)).toEqual(["必须修改 1", "建议修改 1", "提示 0"]);
  await expect(focused.locator(".finding")).toHaveCount(2);
  const other = editors.nth(1);
  await expect(other.locator(".editor-label")).toHaveText("标题（共 1 处）");
  expect(await counts(other)).toEqual(["必须修改 1", "建议修改 0", "提示 0"]);
  await snapshot(testInfo, popup, "popup");

  // a click on 全国最好 closes the popup and shows it in the page: selected, its card open
  const closed = popup.waitForEvent("close");
  await focused.locator(`.finding[data-rule="${ZUIHAO}"]`).click();
  await closed;
  await page.bringToFront();
  await expect(overlay(page).locator(".card")).toHaveAttribute("data-rule", ZUIHAO);
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe("全国最好");
  // scrolled into view, the mark on its text
  await expect
    .poll(async () => {
      const mark = (await marks(page)).find((m) => m.rule === ZUIHAO);
      const height = await page.evaluate(() => window.innerHeight);
      return Boolean(mark && mark.rect.y > 0 && mark.rect.y + mark.rect.height < height);
    })
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  await snapshot(testInfo, page, "revealed");
});

test("the popup names each editor by the words the page shows for it, never by its id or name", async ({
  ext,
}) => {
  const { page } = ext;
  await page.goto(`${SITE_BASE}labels.html`);
  await typeLines(page, page.locator("#summary"), ["北韩来信"]);
  const popup = await openPopup(ext, page);
  const labels = popup.locator(".editor .editor-label");
  await expect(labels).toHaveCount(4);
  // the focused editor first, then the others as found
  expect(await labels.allTextContents()).toEqual([
    "摘要（共 1 处）",
    "请输入正文，不少于 100 字，可以插入图片和…（共 0 处）",
    "编辑区 1（共 0 处）",
    "编辑区 2（共 0 处）",
  ]);
});

test("the popup opened while the page is still loading waits for it, and does not say the site is off", async ({
  ext,
}) => {
  const { page } = ext;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/slow.js", async (route) => {
    await held;
    await route.fulfill({ contentType: "text/javascript", body: "" });
  });
  await page.goto(`${SITE_BASE}loading.html`, { waitUntil: "commit" });
  await page.locator("#editor").waitFor();
  const popup = await openPopup(ext, page);
  await expect(popup.locator(".page .hint")).toHaveText("审稿正在本页启动，请稍候……");
  await expect(popup.getByText("审稿已在此网站停用", { exact: false })).toHaveCount(0);
  release();
  await expect(popup.locator(".editor .editor-label")).toHaveText("正文（共 1 处）");
  await expect(popup.locator(".page .hint")).toHaveCount(0);
});

test("the popup's paste box screens pasted text", async ({ ext }, testInfo) => {
  const { page } = ext;
  await page.goto(`${SITE_BASE}textarea.html`);
  const popup = await openPopup(ext, page);
  // where an editor looks for help: how to open a card without a mouse
  await expect(popup.locator("#keyboard-hint")).toContainText("按 Alt+Enter 打开说明卡片");
  await popup.locator("#paste").fill("美国、日本、台湾等国家的学者访问了北韩。");
  await popup.locator("#check").click();
  const results = popup.locator("#paste-results");
  await expect(results.locator(`.finding[data-rule="${NORTH_KOREA}"]`)).toContainText("朝鲜");
  await expect(results.locator(".finding")).not.toHaveCount(0);
  const errors = await results.locator('.finding[data-severity="error"]').count();
  expect(errors).toBeGreaterThanOrEqual(2); // 北韩 and 台湾 listed among countries
  expect((await counts(results))[0]).toBe(`必须修改 ${errors}`);
  await snapshot(testInfo, popup, "paste results");
  // a suggested wording that is no fix, with its label's own colon once
  await popup.locator("#paste").fill("香港与大陆的科研人员合作。");
  await popup.locator("#check").click();
  await expect(results.locator('.finding[data-rule="editorial/hk-mo-mainland"] .hints')).toHaveText(
    "参考写法：内地",
  );

  await popup.locator("#paste").fill("今天天气很好。");
  await popup.locator("#check").click();
  await expect(results.locator(".empty")).toHaveText("没有发现问题。");
  // nothing pasted is nothing checked, not a clean text
  await popup.locator("#paste").fill("  \n");
  await popup.locator("#check").click();
  await expect(results.locator(".empty")).toHaveText("请先把要检查的文字粘贴到上面的框里。");
  await expect(results.locator(".count")).toHaveCount(0);
});

test("text handed over by the context menu is checked when the popup opens", async ({ ext }, testInfo) => {
  // what onSelectionMenuClick stores (its own test: extension/test/selectionMenu.test.ts)
  await ext.worker?.evaluate(() => chrome.storage.session.set({ pendingSelection: "本店商品全国最好" }));
  const popup = await extensionPage(ext, "popup.html#selection");
  await expect(popup.locator("h2", { hasText: "所选文字的检查结果" })).toBeVisible();
  await expect(popup.locator("#paste")).toHaveValue("本店商品全国最好");
  await expect(popup.locator(`#paste-results .finding[data-rule="${ZUIHAO}"]`)).toBeVisible();
  // handed over once: the stored selection is gone
  await expect
    .poll(() =>
      ext.worker?.evaluate(
        async () => (await chrome.storage.session.get("pendingSelection")).pendingSelection,
      ),
    )
    .toBeUndefined();
  await snapshot(testInfo, popup, "selection results");
});
