import type { Finding } from "@shengao/core";
import type { SiteProfile } from "../sites/profiles";
import { publishButtonOf } from "./publishButton";

export interface GateHooks {
  /** Error-severity findings of the page's editors, screened up to the current text. */
  errors(): Finding[];
  /** Asks the user; `publish` re-dispatches the click once. */
  ask(errors: Finding[], choose: (choice: "back" | "publish") => void): void;
  onBack(errors: Finding[]): void;
  /** The errors the user chose to publish with, shared by the gates of the page's frames. */
  accepted: AcceptedErrors;
}

/**
 * The errors the user chose to publish with ("publish anyway"): each rule's words, counted. A
 * click finding no others is not asked about again, so the page's own confirmation (发表, then 发表
 * in its dialog) or a second try after a failed upload goes through; a new error, or one more of
 * the same words, asks again. The choice holds for the draft at hand: an editor that opens another
 * draft without loading a page (its address changes) asks again.
 */
export class AcceptedErrors {
  private readonly counts = new Map<string, number>();
  private at: string | undefined;

  /** `where`: the page's address, which says which draft is open. */
  constructor(private readonly where: () => string = () => "") {}

  /** Whether every error is one the user already chose to publish with. */
  covers(errors: readonly Finding[]): boolean {
    this.forDraftAtHand();
    const seen = new Map<string, number>();
    for (const f of errors) {
      const key = keyOf(f);
      const n = (seen.get(key) ?? 0) + 1;
      if (n > (this.counts.get(key) ?? 0)) return false;
      seen.set(key, n);
    }
    return true;
  }

  accept(errors: readonly Finding[]): void {
    this.forDraftAtHand();
    const now = new Map<string, number>();
    for (const f of errors) now.set(keyOf(f), (now.get(keyOf(f)) ?? 0) + 1);
    for (const [key, n] of now) this.counts.set(key, Math.max(n, this.counts.get(key) ?? 0));
  }

  /** Forgets the choices made for another draft: the page's address has changed since. */
  private forDraftAtHand(): void {
    const here = this.where();
    if (this.at === here) return;
    this.counts.clear();
    this.at = here;
  }
}

const keyOf = (f: Finding) => `${f.ruleId}\n${f.text}`;

/**
 * Holds a click on a publish button while error findings remain that the user has not chosen to
 * publish with. The listener is on the window in the capture phase, registered at document_start,
 * so it runs before any of the page's handlers; a click with no errors passes untouched. "Publish
 * anyway" accepts the errors shown and clicks the button again.
 */
export function installPublishGate(
  view: Window,
  profile: () => SiteProfile | undefined,
  hooks: GateHooks,
): () => void {
  const onClick = (event: MouseEvent) => {
    const button = publishButtonOf(event.target, profile());
    if (!button) return;
    const errors = hooks.errors();
    if (errors.length === 0 || hooks.accepted.covers(errors)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    hooks.ask(errors, (choice) => {
      if (choice === "back") return hooks.onBack(errors);
      hooks.accepted.accept(errors);
      (button as HTMLElement).click();
    });
  };
  view.addEventListener("click", onClick, true);
  return () => view.removeEventListener("click", onClick, true);
}
