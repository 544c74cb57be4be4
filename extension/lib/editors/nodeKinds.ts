/**
 * Node kinds tested by nodeType and tag name, not `instanceof`: nodes of a same-origin iframe belong
 * to that frame's realm, where the top window's HTMLElement, Document… constructors are different
 * objects and `instanceof` is always false.
 */
export function isElement(node: unknown): node is Element {
  return typeof node === "object" && node !== null && (node as Node).nodeType === Node.ELEMENT_NODE;
}

export function isHTMLElement(node: unknown): node is HTMLElement {
  return isElement(node) && "isContentEditable" in node;
}

export function isDocument(node: unknown): node is Document {
  return typeof node === "object" && node !== null && (node as Node).nodeType === Node.DOCUMENT_NODE;
}

export function isFragment(node: unknown): node is DocumentFragment {
  return typeof node === "object" && node !== null && (node as Node).nodeType === Node.DOCUMENT_FRAGMENT_NODE;
}

export function isTextArea(node: unknown): node is HTMLTextAreaElement {
  return isElement(node) && node.nodeName === "TEXTAREA";
}

export function isInput(node: unknown): node is HTMLInputElement {
  return isElement(node) && node.nodeName === "INPUT";
}

export function isFrame(node: unknown): node is HTMLIFrameElement {
  return isElement(node) && node.nodeName === "IFRAME";
}
