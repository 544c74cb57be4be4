import type { Page } from "@playwright/test";
import {
  caretOffsetsAt,
  type DOMRectLike,
  type EditorSpec,
  editorLocator,
  marks,
  plainText,
  textRects,
} from "./editors";

/**
 * Whether the mark of `rule` lies on `text` in the editor, measured independently of the extension:
 * "ok", or what is wrong. For a contenteditable, the mark's box must match the Range box of the
 * text (same left edge and width, same line); for a text control (no Ranges), the caret offsets
 * under the mark's two ends must be the text's offsets in the value.
 */
export async function placement(page: Page, spec: EditorSpec, rule: string, text: string): Promise<string> {
  const mark = (await marks(page)).find((m) => m.rule === rule);
  if (!mark) return `no mark for ${rule}`;
  if (spec.kind !== "contenteditable") {
    const value = await plainText(editorLocator(page, spec));
    const at = value.indexOf(text);
    if (mark.start !== at) return `mark starts at ${mark.start}, the text at ${at}`;
    const under = await caretOffsetsAt(page, mark);
    return under[0] === at && under[1] === at + text.length
      ? "ok"
      : `caret offsets under the mark ${under.join("-")}, text at ${at}-${at + text.length}`;
  }
  const rects = await textRects(page, spec, text);
  if (rects.length !== 1) return `the text has ${rects.length} boxes`;
  return onText(mark.rect, rects[0] as DOMRectLike);
}

function onText(mark: DOMRectLike, text: DOMRectLike): string {
  const off = [
    Math.abs(mark.x - text.x) < 2,
    Math.abs(mark.width - text.width) < 2,
    Math.abs(mark.y - text.y) < 3,
    Math.abs(mark.height - text.height) < 3,
  ];
  return off.every(Boolean)
    ? "ok"
    : `mark ${JSON.stringify(mark)} is not on the text ${JSON.stringify(text)}`;
}
