import {
  DRAFT_LINES,
  EDITORS,
  type EditorSpec,
  editorLocator,
  hoverMark,
  marks,
  NORTH_KOREA,
  open,
  openDraft,
  overlay,
  plainText,
  publishClicks,
  typeLines,
  waitForMark,
  ZUIHAO,
} from "./support/editors";
import { expect, extensionPage, snapshot, test } from "./support/fixtures";

const byName = (name: string) => EDITORS.find((e) => e.name === name) as EditorSpec;

/** Starts of the marks of one rule, in text order. */
async function starts(page: import("@playwright/test").Page, rule: string): Promise<number[]> {
  return (await marks(page))
    .filter((m) => m.rule === rule)
    .map((m) => m.start)
    .sort((a, b) => a - b);
}

for (const spec of [byName("contenteditable div"), byName("textarea")]) {
  test(`${spec.name}: 忽略 hides that one occurrence, also after more typing`, async ({ ext }, testInfo) => {
    const { page } = ext;
    const editor = await open(page, spec);
    await typeLines(page, editor, ["北韩代表团和北韩学者。"]);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 6]);
    const first = (await marks(page)).find((m) => m.rule === NORTH_KOREA && m.start === 0);
    await hoverMark(page, first as NonNullable<typeof first>);
    const card = overlay(page).locator(".card");
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "忽略", exact: true }).click();
    await expect(card).toHaveCount(0);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6]);
    // typing after the draft re-screens it: the ignored occurrence stays hidden, a new one shows
    await page.keyboard.type("北韩。");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6, 11]);
    await snapshot(testInfo, page, "after ignore");
    expect(await plainText(editor)).toBe("北韩代表团和北韩学者。北韩。");
    // the ignore stays with its occurrence when text is written or deleted before it, where it
    // followed "the first 北韩" and hid the one written earlier in the draft
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("北韩，");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 9, 14]);
    await page.keyboard.press("Control+Home");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Delete");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6, 11]);
    expect(await plainText(editor)).toBe("北韩代表团和北韩学者。北韩。");
    // an edit inside the ignored occurrence makes it a new one: screened afresh
    await page.keyboard.press("Delete");
    await page.keyboard.type("北");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 6, 11]);
  });
}

for (const spec of [byName("contenteditable div"), byName("textarea")]) {
  test(`${spec.name}: 全部忽略 hides the problem wherever it is in the draft, and where it is written later`, async ({
    ext,
  }) => {
    const { page } = ext;
    const editor = await open(page, spec);
    await typeLines(page, editor, ["北韩代表团和北韩学者。", "质量全国最好。"]);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 6]);
    await waitForMark(page, ZUIHAO);
    const card = overlay(page).locator(".card");
    // a problem found once has no such button
    const zuihao = (await marks(page)).find((m) => m.rule === ZUIHAO);
    await hoverMark(page, zuihao as NonNullable<typeof zuihao>);
    await expect(card).toBeVisible();
    await expect(card.locator("button.ignore-all")).toHaveCount(0);
    const first = (await marks(page)).find((m) => m.rule === NORTH_KOREA && m.start === 0);
    await hoverMark(page, first as NonNullable<typeof first>);
    await expect(card).toHaveAttribute("data-rule", NORTH_KOREA);
    await card.getByRole("button", { name: "全部忽略（2 处）" }).click();
    await expect(card).toHaveCount(0);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([]);
    // written again later: still let be, where another problem written with it is marked (so the
    // draft was screened again)
    await page.keyboard.type("北韩，全国最好。");
    await expect.poll(async () => (await marks(page)).filter((m) => m.rule === ZUIHAO).length).toBe(2);
    expect(await starts(page, NORTH_KOREA)).toEqual([]);
    // nothing left that must be changed: publishing is not held
    await page.locator("#publish").click();
    expect(await publishClicks(page)).toEqual([{ trusted: true }]);
  });
}

