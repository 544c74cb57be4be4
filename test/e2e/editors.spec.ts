import {
  CLEAN_LINES,
  content,
  DRAFT_LINES,
  EDITORS,
  editorLocator,
  hoverMark,
  type Mark,
  marks,
  NORTH_KOREA,
  open,
  openDraft,
  overlay,
  plainText,
  publishClicks,
  selectedText,
  shortcutSends,
  typeLines,
  waitForMark,
  ZUIHAO,
} from "./support/editors";
import { expect, snapshot, test, withSession } from "./support/fixtures";
import { placement } from "./support/placement";

for (const spec of EDITORS) {
  test.describe(spec.name, () => {
    test("highlights each problem on its text", async ({ ext }, testInfo) => {
      const { page } = ext;
      const editor = await open(page, spec);
      await typeLines(page, editor, DRAFT_LINES);
      const error = await waitForMark(page, NORTH_KOREA);
      const warning = await waitForMark(page, ZUIHAO);
      await snapshot(testInfo, page, "highlights");
      expect(error.severity).toBe("error");
      expect(warning.severity).toBe("warning");
      expect(await placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
      expect(await placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
      expect(await marks(page)).toHaveLength(2);
    });

    test("a fix replaces exactly its span and Ctrl+Z restores it", async ({ ext }, testInfo) => {
      const { page } = ext;
      const editor = await open(page, spec);
      await typeLines(page, editor, DRAFT_LINES);
      const typedAt = Date.now();
      const before = await plainText(editor);
      const mark = await waitForMark(page, NORTH_KOREA);
      await hoverMark(page, mark);
      const card = overlay(page).locator(".card");
      await expect(card).toBeVisible();
      await expect(card.locator(".message")).toContainText("朝鲜");
      await expect(card.locator(".badge")).toHaveText("必须修改");
      await expect(card.locator(".category")).toHaveText("禁用词");
      await expect(card.locator(".basis")).toContainText(
        "依据：新华社《新华社新闻信息报道中的禁用词和慎用词》",
      );
      await snapshot(testInfo, page, "card");
      // the fix is its own step of the editor's undo history only once the typing's step is closed
      const typingStepOpen = typedAt + (spec.undoGroupMs ?? 0) + 100 - Date.now();
      if (typingStepOpen > 0) await page.waitForTimeout(typingStepOpen);
      await card.locator("button.suggestion", { hasText: "朝鲜" }).click();
      await expect.poll(() => plainText(editor)).toBe(before.replace("北韩", "朝鲜"));
      await expect.poll(async () => (await marks(page)).map((m) => m.rule)).toEqual([ZUIHAO]);
      await page.keyboard.press("Control+z");
      await expect.poll(() => plainText(editor)).toBe(before);
      await waitForMark(page, NORTH_KOREA);
    });

    test("leaves the editor's content as it is without the extension", async ({
      browserName: _,
    }, testInfo) => {
      // one browser at a time: the draft typed without the extension, then with it
      const without = await withSession(testInfo, false, async ({ page }) => {
        const editor = await open(page, spec);
        await typeLines(page, editor, DRAFT_LINES);
        expect(await page.locator("shengao-overlay").count()).toBe(0);
        return content(editor);
      });
      const withExtension = await withSession(testInfo, true, async ({ page }) => {
        const editor = await openDraft(page, spec);
        await waitForMark(page, ZUIHAO);
        // hovering opens the card; it must not touch the editor either
        await hoverMark(page, (await marks(page))[0] as Mark);
        await expect(overlay(page).locator(".card")).toBeVisible();
        await snapshot(testInfo, page, "card open");
        return content(editor);
      });
      expect(withExtension).toBe(without);
      expect(without).toContain("北韩");
    });

    test("holds publishing while errors remain, and lets it through on 仍然发布", async ({
      ext,
    }, testInfo) => {
      const { page } = ext;
      const editor = await openDraft(page, spec);
      const dialog = overlay(page).locator(".dialog");

      await page.locator("#publish").click();
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("1 处必须修改");
      await expect(dialog).toContainText("北韩");
      await snapshot(testInfo, page, "publish held");
      expect(await publishClicks(page)).toEqual([]);
      await dialog.getByRole("button", { name: "返回修改" }).click();
      await expect(dialog).toHaveCount(0);
      expect(await publishClicks(page)).toEqual([]);
      // back in the editor, the first error is selected and its card open
      const card = overlay(page).locator(".card");
      await expect(card).toBeVisible();
      await expect(card).toHaveAttribute("data-rule", NORTH_KOREA);
      await expect.poll(() => selectedText(page, spec)).toBe("北韩");
      await page.keyboard.press("Escape");
      await expect(card).toHaveCount(0);

      await page.locator("#publish").click();
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "仍然发布" }).click();
      await expect(dialog).toHaveCount(0);
      await expect.poll(() => publishClicks(page)).toHaveLength(1);
      // the user chose to publish with these errors: a second click (the page's own confirmation,
      // a retry) is not asked about again
      await page.locator("#publish").click();
      await expect.poll(() => publishClicks(page)).toHaveLength(2);
      await expect(dialog).toHaveCount(0);
      // one more of the same words is a new error: held again, the new one counted
      await editor.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("北韩");
      await page.locator("#publish").click();
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("2 处必须修改");
      expect(await publishClicks(page)).toHaveLength(2);
    });

    test("a typo undone within the typing pause leaves the word's mark, and publishing held", async ({
      ext,
    }) => {
      const { page } = ext;
      const editor = await openDraft(page, spec);
      // the caret between 北 and 韩; a character typed and taken back before the pause ends
      await page.keyboard.press("Control+Home");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.type("X");
      await page.keyboard.press("Backspace");
      await expect.poll(() => plainText(editor)).toContain("北韩科学院");
      await page.waitForTimeout(1000);
      expect((await marks(page)).map((m) => m.rule)).toContain(NORTH_KOREA);
      await page.locator("#publish").click();
      await expect(overlay(page).locator(".dialog")).toContainText("北韩");
      expect(await publishClicks(page)).toEqual([]);
    });

    if (spec.kind !== "contenteditable")
      test("holds Ctrl+Enter, the send shortcut, while errors remain, and sends on 仍然发布", async ({
        ext,
      }) => {
        const { page } = ext;
        const editor = await openDraft(page, spec);
        const before = await plainText(editor);
        const dialog = overlay(page).locator(".dialog");

        await page.keyboard.press("Control+Enter");
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText("北韩");
        // pressed again, or held down, while the question is open (its answer has the focus): kept too
        await page.keyboard.press("Control+Enter");
        await expect(dialog).toHaveCount(1);
        // neither the key nor its keyup reached the page, and the draft is as it was
        expect(await shortcutSends(page)).toEqual([]);
        expect(await plainText(editor)).toBe(before);
        await dialog.getByRole("button", { name: "仍然发布" }).click();
        await expect(dialog).toHaveCount(0);
        // sent again, as pages of the keyCode era read it too
        await expect
          .poll(() => shortcutSends(page))
          .toEqual([
            { type: "keydown", trusted: false, keyCode: 13 },
            { type: "keyup", trusted: false, keyCode: 13 },
          ]);
        expect(await publishClicks(page)).toEqual([]);
        // the errors accepted, the shortcut pressed again goes through untouched
        await editor.click();
        await page.keyboard.press("Control+Enter");
        await expect.poll(() => shortcutSends(page)).toHaveLength(4);
        expect((await shortcutSends(page)).slice(2).map((e) => e.trusted)).toEqual([true, true]);
      });
    else
      test("Ctrl+Enter in a rich editor is the editor's own (a line break in some): not held", async ({
        ext,
      }) => {
        const { page } = ext;
        await openDraft(page, spec);
        await page.keyboard.press("Control+Enter");
        await expect.poll(() => shortcutSends(page)).toHaveLength(2);
        expect((await shortcutSends(page)).map((e) => e.trusted)).toEqual([true, true]);
        await expect(overlay(page).locator(".dialog")).toHaveCount(0);
      });

    test("a clean draft publishes untouched", async ({ ext }) => {
      const { page } = ext;
      const editor = await open(page, spec);
      await typeLines(page, editor, CLEAN_LINES);
      // no wait for the debounce: the gate screens pending text itself
      await page.locator("#publish").click();
      expect(await publishClicks(page)).toEqual([{ trusted: true }]);
      await editor.click();
      await page.keyboard.press("Control+Enter");
      expect((await shortcutSends(page)).map((e) => [e.type, e.trusted])).toEqual([
        ["keydown", true],
        ["keyup", true],
      ]);
      await expect(overlay(page).locator(".dialog")).toHaveCount(0);
      expect(await marks(page)).toEqual([]);
      expect(await plainText(editorLocator(page, spec))).toContain("科学院代表团");
    });
  });
}

