import type { Finding } from "@shengao/core";
import { t } from "../i18n";
import { el } from "./dom";

const LISTED = 5;

/** The publish gate's question, in the overlay: go back and edit, or publish anyway. */
export function showPublishDialog(
  root: ShadowRoot,
  errors: Finding[],
  choose: (choice: "back" | "publish", byKeyboard: boolean) => void,
): void {
  // the page's publish button pressed again (Enter on it, a shortcut): the question is open already
  const open = root.querySelector<HTMLElement>(".dialog");
  if (open) {
    open.querySelector<HTMLElement>("button.back")?.focus();
    return;
  }
  const doc = root.ownerDocument;
  const back = el(doc, "button", { className: "primary back", text: t("gate_back") });
  const publish = el(doc, "button", { className: "publish", text: t("gate_publish") });
  const items = errors.slice(0, LISTED).map((f) => el(doc, "li", { text: `“${f.text}”：${f.message}` }));
  if (errors.length > LISTED) items.push(el(doc, "li", { text: t("gate_more", errors.length - LISTED) }));
  const backdrop = el(doc, "div", { className: "backdrop" });
  const dialog = el(
    doc,
    "div",
    { className: "dialog", attrs: { role: "alertdialog", "aria-modal": "true" } },
    [
      el(doc, "h2", { text: t("gate_title") }),
      el(doc, "p", { text: t("gate_body", errors.length) }),
      el(doc, "ul", {}, items),
      el(doc, "p", { className: "note", text: t("gate_note") }),
      el(doc, "div", { className: "actions" }, [publish, back]),
    ],
  );
  const done = (choice: "back" | "publish", byKeyboard: boolean) => {
    backdrop.remove();
    dialog.remove();
    choose(choice, byKeyboard);
  };
  // a button pressed with Enter or Space clicks with no mouse press counted (detail 0)
  back.addEventListener("click", (e) => done("back", e.detail === 0));
  publish.addEventListener("click", (e) => done("publish", e.detail === 0));
  backdrop.addEventListener("click", () => done("back", false));
  dialog.addEventListener("keydown", (e) => {
    if (e.key === "Escape") done("back", true);
    // a modal question keeps the keyboard: Tab moves between its two answers, never to the draft
    // or the page's publish button behind the backdrop
    if (e.key === "Tab") {
      e.preventDefault();
      (root.activeElement === back ? publish : back).focus();
    }
  });
  root.append(backdrop, dialog);
  back.focus();
}
