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
  plainText,
  typeLines,
  waitForMark,
  ZUIHAO,
} from "./support/editors";
import { expect, snapshot, test } from "./support/fixtures";
import { placement } from "./support/placement";

/**
 * The overlay is drawn over the editor, not in it: after the page scrolls, the editor scrolls, the
 * window is resized and the text re-wraps, every mark must still be on its text.
 */
const FILLER = Array.from({ length: 14 }, (_, i) => `第${i + 1}段：今天的会议讨论了科研项目的进展。`);

for (const spec of EDITORS.filter((e) =>
  ["textarea", "contenteditable div", "iframe body (WeChat style)"].includes(e.name),
)) {
  test(`${spec.name}: marks stay on their text on scroll and resize`, async ({ ext }, testInfo) => {
    const { page } = ext;
    const editor = await open(page, spec);
    // a page taller than the window, so it can scroll
    await page.evaluate(() => {
      const spacer = document.createElement("div");
      spacer.style.height = "2000px";
      document.body.append(spacer);
    });
    await typeLines(page, editor, [...DRAFT_LINES, ...FILLER]);
    await waitForMark(page, NORTH_KOREA);
    await waitForMark(page, ZUIHAO);

    // the editor scrolled to the caret at the end; bring its first line back into view
    await editorScroll(page, spec, 0);
    await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");

    // the editor scrolls by 20px: the marks move with the text
    await editorScroll(page, spec, 20);
    await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
    await snapshot(testInfo, page, "editor scrolled");

    // the page inserts a banner above the editor (no scroll, no resize): the marks move down with it
    await page.evaluate(() => {
      const banner = document.createElement("div");
      banner.style.height = "60px";
      banner.textContent = "通知";
      document.body.prepend(banner);
    });
    await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");

    // the page scrolls by 120px
    await page.evaluate(() => window.scrollTo(0, 120));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(120);
    await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
    await snapshot(testInfo, page, "page scrolled");

    // a narrow window and editor: the line re-wraps and the marks follow
    await page.evaluate(() => window.scrollTo(0, 0));
    await editorScroll(page, spec, 0);
    await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
    const before = (await marks(page)).find((m) => m.rule === ZUIHAO)?.rect;
    // narrow enough that 全国最好 no longer fits on its line, whatever the font's glyph widths
    const box = await (spec.frame ? page.locator(spec.frame) : editorLocator(page, spec)).boundingBox();
    await page.setViewportSize({ width: 420, height: 600 });
    await setEditorWidth(page, spec, `${Math.floor((before?.x ?? 0) - (box?.x ?? 0))}px`);
    await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
    await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
    const after = (await marks(page)).find((m) => m.rule === ZUIHAO)?.rect;
    // it really moved: the text wrapped onto another line
    expect(after?.y).not.toBe(before?.y);
    await snapshot(testInfo, page, "resized");
  });
}

test("an open card follows its word when the page scrolls and the window is resized", async ({ ext }) => {
  const { page } = ext;
  const spec = EDITORS.find((e) => e.name === "textarea") as EditorSpec;
  const editor = await open(page, spec);
  await page.evaluate(() => {
    const spacer = document.createElement("div");
    spacer.style.height = "2000px";
    document.body.append(spacer);
  });
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, ZUIHAO);
  // the caret inside 全国最好, the card opened from the keyboard (no pointer to move it)
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Home");
  for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Alt+Enter");
  const card = page.locator("shengao-overlay .card");
  await expect(card).toBeVisible();
  const offsetFromWord = async () => {
    const word = (await marks(page)).find((m) => m.rule === ZUIHAO)?.rect;
    const box = await card.boundingBox();
    return { x: (box?.x ?? 0) - (word?.x ?? 0), y: (box?.y ?? 0) - (word?.y ?? 0), wordY: word?.y ?? 0 };
  };
  const before = await offsetFromWord();
  await page.evaluate(() => window.scrollTo(0, 100));
  await expect.poll(async () => (await offsetFromWord()).wordY).toBeLessThan(before.wordY - 50);
  await expect.poll(async () => Math.abs((await offsetFromWord()).y - before.y)).toBeLessThan(2);
  // a narrower window: the card stays inside it, still under its word
  await page.setViewportSize({ width: 400, height: 600 });
  await expect
    .poll(async () => {
      const box = await card.boundingBox();
      return (box?.x ?? 0) + (box?.width ?? 0) <= 400;
    })
    .toBe(true);
  await expect.poll(async () => Math.abs((await offsetFromWord()).y - before.y)).toBeLessThan(2);
});

