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
  const lines = new MirrorLines(doc, mirror);
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
    lines.set(element.value);
  };

  return {
    kind,
    element,
    text: () => element.value,
    rects(start, end) {
      sync();
      const from = mirror.getBoundingClientRect();
      const to = clientBox(element);
      const dx = to.left - from.left - element.scrollLeft;
      const dy = to.top - from.top - element.scrollTop;
      return lines
        .clientRects(start, end)
        .filter((r) => r.width > 0)
        .map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    },
    visibleBox: () => clientBox(element),
    caret: () => element.selectionEnd ?? undefined,
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

/**
 * The mirror's text, one block per line of the value. When a keystroke changes one line of a long
 * draft, only that block is laid out again: with the whole text in one node, every pause re-laid
 * out all of it (tens of milliseconds for 20,000 characters). A line break ends a line in a block
 * exactly as it does in the textarea; text-indent, which indents only the textarea's first line,
 * is kept on the first block only.
 */
class MirrorLines {
  private lines: string[] = [];
  private blocks: HTMLElement[] = [];
  /** offset in the value of each line's first character */
  private starts: number[] = [];
  private indented: HTMLElement | undefined;
  private value: string | undefined;

  constructor(
    private readonly doc: Document,
    private readonly mirror: HTMLElement,
  ) {}

  set(value: string): void {
    if (value === this.value) return;
    this.value = value;
    const next = value.split("\n");
    const old = this.lines;
    let same = 0;
    while (same < next.length && same < old.length && next[same] === old[same]) same++;
    let sameEnd = 0;
    while (
      sameEnd < next.length - same &&
      sameEnd < old.length - same &&
      next[next.length - 1 - sameEnd] === old[old.length - 1 - sameEnd]
    )
      sameEnd++;
    const created = next.slice(same, next.length - sameEnd).map((line) => this.block(line));
    const removed = this.blocks.splice(same, old.length - same - sameEnd, ...created);
    for (const block of removed) block.remove();
    const after = this.blocks[same + created.length];
    for (const block of created) this.mirror.insertBefore(block, after ?? null);
    this.lines = next;
    this.starts = new Array(next.length);
    let at = 0;
    next.forEach((line, i) => {
      this.starts[i] = at;
      at += line.length + 1;
    });
    const first = this.blocks[0];
    if (first !== this.indented) {
      if (this.indented) this.indented.style.textIndent = "0";
      if (first) first.style.textIndent = "";
      this.indented = first;
    }
  }

  /** The rects of the text in [start, end) of the value, line by line. */
  clientRects(start: number, end: number): DOMRect[] {
    const rects: DOMRect[] = [];
    for (let i = this.lineAt(start); i < this.lines.length && (this.starts[i] as number) < end; i++) {
      const text = this.blocks[i]?.firstChild;
      const line = this.lines[i] as string;
      if (!text || text.nodeType !== Node.TEXT_NODE || line.length === 0) continue;
      const lineStart = this.starts[i] as number;
      const range = this.doc.createRange();
      range.setStart(text, Math.min(line.length, Math.max(0, start - lineStart)));
      range.setEnd(text, Math.min(line.length, end - lineStart));
      rects.push(...range.getClientRects());
    }
    return rects;
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A line's block: its text, or a line break so that an empty line keeps its height. */
  private block(line: string): HTMLElement {
    const block = this.doc.createElement("div");
    block.style.textIndent = "0";
    block.append(line.length > 0 ? this.doc.createTextNode(line) : this.doc.createElement("br"));
    return block;
  }
}
