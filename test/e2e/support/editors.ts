import type { Frame, Locator, Page } from "@playwright/test";
import { SITE_BASE } from "./paths";

/** One kind of editor the extension must handle, and how a test reaches it. */
export interface EditorSpec {
  name: string;
  page: string;
  /** Selector of the editor element (in the iframe when `frame` is set; pierces open shadow roots). */
  editor: string;
  frame?: string;
  kind: "textarea" | "input" | "contenteditable";
  /**
   * How long the editor's own undo history merges a change into the changes just before it,
   * wherever they are (Quill's history delay): a fix clicked sooner after typing is undone
   * together with the last words typed, as it would be for a user.
   */
  undoGroupMs?: number;
}

export const EDITORS: EditorSpec[] = [
  { name: "textarea", page: "textarea.html", editor: "#editor", kind: "textarea" },
  { name: "text input", page: "input.html", editor: "#editor", kind: "input" },
  { name: "contenteditable div", page: "contenteditable.html", editor: "#editor", kind: "contenteditable" },
  {
    name: "iframe body (WeChat style)",
    page: "iframe.html",
    frame: "#frame",
    editor: "body",
    kind: "contenteditable",
  },
  { name: "TipTap (ProseMirror)", page: "tiptap.html", editor: ".ProseMirror", kind: "contenteditable" },
  { name: "Quill", page: "quill.html", editor: ".ql-editor", kind: "contenteditable", undoGroupMs: 1000 },
  { name: "shadow root, added later", page: "shadow.html", editor: "#editor", kind: "contenteditable" },
];

/** Rule ids of the default lexicons the drafts below trigger. */
export const NORTH_KOREA = "editorial/north-korea";
export const ZUIHAO = "advertising/zuihao";

/** Real default-lexicon terms: 北韩 (editorial/north-korea, error, fix 朝鲜), 全国最好 (advertising, warning). */
// 全国最好 ends its line, well after its start: a narrowed editor wraps the line before the word
export const DRAFT_LINES = ["北韩科学院代表团访问了我省。", "欢迎选购本店商品，质量全国最好。"];
export const CLEAN_LINES = ["今天天气很好，我们去公园散步。", "科学院代表团访问了我省。"];

export async function open(page: Page, spec: EditorSpec): Promise<Locator> {
  await page.goto(SITE_BASE + spec.page);
  const editor = editorLocator(page, spec);
  await editor.waitFor();
  return editor;
}

/**
 * Opens the editor's page, types DRAFT_LINES into it and waits for its 北韩 mark: a draft screened,
 * an error in it (publishing held), as most tests begin.
 */
export async function openDraft(page: Page, spec: EditorSpec): Promise<Locator> {
  const editor = await open(page, spec);
  await typeLines(page, editor, DRAFT_LINES);
  await waitForMark(page, NORTH_KOREA);
  return editor;
}

export function editorLocator(page: Page, spec: EditorSpec): Locator {
  return spec.frame ? page.frameLocator(spec.frame).locator(spec.editor) : page.locator(spec.editor);
}

/** The frame the editor lives in (its Range rects are in that frame's viewport). */
export function editorFrame(page: Page, spec: EditorSpec): Frame {
  if (!spec.frame) return page.mainFrame();
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("editor iframe not found");
  return frame;
}

/**
 * Types line by line with Enter between lines, as a user would; a single-line <input> gets the
 * lines one after the other.
 */
export async function typeLines(page: Page, editor: Locator, lines: string[]): Promise<void> {
  await editor.click();
  const singleLine = await editor.evaluate((el) => el instanceof HTMLInputElement);
  for (const [i, line] of lines.entries()) {
    if (i > 0 && !singleLine) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

/** The editor's content as the page holds it: a text control's value, a contenteditable's HTML. */
export function content(editor: Locator): Promise<string> {
  return editor.evaluate((el) =>
    el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerHTML,
  );
}

/** The editor's plain text (a text control's value, or textContent). */
export function plainText(editor: Locator): Promise<string> {
  return editor.evaluate((el) =>
    el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.textContent ?? ""),
  );
}

export interface Mark {
  rule: string;
  severity: string;
  start: number;
  end: number;
  rect: { x: number; y: number; width: number; height: number };
}

/** The underlines the extension drew, read from its overlay's shadow root. */
export function marks(page: Page): Promise<Mark[]> {
  return page.evaluate(() => {
    const root = document.querySelector("shengao-overlay")?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>(".mark") ?? [])].map((m) => {
      const r = m.getBoundingClientRect();
      return {
        rule: m.dataset.rule ?? "",
        severity: m.dataset.severity ?? "",
        start: Number(m.dataset.start),
        end: Number(m.dataset.end),
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    });
  });
}