/** Puts a draft into the editor as a page restoring it does: by script, no typing, no input event. */
async function restoreDraft(editor: import("@playwright/test").Locator, lines: string[]): Promise<void> {
  await editor.evaluate((element, lines) => {
    if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
      element.value = lines.join("\n");
      return;
    }
    element.replaceChildren(
      ...lines.map((line) => {
        const block = document.createElement("div");
        block.textContent = line;
        return block;
      }),
    );
  }, lines);
}

for (const spec of [byName("contenteditable div"), byName("textarea")]) {
  test(`${spec.name}: what 忽略 and 全部忽略 let be is let be again in the draft the page restores after a reload, not in a new draft at the same address`, async ({
    ext,
  }) => {
    const { page } = ext;
    const draft = ["北韩代表团和北韩学者。", "质量全国最好，服务全国最好。"];
    let editor = await open(page, spec);
    await typeLines(page, editor, draft);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 6]);
    const card = overlay(page).locator(".card");
    const first = (await marks(page)).find((m) => m.rule === NORTH_KOREA && m.start === 0);
    await hoverMark(page, first as NonNullable<typeof first>);
    await card.getByRole("button", { name: "忽略", exact: true }).click();
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6]);
    const zuihao = (await marks(page)).find((m) => m.rule === ZUIHAO);
    await hoverMark(page, zuihao as NonNullable<typeof zuihao>);
    await card.getByRole("button", { name: "全部忽略（2 处）" }).click();
    await expect.poll(() => starts(page, ZUIHAO)).toEqual([]);

    // the page loaded again, and the draft restored into it by the page, a paragraph added before
    editor = await open(page, spec);
    await restoreDraft(editor, ["新的一段。", ...draft]);
    // the other 北韩 is marked, so the draft was screened: the one ignored is not, nor 最好
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([12]);
    expect(await starts(page, ZUIHAO)).toEqual([]);
    // 北韩 written in another place is another occurrence; 最好 written again is still let be
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("北韩，全国最好。");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([12, 32]);
    expect(await starts(page, ZUIHAO)).toEqual([]);

    // a new draft at the same address (one composer page for every new post), with the same
    // problem words, typed or put there by the page (pasted into a rich editor, a prefilled box):
    // nothing let be, and publishing is held for its errors
    const other = ["北韩学者来访，双方交流合作。", "本会科普服务全国最好。"];
    for (const write of ["typed", "put by the page"]) {
      editor = await open(page, spec);
      if (write === "typed") await typeLines(page, editor, other);
      else await restoreDraft(editor, other);
      await expect.poll(() => starts(page, NORTH_KOREA), write).toEqual([0]);
      expect(await starts(page, ZUIHAO), write).toHaveLength(1);
      await page.locator("#publish").click();
      await expect(overlay(page).locator(".dialog"), write).toBeVisible();
      expect(await publishClicks(page), write).toEqual([]);
    }
  });
}

