import { t } from "../i18n";
import { isInput, isTextArea } from "./nodeKinds";

/** Longest label shown for an editor: a placeholder can be a whole sentence of instructions. */
const MAX_LABEL = 24;

/**
 * What the popup calls an editor: the name the page gives it (its label, aria-label, placeholder,
 * title), as the user sees it on the page, else what kind of box it is. Never its id or name
 * attribute: those are the page's code ("js_content", "old"), not words for the user.
 */
export function editorLabel(element: HTMLElement): string {
  const named = pageName(element)?.replace(/\s+/g, " ").trim();
  if (named) return named.length > MAX_LABEL ? `${named.slice(0, MAX_LABEL - 1)}…` : named;
  if (isTextArea(element)) return t("editor_textarea");
  return isInput(element) ? t("editor_input") : t("editor_rich");
}

function pageName(element: HTMLElement): string | undefined {
  const doc = element.ownerDocument;
  const byIds = element
    .getAttribute("aria-labelledby")
    ?.split(/\s+/)
    .map((id) => doc.getElementById(id)?.textContent ?? "")
    .join(" ");
  const labels = (isTextArea(element) || isInput(element)) && element.labels ? [...element.labels] : [];
  return (
    element.getAttribute("aria-label") ||
    byIds?.trim() ||
    labels
      .map((l) => l.textContent ?? "")
      .join(" ")
      .trim() ||
    element.getAttribute("placeholder") ||
    // Quill keeps the placeholder it draws in a data attribute
    element.getAttribute("data-placeholder") ||
    element.getAttribute("title") ||
    undefined
  );
}