test("after 仍然发布, the page's own confirmation (发表, then 发表 in its dialog) goes through unasked", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS[0] as (typeof EDITORS)[number];
  const editor = await open(page, spec);
  // the page asks itself before publishing, as WeChat's editor does: its dialog's own 发表 publishes
  await page.evaluate(() => {
    const confirm = document.createElement("div");
    confirm.id = "confirm";
    confirm.hidden = true;
    confirm.innerHTML = '<p>确定发表这篇文章？</p><button id="confirm-publish" type="button">发表</button>';
    document.body.append(confirm);
    const w = window as unknown as { confirmed: number };
    w.confirmed = 0;
    document.getElementById("publish")?.addEventListener("click", () => {
      confirm.hidden = false;
    });
    document.getElementById("confirm-publish")?.addEventListener("click", () => {
      w.confirmed++;
    });
  });
  const confirmed = () => page.evaluate(() => (window as unknown as { confirmed: number }).confirmed);
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  const dialog = overlay(page).locator(".dialog");
  await page.locator("#publish").click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("本页不再为这几处问题拦截发布");
  await dialog.getByRole("button", { name: "仍然发布" }).click();
  await expect(page.locator("#confirm")).toBeVisible();
  await page.locator("#confirm-publish").click();
  await expect.poll(confirmed).toBe(1);
  await expect(dialog).toHaveCount(0);
});