for (const spec of [byName("contenteditable div"), byName("textarea")]) {
  test(`${spec.name}: choices made before an autosave gives the post its own address stay, and come back after a reload there; another draft opened in place takes none`, async ({
    ext,
  }) => {
    const { page } = ext;
    const draft = ["北韩代表团和北韩学者。", "质量全国最好，服务全国最好。"];
    let editor = await open(page, spec);
    await typeLines(page, editor, draft);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0, 6]);
    const card = overlay(page).locator(".card");
    const first = (await marks(page)).find((m) => m.rule === NORTH_KOREA && m.start === 0);
    await hoverMark(page, first as NonNullable<typeof first>);
    await card.getByRole("button", { name: "忽略", exact: true }).click();
    const zuihao = (await marks(page)).find((m) => m.rule === ZUIHAO);
    await hoverMark(page, zuihao as NonNullable<typeof zuihao>);
    await card.getByRole("button", { name: "全部忽略（2 处）" }).click();
    await expect.poll(() => starts(page, ZUIHAO)).toEqual([]);

    // the background's count of the choices kept under an address
    const keptAt = (address: string) =>
      ext.worker?.evaluate(async (address) => {
        const stored = await chrome.storage.session.get("ignoredChoices");
        const all = (stored.ignoredChoices ?? {}) as Record<string, { choices: unknown[] }>;
        return all[address]?.choices.length ?? 0;
      }, address);
    const here = (post: number) => `${page.url().split("?")[0]}?post=${post}`;

    // the site's first autosave gives the post its own address, the page staying, no edit after:
    // the choices are kept under it, and come back when the page is loaded there again
    await page.evaluate(() => history.replaceState(null, "", `${location.pathname}?post=7`));
    await expect.poll(() => keptAt(here(7))).toBe(2);
    await page.goto(here(7));
    editor = editorLocator(page, spec);
    await editor.waitFor();
    await restoreDraft(editor, draft);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6]);
    expect(await starts(page, ZUIHAO)).toEqual([]);

    // another autosave, and the draft written on: what was let be still is
    await page.evaluate(() => history.replaceState(null, "", `${location.pathname}?post=9`));
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("北韩，全国最好。");
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([6, 26]);
    expect(await starts(page, ZUIHAO)).toEqual([]);

    // another draft opened in place: the address changes first, and the page stays a while with
    // the old text (the choices are kept under the new address too, which takes them to no other
    // draft); then the other draft comes, and nothing let be in this one is let be in it, the
    // 北韩 it begins with too
    await page.evaluate(() => history.pushState(null, "", `${location.pathname}?post=8`));
    await expect.poll(() => keptAt(here(8))).toBe(2);
    await restoreDraft(editor, ["北韩学者来访，双方交流合作。", "本会科普服务全国最好。"]);
    await expect.poll(() => starts(page, NORTH_KOREA)).toEqual([0]);
    expect(await starts(page, ZUIHAO)).toHaveLength(1);
  });
}