export async function waitForMark(page: Page, rule: string): Promise<Mark> {
  const handle = await page.waitForFunction(
    (ruleId) => {
      const root = document.querySelector("shengao-overlay")?.shadowRoot;
      return root?.querySelector(`.mark[data-rule="${ruleId}"]`) ? true : undefined;
    },
    rule,
    { timeout: 30_000 },
  );
  await handle.dispose();
  const found = (await marks(page)).find((m) => m.rule === rule);
  if (!found) throw new Error(`no mark for ${rule}`);
  return found;
}

/** Offset of the editor's frame viewport in the page's viewport (0,0 for the top frame). */
export async function frameOffset(page: Page, spec: EditorSpec): Promise<{ x: number; y: number }> {
  if (!spec.frame) return { x: 0, y: 0 };
  return page.locator(spec.frame).evaluate((f) => {
    const box = f.getBoundingClientRect();
    const style = getComputedStyle(f);
    return {
      x: box.left + f.clientLeft + Number.parseFloat(style.paddingLeft),
      y: box.top + f.clientTop + Number.parseFloat(style.paddingTop),
    };
  });
}

/**
 * Where `text` is on screen, found independently of the extension: for a contenteditable, the
 * Range rects of the text node holding it; for a textarea (no Ranges), the caret offsets that
 * caretPositionFromPoint gives at the mark's two ends.
 */
export async function textRects(page: Page, spec: EditorSpec, text: string): Promise<DOMRectLike[]> {
  const offset = await frameOffset(page, spec);
  const rects = await editorLocator(page, spec).evaluate((root, needle) => {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = root.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    }
    return [];
  }, text);
  return rects.map((r) => ({ ...r, x: r.x + offset.x, y: r.y + offset.y }));
}

export interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The text control's value offsets under the two ends of a mark (caretPositionFromPoint). */
export async function caretOffsetsAt(page: Page, mark: Mark): Promise<[number, number]> {
  return page.evaluate((r) => {
    const y = r.y + r.height / 2;
    const at = (x: number) => {
      const position = document.caretPositionFromPoint(x, y);
      const node = position?.offsetNode;
      if (!(node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement)) return -1;
      return position?.offset ?? -1;
    };
    return [at(r.x + 2), at(r.x + r.width - 2)] as [number, number];
  }, mark.rect);
}

export function publishClicks(page: Page): Promise<{ trusted: boolean }[]> {
  return page.evaluate(() => (window as unknown as { publishClicks: { trusted: boolean }[] }).publishClicks);
}

/** The Ctrl+Enter keydowns and keyups the page received (its send shortcut). */
export function shortcutSends(page: Page): Promise<{ type: string; trusted: boolean; keyCode: number }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { shortcutSends: { type: string; trusted: boolean; keyCode: number }[] })
        .shortcutSends,
  );
}

/** The overlay's shadow root content, for locating the card and the dialog. */
export function overlay(page: Page): Locator {
  return page.locator("shengao-overlay");
}

/** The text selected in the editor (a text control's selection, or the frame's selection). */
export function selectedText(page: Page, spec: EditorSpec): Promise<string> {
  return editorLocator(page, spec).evaluate((el) => {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)
      return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
    const root = el.getRootNode() as Document | ShadowRoot;
    const selection =
      "getSelection" in root && typeof root.getSelection === "function"
        ? root.getSelection()
        : el.ownerDocument.getSelection();
    return selection?.toString() ?? "";
  });
}

/** Moves the mouse onto the middle of a mark (the card opens on hover). */
export async function hoverMark(page: Page, mark: Mark): Promise<void> {
  await page.mouse.move(mark.rect.x + mark.rect.width / 2, mark.rect.y + mark.rect.height / 2);
}