test("a suggestion that is no fix is shown as a wording, never a button that replaces the match", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS[0] as (typeof EDITORS)[number];
  const editor = await open(page, spec);
  // 内地 is this entry's suggested wording for 香港与大陆 as a whole: replacing the match with it
  // would drop 香港与
  await typeLines(page, editor, ["香港与大陆的科研人员合作。"]);
  const before = await plainText(editor);
  const mark = await waitForMark(page, "editorial/hk-mo-mainland");
  await hoverMark(page, mark);
  const card = overlay(page).locator(".card");
  await expect(card).toBeVisible();
  await expect(card.locator(".hints")).toHaveText("参考写法：内地");
  await expect(card.locator("button.suggestion")).toHaveCount(0);
  await card.locator(".hints").click();
  expect(await plainText(editor)).toBe(before);
});

for (const name of ["textarea", "contenteditable div", "TipTap (ProseMirror)"]) {
  test(`${name}: 返回修改 brings an error far down a long draft into the editor's view`, async ({ ext }) => {
    const { page } = ext;
    const spec = EDITORS.find((e) => e.name === name) as (typeof EDITORS)[number];
    const editor = await open(page, spec);
    await typeLines(page, editor, ["科学院代表团来访。"]);
    const lines = Array.from({ length: 300 }, (_, i) => `第${i + 1}行，科学院代表团来访。`);
    lines[250] = "第251行，北韩代表团来访。";
    // put in as one edit, as an editor pastes a finished draft
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(lines.join("\n"));
    await page.keyboard.press("Control+Home");
    await expect.poll(() => plainText(editor)).toContain("北韩");
    await editor.evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.locator("#publish").click();
    const dialog = overlay(page).locator(".dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "返回修改" }).click();
    const card = overlay(page).locator(".card");
    await expect(card).toBeVisible();
    await expect.poll(() => selectedText(page, spec)).toBe("北韩");
    // the card and its mark are on screen, inside the editor's box, not thousands of pixels below
    const box = (await editor.boundingBox()) as { y: number; height: number };
    const mark = (await marks(page)).find((m) => m.rule === NORTH_KOREA) as Mark;
    expect(mark.rect.y).toBeGreaterThanOrEqual(box.y - 1);
    expect(mark.rect.y + mark.rect.height).toBeLessThanOrEqual(box.y + box.height + 1);
    const cardBox = (await card.boundingBox()) as { y: number; height: number };
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 720);
  });
}