test("a publish button acting on the press (pointerdown, mousedown) is held too, and pressed again on 仍然发布", async ({
  ext,
}) => {
  const { page } = ext;
  await openDraft(page, byName("textarea"));
  // a menu item or UI-kit button that publishes as it is pressed, before any click
  await page.evaluate(() => {
    const presses: { type: string; trusted: boolean }[] = [];
    (window as unknown as { presses: typeof presses }).presses = presses;
    const button = document.createElement("div");
    button.id = "press-publish";
    button.setAttribute("role", "button");
    button.textContent = "发表";
    for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup"])
      button.addEventListener(type, (event) => presses.push({ type, trusted: event.isTrusted }));
    document.body.append(button);
  });
  const presses = () =>
    page.evaluate(() => (window as unknown as { presses: { type: string; trusted: boolean }[] }).presses);
  const dialog = overlay(page).locator(".dialog");

  await page.locator("#press-publish").click();
  await expect(dialog).toBeVisible();
  expect(await presses()).toEqual([]);
  await dialog.getByRole("button", { name: "返回修改" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await presses()).toEqual([]);
  await page.keyboard.press("Escape");

  await page.locator("#press-publish").click();
  await dialog.getByRole("button", { name: "仍然发布" }).click();
  await expect(dialog).toHaveCount(0);
  const again = ["pointerdown", "mousedown", "pointerup", "mouseup"].map((type) => ({
    type,
    trusted: false,
  }));
  await expect.poll(presses).toEqual(again);
  // accepted: the next press is the user's own, untouched
  await page.locator("#press-publish").click();
  await expect
    .poll(presses)
    .toEqual([
      ...again,
      ...["pointerdown", "mousedown", "pointerup", "mouseup"].map((type) => ({ type, trusted: true })),
    ]);
  await expect(dialog).toHaveCount(0);
});

test("a comment box's send button that keeps the focus (its mousedown cancelled) and folds away on blur is still held, not lost", async ({
  ext,
}) => {
  const { page } = ext;
  const editor = await openDraft(page, byName("textarea"));
  await page.evaluate(() => {
    const sends: string[] = [];
    (window as unknown as { sends: string[] }).sends = sends;
    const button = document.createElement("button");
    button.id = "comment-send";
    button.textContent = "发送";
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => sends.push("click"));
    document.body.append(button);
    const box = document.querySelector("textarea") as HTMLTextAreaElement;
    box.addEventListener("blur", () => {
      button.style.display = "none";
    });
    box.addEventListener("focus", () => {
      button.style.display = "";
    });
  });
  await editor.focus();
  await page.locator("#comment-send").click();
  const dialog = overlay(page).locator(".dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "仍然发布" }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sends: string[] }).sends))
    .toEqual(["click"]);
});

test("a publish button of the site's profile is held even without a publish label, its save-draft button never", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = byName("textarea");
  const editor = await open(page, spec);
  // the test pages are served as mp.weixin.qq.com, whose profile names #js_send
  await page.evaluate(() => {
    const clicks: string[] = [];
    (window as unknown as { otherClicks: string[] }).otherClicks = clicks;
    for (const [id, label] of [
      ["js_send", "下一步"],
      ["preview", "预览"],
      ["js_submit", "保存为草稿"],
    ]) {
      const button = document.createElement("button");
      button.id = id as string;
      button.textContent = label as string;
      button.addEventListener("click", () => clicks.push(id as string));
      document.body.append(button);
    }
  });
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  const otherClicks = () => page.evaluate(() => (window as unknown as { otherClicks: string[] }).otherClicks);
  await page.locator("#preview").click();
  expect(await otherClicks()).toEqual(["preview"]);
  // saving a draft is never held, whatever its id
  await page.locator("#js_submit").click();
  expect(await otherClicks()).toEqual(["preview", "js_submit"]);
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);
  await page.locator("#js_send").click();
  await expect(overlay(page).locator(".dialog")).toBeVisible();
  expect(await otherClicks()).toEqual(["preview", "js_submit"]);
  await overlay(page).getByRole("button", { name: "仍然发布" }).click();
  await expect.poll(otherClicks).toEqual(["preview", "js_submit", "js_send"]);
  // the profile's own button, relabelled by the page to save a draft, is not held either
  await page.locator("#js_send").evaluate((button) => {
    button.textContent = "存为草稿";
  });
  await page.locator("#js_send").click();
  await expect.poll(otherClicks).toEqual(["preview", "js_submit", "js_send", "js_send"]);
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);
  expect(await publishClicks(page)).toEqual([]);
});

test("a click is held by what its label says: a styled 发表文章 and 发 布 are, 发送验证码 and 发布会报名 are not", async ({
  ext,
}) => {
  const { page } = ext;
  const editor = await open(page, byName("textarea"));
  await page.evaluate(() => {
    const clicks: string[] = [];
    (window as unknown as { otherClicks: string[] }).otherClicks = clicks;
    for (const [id, tag, label] of [
      ["styled", "div", "发表文章"],
      ["code", "button", "发送验证码"],
      ["event", "button", "发布会报名"],
      ["sort", "a", "按发布时间排序"],
      ["antd", "button", "发 布"],
    ] as const) {
      const button = document.createElement(tag);
      button.id = id;
      button.innerHTML = `<span>${label}</span>`;
      button.style.cursor = "pointer";
      button.addEventListener("click", () => clicks.push(id));
      document.body.append(button);
    }
  });
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  const otherClicks = () => page.evaluate(() => (window as unknown as { otherClicks: string[] }).otherClicks);
  for (const id of ["code", "event", "sort"]) await page.locator(`#${id} span`).click();
  expect(await otherClicks()).toEqual(["code", "event", "sort"]);
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);
  await page.locator("#styled span").click();
  await expect(overlay(page).locator(".dialog")).toBeVisible();
  expect(await otherClicks()).toEqual(["code", "event", "sort"]);
  await overlay(page).getByRole("button", { name: "返回修改" }).click();
  await expect(overlay(page).locator(".dialog")).toHaveCount(0);
  await page.keyboard.press("Escape");
  // Ant Design writes a two-character button with a space: 发 布 publishes all the same
  await page.locator("#antd span").click();
  await expect(overlay(page).locator(".dialog")).toBeVisible();
  expect(await otherClicks()).toEqual(["code", "event", "sort"]);
});

