import { OVERLAY_CSS } from "./styles";

export const OVERLAY_TAG = "shengao-overlay";

/**
 * Our one shadow host in the top document: highlight layers, the finding card and the publish
 * dialog all live in its shadow root. The host covers the viewport but lets pointer events through;
 * only the card and the dialog take them.
 */
export interface Overlay {
  host: HTMLElement;
  root: ShadowRoot;
}

export function createOverlay(doc: Document): Overlay {
  const host = doc.createElement(OVERLAY_TAG);
  const s = host.style;
  s.setProperty("position", "fixed", "important");
  s.setProperty("inset", "0", "important");
  s.setProperty("pointer-events", "none", "important");
  s.setProperty("z-index", "2147483647", "important");
  s.setProperty("display", "block", "important");
  const root = host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [sheet(doc, OVERLAY_CSS)];
  (doc.body ?? doc.documentElement).after(host);
  return { host, root };
}

/** A hidden shadow host in a frame's document for the textarea mirrors (they need the frame's fonts). */
export function createMirrorRoot(doc: Document): ShadowRoot {
  const host = doc.createElement("shengao-mirror");
  const s = host.style;
  for (const [p, v] of [
    ["position", "absolute"],
    ["top", "0"],
    ["left", "0"],
    ["width", "0"],
    ["height", "0"],
    ["overflow", "hidden"],
    ["visibility", "hidden"],
    ["pointer-events", "none"],
  ] as const)
    s.setProperty(p, v, "important");
  const root = host.attachShadow({ mode: "open" });
  (doc.body ?? doc.documentElement).after(host);
  return root;
}

function sheet(doc: Document, css: string): CSSStyleSheet {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  const s = new (View?.CSSStyleSheet ?? CSSStyleSheet)();
  s.replaceSync(css);
  return s;
}
