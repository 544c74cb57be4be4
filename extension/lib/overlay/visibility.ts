import { clientBox } from "../editors/editor";
import { frameContentOffset, intersect, shift } from "../editors/frames";
import { OVERLAY_TAG } from "./overlay";

/**
 * Where an editor's text can show, in the top window's viewport: its own visible box, cut by every
 * element around it that clips what overflows (a scrolling panel holding the editor), by the
 * viewport of each frame it is in, and by what clips those frames. Marks drawn outside it would
 * float over the page (a toolbar above the panel, the text scrolled out of the panel).
 */
export function visibleClip(element: Element, box: DOMRect): DOMRect {
  let clip = box;
  let at: Element = element;
  for (;;) {
    clip = clipByAncestors(at, clip);
    const view = at.ownerDocument.defaultView;
    const frame = view && view !== view.top ? view.frameElement : null;
    // the window's viewport: what is scrolled out of it shows nowhere (and need not be tested)
    if (view) clip = intersect(clip, new DOMRect(0, 0, view.innerWidth, view.innerHeight));
    if (!view || !frame) return clip;
    clip = shift(clip, frameContentOffset(frame));
    at = frame;
  }
}

function clipByAncestors(element: Element, box: DOMRect): DOMRect {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  let clip = box;
  for (let a = parentOf(element); a && a !== doc.body && a !== doc.documentElement; a = parentOf(a)) {
    const style = view?.getComputedStyle(a);
    if (style && (style.overflowX !== "visible" || style.overflowY !== "visible"))
      clip = intersect(clip, clientBox(a));
    // a fixed element is placed by the viewport: what holds it in the DOM does not clip it
    if (style?.position === "fixed") break;
  }
  return clip;
}

/** The parent element, across a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * Whether the page shows `element` at (x, y) of its window's viewport, and each frame holding it at
 * that place in its own: false where the page draws something over it (a sticky toolbar, a menu, a
 * dialog) or a scrolling panel has scrolled it out of view. Our overlay's card and dialog count as
 * showing it: they are drawn over the marks, which stay for when they close. (One hit test per
 * point: `elementsFromPoint`, which could look under them, tests the whole stack and cost more.)
 */
export function showsAt(element: Element, x: number, y: number): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  if (hit?.localName === OVERLAY_TAG) return true;
  if (!hit || !(hit === element || element.contains(hit))) return false;
  const view = element.ownerDocument.defaultView;
  const frame = view && view !== view.top ? view.frameElement : null;
  if (!frame) return true;
  const offset = frameContentOffset(frame);
  return showsAt(frame, x + offset.x, y + offset.y);
}