test("a card the mouse opened goes when its word scrolls out of the editor's view, the pointer on the card", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS.find((e) => e.name === "textarea") as EditorSpec;
  const editor = await open(page, spec);
  await typeLines(page, editor, [DRAFT_LINES[0] as string, ...Array(30).fill("今天天气很好。")]);
  await waitForMark(page, NORTH_KOREA);
  // typing left the textarea scrolled to its end: its first line back in view
  await editor.evaluate((el) => {
    el.scrollTop = 0;
  });
  // on its text again, not where it was before the scroll (hovered there, it opened nothing)
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  const mark = (await marks(page)).find((m) => m.rule === NORTH_KOREA);
  await hoverMark(page, mark as NonNullable<typeof mark>);
  const card = page.locator("shengao-overlay .card");
  await expect(card).toBeVisible();
  // the pointer rests on the card, which keeps it open while its word is in sight
  const box = await card.boundingBox();
  await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + 10);
  await page.waitForTimeout(600);
  await expect(card).toBeVisible();
  await editor.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(card).toHaveCount(0);
});

test("textarea: marks stay on their text as lines are added and removed, blank lines and a first-line indent included", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  const spec = EDITORS.find((e) => e.name === "textarea") as EditorSpec;
  const editor = await open(page, spec);
  // text-indent moves the first line only; blank lines have a height of their own
  await editor.evaluate((el) => ((el as HTMLElement).style.textIndent = "3em"));
  await typeLines(page, editor, [
    DRAFT_LINES[0] as string,
    "",
    "",
    ...FILLER.slice(0, 3),
    DRAFT_LINES[1] as string,
  ]);
  await waitForMark(page, NORTH_KOREA);
  await waitForMark(page, ZUIHAO);
  await editorScroll(page, spec, 0);
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");

  const caretAt = (offset: number) =>
    editor.evaluate((el, at) => (el as HTMLTextAreaElement).setSelectionRange(at, at), offset);
  // a line typed between the two: the second mark moves down a line, the first stays
  const firstLineEnd = (DRAFT_LINES[0] as string).length;
  await caretAt(firstLineEnd);
  await page.keyboard.press("Enter");
  await page.keyboard.type("插入的新一行，内容无误。");
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await snapshot(testInfo, page, "line inserted");

  // the blank lines removed: the second mark moves up two lines
  const value = await plainText(editor);
  const blanks = value.indexOf("\n\n\n");
  await editor.evaluate((el, at) => (el as HTMLTextAreaElement).setSelectionRange(at, at + 2), blanks);
  await page.keyboard.press("Backspace");
  await expect.poll(() => plainText(editor)).not.toContain("\n\n");
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");

  // a new first line: the indent moves to it, and 北韩 is now on the second, unindented line
  await caretAt(0);
  await page.keyboard.type("开头新加的一行。");
  await page.keyboard.press("Enter");
  await editorScroll(page, spec, 0);
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
  await snapshot(testInfo, page, "first line added");
});

async function editorScroll(page: import("@playwright/test").Page, spec: EditorSpec, top: number) {
  await editorLocator(page, spec).evaluate((el, y) => {
    const scroller = el === el.ownerDocument.body ? el.ownerDocument.scrollingElement : el;
    if (scroller) scroller.scrollTop = y;
  }, top);
}

async function setEditorWidth(page: import("@playwright/test").Page, spec: EditorSpec, width: string) {
  if (spec.frame)
    await page.locator(spec.frame).evaluate((f, w) => ((f as HTMLElement).style.width = w), width);
  else await editorLocator(page, spec).evaluate((el, w) => ((el as HTMLElement).style.width = w), width);
}