test("the publish question keeps the keyboard: Tab stays on its answers, Escape goes back, a second press asks once", async ({
  ext,
}) => {
  const { page } = ext;
  await openDraft(page, byName("textarea"));
  await page.locator("#publish").click();
  const dialog = overlay(page).locator(".dialog");
  await expect(dialog).toBeVisible();
  const focused = () =>
    page.evaluate(() => {
      const root = document.querySelector("shengao-overlay")?.shadowRoot;
      return root?.activeElement?.textContent ?? document.activeElement?.tagName ?? "";
    });
  expect(await focused()).toBe("返回修改");
  const seen = new Set<string>();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press(i % 2 ? "Shift+Tab" : "Tab");
    seen.add(await focused());
  }
  // only the dialog's two answers ever had the focus: not the page's body, the draft or 发表
  expect([...seen].sort()).toEqual(["仍然发布", "返回修改"].sort());
  // the page's button pressed again while the question is open: still one dialog
  await page.locator("#publish").dispatchEvent("click");
  await expect(dialog).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  expect(await publishClicks(page)).toEqual([]);
});

test("in a narrow, low window the publish question fits in it, its answers in reach", async ({ ext }) => {
  const { page } = ext;
  await page.setViewportSize({ width: 360, height: 360 });
  const editor = await open(page, byName("textarea"));
  await typeLines(page, editor, ["北韩代表团、南韩代表团和台湾总统府的人员，与北朝鲜、南朝鲜的学者。"]);
  await waitForMark(page, NORTH_KOREA);
  await page.locator("#publish").click();
  const dialog = overlay(page).locator(".dialog");
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(360);
  // the answers can be clicked where they are (scrolled into the dialog's view if need be)
  await dialog.getByRole("button", { name: "返回修改" }).click();
  await expect(dialog).toHaveCount(0);
});

test("in a window too small for the card above or below, it stays off the word it is about", async ({
  ext,
}) => {
  const { page } = ext;
  await page.setViewportSize({ width: 340, height: 300 });
  const editor = await open(page, byName("textarea"));
  await typeLines(page, editor, DRAFT_LINES);
  const mark = await waitForMark(page, NORTH_KOREA);
  await hoverMark(page, mark);
  const card = overlay(page).locator(".card");
  await expect(card).toBeVisible();
  const box = await card.boundingBox();
  const word = mark.rect;
  // no overlap of the card's box and the word's
  const overlaps =
    box !== null &&
    box.x < word.x + word.width &&
    word.x < box.x + box.width &&
    box.y < word.y + word.height &&
    word.y < box.y + box.height;
  expect(overlaps).toBe(false);
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(300);
});

