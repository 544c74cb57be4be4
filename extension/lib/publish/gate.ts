import type { Finding } from "@shengao/core";
import { DraftAddress, problemKey } from "../content/findingKeys";
import type { SiteProfile } from "../sites/profiles";
import { publishButtonOf } from "./publishButton";

export interface GateHooks {
  /** Error-severity findings of the page's editors, screened up to the current text. */
  errors(): Finding[];
  /** Asks the user; `publish` clicks the button, or sends the shortcut, once again. */
  ask(errors: Finding[], choose: (choice: "back" | "publish", byKeyboard: boolean) => void): void;
  /** Back to the draft; `byKeyboard`: the answer was given from the keyboard, which keeps it. */
  onBack(errors: Finding[], byKeyboard: boolean): void;
  /** The errors the user chose to publish with, shared by the gates of the page's frames. */
  accepted: AcceptedErrors;
  /** Whether `node` is in a plain text field screened (a textarea, an input), where Ctrl+Enter sends. */
  sendsByShortcut(node: EventTarget): boolean;
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
  private readonly draft: DraftAddress;

  /** `where`: the page's address, which says which draft is open. */
  constructor(where: () => string = () => "") {
    this.draft = new DraftAddress(where);
  }

  /** Whether every error is one the user already chose to publish with. */
  covers(errors: readonly Finding[]): boolean {
    this.forDraftAtHand();
    const seen = new Map<string, number>();
    for (const f of errors) {
      const key = problemKey(f);
      const n = (seen.get(key) ?? 0) + 1;
      if (n > (this.counts.get(key) ?? 0)) return false;
      seen.set(key, n);
    }
    return true;
  }

  accept(errors: readonly Finding[]): void {
    this.forDraftAtHand();
    const now = new Map<string, number>();
    for (const f of errors) now.set(problemKey(f), (now.get(problemKey(f)) ?? 0) + 1);
    for (const [key, n] of now) this.counts.set(key, Math.max(n, this.counts.get(key) ?? 0));
  }

  /** Forgets the choices made for another draft: the page's address has changed since. */
  private forDraftAtHand(): void {
    if (this.draft.changed()) this.counts.clear();
  }
}

/**
 * Shared by the gates of all the page's frames (the question takes the focus to the top page):
 * `enter`, the Enter of a send shortcut held, whose keyup is kept from the page too (some send on
 * keyup); `asking`, the question is open, and a send shortcut (held down, repeating) is kept from
 * the page wherever the focus is.
 */
const held = { enter: false, asking: false };

/**
 * Holds a click on a publish button while error findings remain that the user has not chosen to
 * publish with. The listener is on the window in the capture phase, registered at document_start,
 * so it runs before any of the page's handlers; a click with no errors passes untouched. "Publish
 * anyway" accepts the errors shown and clicks the button again. A button that publishes on the
 * press (a pointerdown or mousedown handler, as some menus and UI kits have) has its press kept
 * from the page too, while the question waits for the click; "publish anyway" then presses it
 * again before clicking (script events: a page that asks isTrusted ignores them). Ctrl+Enter (⌘+Enter) in a plain
 * text field screened (a textarea, an input) is held alike: Weibo's composer and many comment
 * boxes send with it. In a rich editor it is the editor's own (a line break in TipTap), not held.
 */