/**
 * The part of each mark of `rule` that shows: marks are clipped by their layer, so a mark scrolled
 * out of the editor's panel is in the DOM but shows nothing.
 */
function shownArea(page: import("@playwright/test").Page, rule: string): Promise<number> {
  return page.evaluate((ruleId) => {
    const root = document.querySelector("shengao-overlay")?.shadowRoot;
    let area = 0;
    for (const mark of root?.querySelectorAll<HTMLElement>(`.mark[data-rule="${ruleId}"]`) ?? []) {
      const m = mark.getBoundingClientRect();
      const l = (mark.parentElement as HTMLElement).getBoundingClientRect();
      const w = Math.min(m.right, l.right) - Math.max(m.left, l.left);
      const h = Math.min(m.bottom, l.bottom) - Math.max(m.top, l.top);
      if (w > 0 && h > 0) area += w * h;
    }
    return area;
  }, rule);
}

test("contenteditable in a scrolling panel: no mark over a sticky toolbar, outside the panel or under the page's dialog", async ({
  ext,
}, testInfo) => {
  const { page } = ext;
  const spec: EditorSpec = {
    name: "panel",
    page: "covered.html",
    editor: "#editor",
    kind: "contenteditable",
  };
  const editor = await open(page, spec);
  await typeLines(page, editor, [...DRAFT_LINES, ...FILLER]);
  await waitForMark(page, NORTH_KOREA);
  const panelScroll = (top: number) =>
    page.evaluate((y) => {
      (document.getElementById("panel") as HTMLElement).scrollTop = y;
    }, top);

  // the first lines below the sticky toolbar: marked, on their text
  await panelScroll(0);
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await expect.poll(() => shownArea(page, NORTH_KOREA)).toBeGreaterThan(0);

  // 北韩 scrolled under the sticky toolbar: no mark drawn over the toolbar
  await panelScroll(36);
  await expect.poll(() => shownArea(page, NORTH_KOREA)).toBe(0);
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
  await snapshot(testInfo, page, "under the sticky toolbar");

  // scrolled out of the panel (the editor's own box is taller than the panel): nothing shows
  // above the panel, where the page's top bar and margin are
  await panelScroll(120);
  await expect.poll(() => shownArea(page, NORTH_KOREA)).toBe(0);
  await expect.poll(() => shownArea(page, ZUIHAO)).toBe(0);

  // back in view
  await panelScroll(0);
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await expect.poll(() => shownArea(page, ZUIHAO)).toBeGreaterThan(0);

  // the page opens a dialog over the editor (no scroll, no resize): the marks under it go, and
  // come back when it closes
  await page.evaluate(() => {
    const dialog = document.createElement("div");
    dialog.id = "dialog";
    dialog.textContent = "插入图片";
    document.body.append(dialog);
  });
  await expect.poll(() => shownArea(page, NORTH_KOREA)).toBe(0);
  await expect.poll(() => shownArea(page, ZUIHAO)).toBe(0);
  await snapshot(testInfo, page, "under the page's dialog");
  await page.evaluate(() => document.getElementById("dialog")?.remove());
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await expect.poll(() => placement(page, spec, ZUIHAO, "全国最好")).toBe("ok");
});

test("iframe body (WeChat style): the marks under a dialog of the page holding the frame go, and come back", async ({
  ext,
}) => {
  const { page } = ext;
  const spec = EDITORS.find((e) => e.name === "iframe body (WeChat style)") as EditorSpec;
  await openDraft(page, spec);
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
  await page.evaluate(() => {
    const dialog = document.createElement("div");
    dialog.id = "dialog";
    dialog.style.cssText = "position: fixed; inset: 0; background: #fff; z-index: 5";
    document.body.append(dialog);
  });
  await expect.poll(() => shownArea(page, NORTH_KOREA)).toBe(0);
  await page.evaluate(() => document.getElementById("dialog")?.remove());
  await expect.poll(() => placement(page, spec, NORTH_KOREA, "北韩")).toBe("ok");
});
