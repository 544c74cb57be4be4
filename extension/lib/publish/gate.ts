import type { Finding } from "@shengao/core";
import type { SiteProfile } from "../sites/profiles";
import { publishButtonOf } from "./publishButton";

export interface GateHooks {
  /** Error-severity findings of the page's editors, screened up to the current text. */
  errors(): Finding[];
  /** Asks the user; `publish` re-dispatches the click once. */
  ask(errors: Finding[], choose: (choice: "back" | "publish") => void): void;
  onBack(errors: Finding[]): void;
}

/**
 * Holds a click on a publish button while error findings remain. The listener is on the window in
 * the capture phase, registered at document_start, so it runs before any of the page's handlers;
 * a click with no errors passes untouched. "Publish anyway" clicks the button again and lets that
 * one click through.
 */
export function installPublishGate(
  view: Window,
  profile: () => SiteProfile | undefined,
  hooks: GateHooks,
): () => void {
  let letThrough: Element | undefined;
  const onClick = (event: MouseEvent) => {
    const button = publishButtonOf(event.target, profile());
    if (!button) return;
    if (letThrough === button) {
      letThrough = undefined;
      return;
    }
    const errors = hooks.errors();
    if (errors.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    hooks.ask(errors, (choice) => {
      if (choice === "back") return hooks.onBack(errors);
      letThrough = button;
      (button as HTMLElement).click();
      letThrough = undefined;
    });
  };
  view.addEventListener("click", onClick, true);
  return () => view.removeEventListener("click", onClick, true);
}
