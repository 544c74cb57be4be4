import { clientBox, type EditorAdapter, insertTextAtSelection } from "./editor";
import { buildTextMap, piecesOf, positionAt, type TextMap } from "./textMap";

/**
 * A contenteditable root (a div, ProseMirror's or Quill's editor, the body of the WeChat-style
 * editor iframe). Rects come from Ranges over each text node's piece, so a finding across an
 * element boundary never picks up the element's own box.
 */
export function contentEditableAdapter(element: HTMLElement): EditorAdapter {
  const doc = element.ownerDocument;
  let map: TextMap | undefined;
  const current = () => {
    map ??= buildTextMap(element);
    return map;
  };
  const adapter: EditorAdapter = {
    kind: "contenteditable",
    element,
    text: () => current().text,
    rects(start, end) {
      const rects: DOMRect[] = [];
      const range = doc.createRange();
      for (const piece of piecesOf(current(), start, end)) {
        if (!piece.node.isConnected) continue;
        range.setStart(piece.node, piece.start);
        range.setEnd(piece.node, piece.end);
        for (const r of range.getClientRects()) if (r.width > 0) rects.push(r);
      }
      return rects;
    },
    visibleBox() {
      // the body of an editor iframe scrolls with the iframe's viewport, not inside itself
      if (element === doc.body) {
        const view = doc.defaultView;
        return new DOMRect(0, 0, view?.innerWidth ?? 0, view?.innerHeight ?? 0);
      }
      return clientBox(element);
    },
    caret() {
      // a shadow root has a selection of its own (Chromium); the document's stops at the host
      const root = element.getRootNode() as
        | Document
        | (ShadowRoot & { getSelection?: () => Selection | null });
      const selection = typeof root.getSelection === "function" ? root.getSelection() : doc.getSelection();
      const node = selection?.focusNode;
      if (!selection || !node || !element.contains(node)) return undefined;
      const i = current().nodes.indexOf(node as Text);
      return i < 0 ? undefined : (current().starts[i] as number) + selection.focusOffset;
    },
    select(start, end) {
      const from = positionAt(current(), start, "start");
      const to = positionAt(current(), end, "end");
      const selection = doc.getSelection();
      if (!from || !to || !selection) return false;
      element.focus({ preventScroll: true });
      selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
      return true;
    },
    replace(start, end, replacement) {
      if (!adapter.select(start, end)) return false;
      return insertTextAtSelection(doc, replacement);
    },
    invalidate() {
      map = undefined;
    },
    dispose() {
      map = undefined;
    },
  };
  return adapter;
}