export function installPublishGate(
  view: Window,
  profile: () => SiteProfile | undefined,
  hooks: GateHooks,
): () => void {
  /** The errors an act on a publish control is held for: some, not all accepted yet; else none. */
  const unaccepted = (): Finding[] | undefined => {
    const errors = hooks.errors();
    return errors.length === 0 || hooks.accepted.covers(errors) ? undefined : errors;
  };
  /** Asks about the errors when some are not accepted yet; true when the act is held. */
  const hold = (event: Event, publish: () => void): boolean => {
    const errors = unaccepted();
    if (errors === undefined) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    held.asking = true;
    hooks.ask(errors, (choice, byKeyboard) => {
      held.asking = false;
      if (choice === "back") return hooks.onBack(errors, byKeyboard);
      hooks.accepted.accept(errors);
      publish();
    });
    return true;
  };
  /** The publish button whose press was kept from the page, to be pressed again with its click. */
  let pressed: Element | undefined;
  const onPress = (event: Event) => {
    if (event.type === "pointercancel" || event.type === "dragstart") {
      pressed = undefined;
      return;
    }
    const down = event.type === "pointerdown" || event.type === "mousedown" || event.type === "touchstart";
    if (!down && pressed === undefined) return;
    const button = publishButtonOf(event.target, profile());
    // each press decides afresh: one let through (no errors) has its release let through too
    if (down) pressed = button && unaccepted() ? button : undefined;
    if (button === undefined || pressed !== button) return;
    event.stopImmediatePropagation();
    // the page's own mousedown often keeps the focus in the editor (a comment box that folds away
    // when it loses it would take the button with it): kept here in its stead; the click follows
    if (event.type === "mousedown") event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    const button = publishButtonOf(event.target, profile());
    const press = button !== undefined && pressed === button;
    pressed = undefined;
    if (button)
      hold(event, () => {
        if (press) pressAgain(view, button);
        (button as HTMLElement).click();
      });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // a key pressed anew ends the wait for the held Enter's keyup (a Mac sends none for a key let go
    // while ⌘ is still down): it must not eat a later Enter's
    if (held.enter && !(event.key === "Enter" && event.repeat)) held.enter = false;
    if (!isSendShortcut(event)) return;
    if (held.asking) {
      event.preventDefault();
      event.stopImmediatePropagation();
      held.enter = true;
      return;
    }
    // the node typed in, inside a shadow root too (at the window the target is its host)
    const target = event.composedPath()[0] ?? event.target;
    if (!target || !hooks.sendsByShortcut(target)) return;
    held.enter = hold(event, () => {
      for (const type of ["keydown", "keyup"]) target.dispatchEvent(sendKey(view, type, event));
    });
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!held.enter || event.key !== "Enter" || event.isComposing) return;
    held.enter = false;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  view.addEventListener("click", onClick, true);
  // touches passive: the listener never cancels one, and the page's scrolling must not wait for it
  for (const type of HELD_EVENTS)
    view.addEventListener(type, onPress, { capture: true, passive: type.startsWith("touch") });
  view.addEventListener("keydown", onKeyDown, true);
  view.addEventListener("keyup", onKeyUp, true);
  return () => {
    view.removeEventListener("click", onClick, true);
    for (const type of HELD_EVENTS) view.removeEventListener(type, onPress, true);
    view.removeEventListener("keydown", onKeyDown, true);
    view.removeEventListener("keyup", onKeyUp, true);
  };
}

const PRESS_EVENTS = ["pointerdown", "mousedown", "pointerup", "mouseup"] as const;
/**
 * The press events held, and those that end a press without a click. A touch's own events are held
 * too (a button that publishes on touchend), but not sent again: 仍然发布 sends pointer and mouse
 * presses and the click, and a page that listens to touches alone publishes on the next tap.
 */
const HELD_EVENTS = [...PRESS_EVENTS, "touchstart", "touchend", "pointercancel", "dragstart"] as const;

/** Presses `button` again, as a script: pointer and mouse, down and up, at its middle. */
function pressAgain(view: Window, button: Element): void {
  const box = button.getBoundingClientRect();
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
  const scope = view as unknown as typeof globalThis;
  for (const type of PRESS_EVENTS) {
    const down = type.endsWith("down");
    const init = { ...at, bubbles: true, cancelable: true, composed: true, button: 0, buttons: down ? 1 : 0 };
    const Event = type.startsWith("pointer") && scope.PointerEvent ? scope.PointerEvent : scope.MouseEvent;
    button.dispatchEvent(
      new Event(
        type,
        type.startsWith("pointer") ? { ...init, pointerType: "mouse", isPrimary: true, pointerId: 1 } : init,
      ),
    );
  }
}

/**
 * The send shortcut again, for "publish anyway": a script's event, which a page that asks whether
 * the user typed it (isTrusted) ignores; pressed again, the shortcut is not held for these errors.
 * keyCode and which say Enter (13), as pages of the keyCode era test: Chrome's constructor leaves
 * them 0, so they are set on the event itself.
 */
function sendKey(view: Window, type: string, like: KeyboardEvent): KeyboardEvent {
  const init = {
    key: "Enter",
    code: "Enter",
    keyCode: 13,
    which: 13,
    ctrlKey: like.ctrlKey,
    metaKey: like.metaKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const event = new (view as unknown as typeof globalThis).KeyboardEvent(type, init);
  for (const key of ["keyCode", "which"] as const)
    if (event[key] !== 13) Object.defineProperty(event, key, { get: () => 13 });
  return event;
}

/** Ctrl+Enter, or ⌘+Enter on a Mac: the send shortcut of comment boxes and microblog editors. */
function isSendShortcut(event: KeyboardEvent): boolean {
  return (
    event.key === "Enter" &&
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    !event.shiftKey &&
    !event.isComposing
  );
}