test("a hidden field or a search box with an error in it does not hold publishing a clean draft", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS[0] as (typeof EDITORS)[number];
  const editor = await open(page, spec);
  await page.evaluate(() => {
    const hidden = document.createElement("textarea");
    hidden.style.display = "none";
    hidden.value = "北韩代表团来访。";
    const invisible = document.createElement("textarea");
    invisible.style.visibility = "hidden";
    invisible.value = "北韩代表团来访。";
    const research = document.createElement("input");
    research.name = "research_title";
    research.placeholder = "标题（便于读者搜索）";
    research.id = "research";
    const search = document.createElement("input");
    search.placeholder = "搜索文章";
    search.value = "北韩";
    const query = document.createElement("input");
    query.type = "search";
    query.value = "北韩";
    document.body.append(hidden, invisible, search, query, research);
  });
  await typeLines(page, editor, CLEAN_LINES);
  await page.locator("#publish").click();
  expect(await publishClicks(page)).toEqual([{ trusted: true }]);
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);
  // a field whose label only mentions searching is an editor: its error is held
  await typeLines(page, page.locator("#research"), ["全国最好"]);
  await waitForMark(page, ZUIHAO);
  // the same error in the draft itself is held
  await typeLines(page, editor, ["北韩代表团来访。"]);
  await page.locator("#publish").click();
  await expect(overlay(page).locator(".dialog")).toContainText("1 处必须修改");
});

test("the draft the user wrote still holds publishing when the page hides it for a last step", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS[0] as (typeof EDITORS)[number];
  const editor = await open(page, spec);
  await typeLines(page, editor, ["北韩代表团来访。"]);
  await waitForMark(page, NORTH_KOREA);
  // a multi-step publish flow: the body editor is hidden (v-show) while the settings step shows
  await editor.evaluate((el) => {
    el.style.display = "none";
  });
  await page.locator("#publish").click();
  await expect(overlay(page).locator(".dialog")).toContainText("1 处必须修改");
  expect(await publishClicks(page)).toEqual([]);
});

test("a textarea whose value the page's script sets is screened again: marks follow, a fixed word's mark goes", async ({
  ext,
}) => {
  const { page } = ext;
  const textarea = EDITORS.find((e) => e.name === "textarea") as (typeof EDITORS)[number];
  const editor = await openDraft(page, textarea);
  await waitForMark(page, ZUIHAO);
  // a toolbar's "insert topic" button: setting value fires no input event and changes no DOM
  await editor.evaluate((el) => {
    const area = el as HTMLTextAreaElement;
    area.value = `#科普日# ${area.value.replace("北韩", "朝鲜")}`;
  });
  await expect.poll(async () => (await marks(page)).map((m) => m.rule)).toEqual([ZUIHAO]);
  const text = await editor.inputValue();
  const [zuihao] = await marks(page);
  expect(text.slice(zuihao?.start, zuihao?.end)).toBe("全国最好");
});