for (const name of ["textarea", "contenteditable div"]) {
  test(`${name}: Alt+Enter at a marked word opens its card from the keyboard; Enter fixes, Escape gives the caret back`, async ({
    ext,
  }) => {
    const { page } = ext;
    const spec = byName(name);
    const editor = await openDraft(page, spec);
    await waitForMark(page, ZUIHAO);
    const focusedButton = () =>
      page.evaluate(
        () => document.querySelector("shengao-overlay")?.shadowRoot?.activeElement?.textContent ?? "",
      );
    // the caret inside 全国最好 (line 2), then Alt+Enter: its card, focus on its first button
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Home");
    for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Alt+Enter");
    const card = overlay(page).locator(".card");
    await expect(card).toBeVisible();
    await expect(card.locator(".message")).toContainText("最");
    expect(await focusedButton()).not.toBe("");
    await page.keyboard.press("Escape");
    await expect(card).toHaveCount(0);
    // the caret is back in the draft, where it was: typing goes there
    await page.keyboard.type("X");
    await expect.poll(() => plainText(editor)).toContain("全国最X好");
    await page.keyboard.press("Backspace");
    // at 北韩 (line 1): Enter on the focused fix replaces it
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Alt+Enter");
    await expect(card).toBeVisible();
    expect(await focusedButton()).toBe("朝鲜");
    // Tab goes round the card's buttons, never out of it to the page
    const round: string[] = [];
    for (let i = 0; i < 6 && round.at(-1) !== "朝鲜"; i++) {
      await page.keyboard.press("Tab");
      round.push(await focusedButton());
    }
    expect(round.every((label) => label !== "")).toBe(true);
    expect(round.length).toBeGreaterThan(1);
    expect(round.at(-1)).toBe("朝鲜");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedButton()).not.toBe("");
    await page.keyboard.press("Tab");
    expect(await focusedButton()).toBe("朝鲜");
    await page.keyboard.press("Enter");
    await expect.poll(() => plainText(editor)).toContain("朝鲜科学院代表团");
  });
}

test("a card the keyboard holds stays when the pointer moves off the marks, and goes on a click elsewhere", async ({
  ext,
}) => {
  const { page } = ext;
  const editor = await openDraft(page, byName("textarea"));
  await waitForMark(page, ZUIHAO);
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Home");
  for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Alt+Enter");
  const card = overlay(page).locator(".card");
  await expect(card).toBeVisible();
  // the pointer crosses the page, on no mark and not on the card (a mouse-opened card goes in 400 ms)
  const box = await editor.boundingBox();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) - 5, (box?.y ?? 0) + 5, { steps: 4 });
  await page.mouse.move(5, 5, { steps: 4 });
  await page.waitForTimeout(1000);
  await expect(card).toBeVisible();
  // the page scrolled under the resting pointer (Chromium then makes up a pointer move): still there
  await page.evaluate(() => {
    document.body.style.minHeight = "3000px";
    window.scrollTo(0, 40);
  });
  await page.waitForTimeout(1000);
  await expect(card).toBeVisible();
  // nor is it replaced by the card of another mark the pointer passes over
  const other = (await marks(page)).find((m) => m.rule === NORTH_KOREA);
  await hoverMark(page, other as NonNullable<typeof other>);
  await page.waitForTimeout(1000);
  await expect(card).toHaveAttribute("data-rule", ZUIHAO);
  // a click elsewhere on the page closes it
  await page.mouse.click(5, 5);
  await expect(card).toHaveCount(0);
  // at once: the pointer reaching a mark just after the click (within the 400 ms a card passed by
  // is given) does not keep it open
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Home");
  for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Alt+Enter");
  await expect(card).toHaveAttribute("data-rule", ZUIHAO);
  const again = (await marks(page)).find((m) => m.rule === NORTH_KOREA);
  await page.mouse.click(5, 5);
  await hoverMark(page, again as NonNullable<typeof again>);
  await page.waitForTimeout(1000);
  await expect(overlay(page).locator(`.card[data-rule="${ZUIHAO}"]`)).toHaveCount(0);
});

