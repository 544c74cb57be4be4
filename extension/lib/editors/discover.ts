import { isDocument, isElement, isFragment, isFrame, isHTMLElement, isInput, isTextArea } from "./nodeKinds";

/**
 * Finds the editors of a page: <textarea>, text <input>, contenteditable roots, and the same in
 * open shadow roots and same-origin iframes (the WeChat editor is an iframe whose body is
 * contenteditable), including editors added later, and shadow roots attached later (when focused).
 * Only reads the page.
 */
export type EditorElement = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUT_TYPES = new Set(["", "text"]);
/** A field whose label says it searches: its text is a query, not a draft (research is no search). */
const SEARCH_LABEL = /^(搜索|查找|检索)|(^|[^a-z])search/i;
const CANDIDATES = "textarea, input, [contenteditable]";

export interface DiscoveryCallbacks {
  onEditor(element: EditorElement): void;
  /** A same-origin frame document to watch too (scroll, clicks, the publish gate). */
  onDocument(doc: Document): void;
  /** Our own nodes (the overlay host) are never editors. */
  isOwn(node: Node): boolean;
}

export function isEditor(element: Element): element is EditorElement {
  if (isTextArea(element)) return !element.readOnly && !element.disabled;
  if (isInput(element))
    return (
      TEXT_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled && !isSearchField(element)
    );
  if (!isHTMLElement(element) || !element.isContentEditable) return false;
  if (isSearchBox(element)) return false;
  // only the root of an editable region is an editor
  const parent = element.parentElement;
  return !parent?.isContentEditable;
}

/** An editable element marked as a search box: a searchbox role, or inside a search landmark. */
function isSearchBox(element: Element): boolean {
  return element.getAttribute("role") === "searchbox" || element.closest('[role="search"], search') !== null;
}

/** A search field: type search, marked as a search box, or labelled so. */
function isSearchField(input: HTMLInputElement): boolean {
  if (input.type === "search" || isSearchBox(input)) return true;
  return [input.placeholder, input.getAttribute("aria-label"), input.name, input.id].some(
    (label) => label !== null && SEARCH_LABEL.test(label.trim()),
  );
}

/**
 * The editor is drawn on the page now: a hidden field (display:none, visibility:hidden, a template
 * copy) is no draft the user is about to publish, and its findings could be neither shown nor fixed.
 */
export function isShown(element: HTMLElement): boolean {
  if (!element.isConnected) return false;
  const check = (element as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === "function") return check.call(element, { visibilityProperty: true });
  return element.getClientRects().length > 0;
}

export function watchEditors(root: Document, callbacks: DiscoveryCallbacks): () => void {
  const observers: MutationObserver[] = [];
  const stops: (() => void)[] = [];
  const seenRoots = new WeakSet<Node>();
  const seenFrames = new WeakSet<HTMLIFrameElement>();

  const scan = (node: Node) => {
    if (callbacks.isOwn(node)) return;
    if (isElement(node)) {
      if (isEditor(node)) callbacks.onEditor(node);
      inspect(node);
    }
    if (!(isElement(node) || isDocument(node) || isFragment(node))) return;
    for (const el of node.querySelectorAll(CANDIDATES))
      if (isEditor(el) && !callbacks.isOwn(el)) callbacks.onEditor(el);
    // shadow roots and frames are not reachable by selectors: walk the elements once
    const walker = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null)
      inspect(el);
  };

  const inspect = (el: Element) => {
    if (el.shadowRoot) observeRoot(el.shadowRoot);
    if (isFrame(el)) watchFrame(el);
  };

  const observeRoot = (root: Document | ShadowRoot) => {
    if (seenRoots.has(root)) return;
    seenRoots.add(root);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "attributes") {
          if (isElement(record.target) && isEditor(record.target)) callbacks.onEditor(record.target);
          continue;
        }
        for (const added of record.addedNodes) scan(added);
      }
    });
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["contenteditable"],
    });
    observers.push(observer);
    if (isDocument(root)) {
      // a shadow root attached to an element already on the page tells no observer: the editor in
      // it is found when the user focuses it (focus events cross shadow boundaries)
      const onFocus = (event: Event) => {
        for (const target of event.composedPath())
          if (isElement(target) && target.shadowRoot) observeRoot(target.shadowRoot);
      };
      root.addEventListener("focusin", onFocus, true);
      stops.push(() => root.removeEventListener("focusin", onFocus, true));
    }
    scan(root);
  };

  const watchFrame = (frame: HTMLIFrameElement) => {
    if (seenFrames.has(frame)) return;
    seenFrames.add(frame);
    const attach = () => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument; // null or throws for cross-origin frames: leave those alone
      } catch {
        return;
      }
      if (!doc || seenRoots.has(doc)) return;
      callbacks.onDocument(doc);
      observeRoot(doc);
      // a body made editable with designMode has no contenteditable attribute
      if (doc.designMode === "on" && doc.body) callbacks.onEditor(doc.body);
    };
    attach();
    frame.addEventListener("load", attach);
  };

  observeRoot(root);
  return () => {
    for (const o of observers) o.disconnect();
    for (const stop of stops) stop();
  };
}
