/**
 * One editable thing on the page, seen as a string: the findings' UTF-16 offsets index into
 * `text()`, and the adapter maps them back to on-screen rectangles and to a selection.
 * Adapters only read the editor's DOM; the one write is `replace`, which goes through the editor's
 * own input path (execCommand insertText) so the editor sees an ordinary edit and undo works.
 */
export interface EditorAdapter {
  readonly kind: "textarea" | "input" | "contenteditable";
  readonly element: HTMLElement;
  /** The text the findings index into. Cached until the editor changes. */
  text(): string;
  /** Rectangles of [start, end) in the viewport of the editor's own window. */
  rects(start: number, end: number): DOMRect[];
  /** The editor's visible box (where its text shows) in the viewport of its own window. */
  visibleBox(): DOMRect;
  /** The caret's offset in `text()` (the focus end of the selection), or undefined when it has none. */
  caret(): number | undefined;
  /** Selects [start, end) in the editor and focuses it. */
  select(start: number, end: number): boolean;
  /** Replaces [start, end) as if the user typed it; returns whether the editor took the edit. */
  replace(start: number, end: number, replacement: string): boolean;
  /** The editor changed outside an input event (or we cannot tell): drop cached text and layout. */
  invalidate(): void;
  dispose(): void;
}

/** Types the replacement over the current selection, the way the editor's user would. */
export function insertTextAtSelection(doc: Document, replacement: string): boolean {
  // execCommand is deprecated but is still the only API that fires beforeinput/input as user input
  // and joins the native undo stack in textarea, input and contenteditable (ProseMirror and Quill
  // read the resulting DOM change like any typing).
  return replacement === ""
    ? doc.execCommand("delete", false)
    : doc.execCommand("insertText", false, replacement);
}

/** The element's padding box minus scrollbars, in its window's viewport. */
export function clientBox(element: Element): DOMRect {
  const box = element.getBoundingClientRect();
  return new DOMRect(
    box.left + element.clientLeft,
    box.top + element.clientTop,
    element.clientWidth || box.width,
    element.clientHeight || box.height,
  );
}