for (const name of ["textarea", "contenteditable div"]) {
  test(`${name}: a card the keyboard holds gives the caret back when 忽略 or × closes it, and keeps the keyboard on 下一个`, async ({
    ext,
  }) => {
    const { page } = ext;
    const spec = byName(name);
    const editor = await open(page, spec);
    // 香港 is in two findings: listed among countries, and 中国、香港 side by side
    await typeLines(page, editor, ["邀请了来自美国、中国、香港、新加坡等国家的学者。", "本店质量全国最好。"]);
    await waitForMark(page, ZUIHAO);
    const card = overlay(page).locator(".card");
    const focusedButton = () =>
      page.evaluate(
        () => document.querySelector("shengao-overlay")?.shadowRoot?.activeElement?.textContent ?? "",
      );
    const caretTo = async (line: "first" | "last", column: number) => {
      await page.keyboard.press(line === "first" ? "Control+Home" : "Control+End");
      await page.keyboard.press("Home");
      for (let i = 0; i < column; i++) await page.keyboard.press("ArrowRight");
    };
    // 忽略, pressed from the keyboard: the card goes, the caret is where it was, typing goes there
    await caretTo("last", 7);
    await page.keyboard.press("Alt+Enter");
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "忽略", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(card).toHaveCount(0);
    await page.keyboard.type("W");
    await expect.poll(() => plainText(editor)).toContain("全国最W好");
    // ×, the same
    await caretTo("first", 12);
    await page.keyboard.press("Alt+Enter");
    await expect(card).toBeVisible();
    await card.locator("button.close").focus();
    await page.keyboard.press("Enter");
    await expect(card).toHaveCount(0);
    const settled = (await marks(page)).length;
    await page.keyboard.type("V");
    await expect.poll(() => plainText(editor)).toContain("中国、香V港");
    await page.keyboard.press("Backspace");
    // the edit dropped 香港's marks until the screen after the pause: wait for them
    await expect.poll(async () => (await marks(page)).length).toBe(settled);
    // 下一个 keeps the keyboard in the card: the focus on 下一个, Escape gives the caret back
    await caretTo("first", 12);
    await page.keyboard.press("Alt+Enter");
    await expect(card.locator(".others")).toBeVisible();
    const first = await card.getAttribute("data-rule");
    await card.getByRole("button", { name: "下一个" }).focus();
    await page.keyboard.press("Enter");
    await expect(card).not.toHaveAttribute("data-rule", first as string);
    expect(await focusedButton()).toBe("下一个");
    // and stays: its click (Enter on a button makes one) was no click elsewhere
    await page.waitForTimeout(1000);
    await expect(card).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(card).toHaveCount(0);
    await page.keyboard.type("U");
    await expect.poll(() => plainText(editor)).toContain("中国、香U港");
  });
}

