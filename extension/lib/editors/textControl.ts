import { clientBox, type EditorAdapter, insertTextAtSelection } from "./editor";
import { isTextArea } from "./nodeKinds";

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/** Computed styles that decide where a textarea's text wraps; copied onto the mirror. */
const MIRRORED = [
  "direction",
  "boxSizing",
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
  "fontStyle",
  "fontVariant",
  "fontWeight",
  "fontStretch",
  "fontSize",
  "fontSizeAdjust",
  "lineHeight",
  "fontFamily",
  "fontFeatureSettings",
  "fontKerning",
  "textAlign",
  "textTransform",
  "textIndent",
  "letterSpacing",
  "wordSpacing",
  "tabSize",
  "wordBreak",
  "overflowWrap",
  "lineBreak",
  "hyphens",
  "textRendering",
] as const;

/**
 * textarea and <input> have no DOM ranges for their text, so the text is laid out again in a hidden
 * mirror div with the same font, width and wrapping, and the rects of a Range over the mirror are
 * moved onto the control (the technique of textarea-caret-position and Grammarly-like tools). The
 * mirror lives in our own shadow host in the control's document so the page's fonts apply.
 */
export function textControlAdapter(element: TextControl, mirrorRoot: ShadowRoot): EditorAdapter {
  const kind = isTextArea(element) ? "textarea" : "input";
  const doc = element.ownerDocument;
  const mirror = doc.createElement("div");
  const textNode = doc.createTextNode("");
  mirror.append(textNode);
  mirrorRoot.append(mirror);
  let styled = false;

  const layoutMirror = () => {
    const style = doc.defaultView?.getComputedStyle(element);
    if (!style) return;
    const m = mirror.style;
    for (const p of MIRRORED) m[p] = style[p];
    m.position = "absolute";
    m.top = "0";
    m.left = "0";
    m.visibility = "hidden";
    m.border = "0";
    m.margin = "0";
    m.overflow = "hidden";
    m.boxSizing = "content-box";
    const padX = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
    if (kind === "textarea") {
      m.whiteSpace = "pre-wrap";
      if (style.overflowWrap === "normal" && style.wordBreak === "normal") m.overflowWrap = "break-word";
      m.width = `${Math.max(0, element.clientWidth - padX)}px`;
    } else {
      m.whiteSpace = "pre";
      m.width = "max-content";
      // an input centres its single line vertically in its content box
      m.lineHeight = `${element.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom)}px`;
    }
    styled = true;
  };

  const sync = () => {
    if (!styled) layoutMirror();
    if (textNode.data !== element.value) textNode.data = element.value;
  };

  return {
    kind,
    element,
    text: () => element.value,
    rects(start, end) {
      sync();
      const range = doc.createRange();
      const length = textNode.data.length;
      range.setStart(textNode, Math.min(start, length));
      range.setEnd(textNode, Math.min(end, length));
      const from = mirror.getBoundingClientRect();
      const to = clientBox(element);
      const dx = to.left - from.left - element.scrollLeft;
      const dy = to.top - from.top - element.scrollTop;
      return [...range.getClientRects()]
        .filter((r) => r.width > 0)
        .map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    },
    visibleBox: () => clientBox(element),
    select(start, end) {
      element.focus({ preventScroll: true });
      element.setSelectionRange(start, end);
      return element.selectionStart === start && element.selectionEnd === end;
    },
    replace(start, end, replacement) {
      if (!this.select(start, end)) return false;
      return insertTextAtSelection(doc, replacement);
    },
    invalidate() {
      styled = false;
    },
    dispose() {
      mirror.remove();
    },
  };
}
