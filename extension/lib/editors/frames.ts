/**
 * Offset of a (same-origin) frame's viewport in the top window's viewport: the overlay lives in the
 * top document, editors may live in iframes.
 */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let view = doc.defaultView;
  while (view && view !== view.top) {
    const frame = view.frameElement;
    if (!frame) break;
    const at = frameContentOffset(frame);
    x += at.x;
    y += at.y;
    view = frame.ownerDocument.defaultView;
  }
  return { x, y };
}

/** Where a frame's viewport begins, in the viewport of the window holding the frame. */
export function frameContentOffset(frame: Element): { x: number; y: number } {
  const box = frame.getBoundingClientRect();
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  return {
    x: box.left + frame.clientLeft + Number.parseFloat(style?.paddingLeft ?? "0"),
    y: box.top + frame.clientTop + Number.parseFloat(style?.paddingTop ?? "0"),
  };
}

export function shift(rect: DOMRect, by: { x: number; y: number }): DOMRect {
  return new DOMRect(rect.left + by.x, rect.top + by.y, rect.width, rect.height);
}

export function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}