test("the UI is in English when chosen on the options page", async ({ ext }, testInfo) => {
  const options = await extensionPage(ext, "options.html");
  await expect(options.locator("h1")).toHaveText("审稿 设置");
  await options.locator("#language").selectOption("en");
  await expect(options.locator("h1")).toHaveText("Shengao settings");
  await expect(options.locator("#sites legend")).toHaveText("Sites");
  await snapshot(testInfo, options, "options in English");
  await options.close();

  const { page } = ext;
  const spec = byName("contenteditable div");
  const editor = await open(page, spec);
  await typeLines(page, editor, DRAFT_LINES);
  await hoverMark(page, await waitForMark(page, NORTH_KOREA));
  const card = overlay(page).locator(".card");
  await expect(card.locator(".badge")).toHaveText("Must fix");
  await expect(card.getByRole("button", { name: "Ignore" })).toBeVisible();
  // English punctuation in the English card: no full-width colon after its label
  await expect(card).toContainText("Replace with: 朝鲜");
  await expect(card).not.toContainText("Replace with：");
  await page.keyboard.press("Escape");
  await page.locator("#publish").click();
  const dialog = overlay(page).locator(".dialog");
  await expect(dialog).toContainText("Check before publishing");
  await expect(dialog.getByRole("button", { name: "Publish anyway" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Go back and edit" })).toBeVisible();
  await snapshot(testInfo, page, "publish dialog in English");
});

test("an editor added to the page after load is found and screened", async ({ ext }) => {
  const { page } = ext;
  await open(page, byName("contenteditable div"));
  await waitForOverlay(page);
  await page.evaluate(() => {
    const later = document.createElement("textarea");
    later.id = "later";
    document.body.append(later);
  });
  await typeLines(page, page.locator("#later"), ["北韩"]);
  const mark = await waitForMark(page, NORTH_KOREA);
  expect(mark.start).toBe(0);
});

/** The content script has started (its overlay is in the page). */
async function waitForOverlay(page: import("@playwright/test").Page) {
  await page.waitForFunction(() => document.querySelector("shengao-overlay") !== null);
}

for (const name of ["textarea", "contenteditable div", "TipTap (ProseMirror)"]) {
  test(`${name}: a word still being composed in an input method is not marked; once committed, it is, once`, async ({
    ext,
  }) => {
    const { page } = ext;
    const editor = await open(page, byName(name));
    await typeLines(page, editor, ["代表团访问了我省，全国最好。"]);
    // the extension has found the editor (a composition begun before it started is not its to see)
    await waitForMark(page, ZUIHAO);
    await page.keyboard.press("Control+Home");
    const ime = await page.context().newCDPSession(page);
    // 拼音 typed, then the candidate 北韩 shown in the text, not yet chosen
    await ime.send("Input.imeSetComposition", { text: "beihan", selectionStart: 6, selectionEnd: 6 });
    await ime.send("Input.imeSetComposition", { text: "北韩", selectionStart: 2, selectionEnd: 2 });
    await page.waitForTimeout(1000);
    expect((await marks(page)).map((m) => m.rule)).not.toContain(NORTH_KOREA);
    await ime.send("Input.insertText", { text: "北韩" });
    await waitForMark(page, NORTH_KOREA);
    expect(await plainText(editor)).toContain("北韩代表团访问了我省，全国最好。");
    expect(await plainText(editor)).not.toContain("北韩北韩");
  });
}

test("a fix reaching past its words (a closing quote) is applied as the text now reads, after an edit beside it", async ({
  ext,
}) => {
  const { page } = ext;
  const editor = await open(page, byName("textarea"));
  await typeLines(page, editor, ["报道称台湾“总统”出席。"]);
  const mark = await waitForMark(page, "editorial/tw-leader");
  await hoverMark(page, mark);
  const card = overlay(page).locator(".card");
  await expect(card.locator("button.suggestion")).toHaveText("台湾地区领导人");
  // with the card open, the closing quote is deleted from the keyboard: the fix seen no longer fits
  await editor.evaluate((area: HTMLTextAreaElement) => {
    const at = area.value.indexOf("”") + 1;
    area.setSelectionRange(at, at);
  });
  await page.keyboard.press("Backspace");
  await expect.poll(() => plainText(editor)).toBe("报道称台湾“总统出席。");
  await card.locator("button.suggestion").click();
  // replaced as a screen of the text now gives it: 出 is kept
  await expect.poll(() => plainText(editor)).toBe("报道称台湾地区领导人出席。");
});

for (const name of ["textarea", "contenteditable div"]) {
  test(`${name}: 返回修改 answered from the keyboard opens the error's card holding the keyboard; Escape gives the caret back after it`, async ({
    ext,
  }) => {
    const { page } = ext;
    const editor = await openDraft(page, byName(name));
    const focusedButton = () =>
      page.evaluate(
        () => document.querySelector("shengao-overlay")?.shadowRoot?.activeElement?.textContent ?? "",
      );
    // published from the keyboard (Enter on 发表), answered with it (Enter on 返回修改, which has the focus)
    await page.locator("#publish").focus();
    await page.keyboard.press("Enter");
    const dialog = overlay(page).locator(".dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    const card = overlay(page).locator(".card");
    await expect(card).toHaveAttribute("data-rule", NORTH_KOREA);
    await expect.poll(focusedButton).toBe("朝鲜");
    await page.keyboard.press("Escape");
    await expect(card).toHaveCount(0);
    // the caret after the error's words: typing goes into the draft there
    await page.keyboard.type("Q");
    await expect.poll(() => plainText(editor)).toContain("北韩Q");
  });
}
