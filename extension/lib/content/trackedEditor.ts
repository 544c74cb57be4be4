import type { Finding } from "@shengao/core";
import { contentEditableAdapter } from "../editors/contentEditable";
import type { EditorElement } from "../editors/discover";
import type { EditorAdapter } from "../editors/editor";
import { isInput, isTextArea } from "../editors/nodeKinds";
import { textControlAdapter } from "../editors/textControl";
import { HighlightLayer, type PlacedFinding } from "../overlay/highlights";
import { findingsKey, occurrenceKey, problemKey, shiftFindings, shiftSpans } from "./findingKeys";
import type { RememberedIgnores } from "./rememberedIgnores";

/** The same rule's hit on the same span: a finding, and an occurrence the user ignored. */
type Place = Pick<Finding, "ruleId" | "start" | "end">;

function samePlace(a: Place, b: Place): boolean {
  return a.ruleId === b.ruleId && a.start === b.start && a.end === b.end;
}

/** Debounce of re-screening while typing. */
export const SCREEN_DELAY_MS = 300;
export const DRAWN_MEASURE = "shengao:drawn";
export const FRAME_MEASURE = "shengao:frame";
export const EDITED_MEASURE = "shengao:keystroke";

/**
 * One editor on the page and what we know about it: the text last screened, its findings, the
 * occurrences the user ignored, and its highlight layer. Screening is skipped when the text is
 * unchanged; the layer is redrawn only when the shown findings change or the layout moves.
 */
export class TrackedEditor {
  readonly adapter: EditorAdapter;
  readonly layer: HighlightLayer;
  screenedText: string | undefined;
  /** Text seen at the last input event, to shift findings across the next edit. */
  private typedText: string;
  private all: Finding[] = [];
  /** The text `all` and `ignored` refer to. */
  private allText = "";
  shown: Finding[] = [];
  private shownKey = "";
  /**
   * The occurrences the user ignored, where they are now: carried across each edit as the marks
   * are, and dropped when an edit touches one (the user changed it: it is screened afresh).
   */
  private ignored: Place[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  lastFocused = 0;
  /** An input method's composition is open (拼音 typed, not yet committed): no screen after a pause. */
  composing = false;
  /** The editor's visible box at the last layout, to skip redrawing when a page change did not move it. */
  layoutKey = "";
  /** The shown findings' rectangles at the last layout (in the top viewport), covered ones included. */
  placed: PlacedFinding[] = [];
  /** Aborts the listeners and observers put on the page for this editor. */
  private readonly listening = new AbortController();
  private readonly observers: MutationObserver[] = [];

  constructor(
    readonly id: number,
    element: EditorElement,
    overlayRoot: ShadowRoot,
    mirrorRoot: () => ShadowRoot,
    private readonly screen: (text: string) => Finding[],
    private readonly changed: (editor: TrackedEditor) => void,
    /**
     * What the user let be in this draft, shared with the page's other editors and kept for the
     * session: occurrences 忽略 hid, found again by their words after a reload, and the problems
     * 全部忽略 let be
     */
    private readonly remembered: RememberedIgnores,
  ) {
    this.adapter =
      isTextArea(element) || isInput(element)
        ? textControlAdapter(element, mirrorRoot())
        : contentEditableAdapter(element);
    this.layer = new HighlightLayer(overlayRoot, id);
    this.typedText = this.adapter.text();
  }

  get element(): HTMLElement {
    return this.adapter.element;
  }

  /**
   * A text control whose value the page's script set (a toolbar's "insert topic", a draft restored):
   * setting `value` fires no input event and changes no DOM, so its text is compared now and then.
   */
  resync(): void {
    if (this.adapter.kind !== "contenteditable" && this.adapter.text() !== this.typedText) this.edited();
  }

  /** The editor's text changed: keep marks on their words now, re-screen after the pause. */
  edited(): void {
    const start = performance.now();
    this.adapter.invalidate();
    const text = this.adapter.text();
    if (text !== this.typedText) {
      this.setAll(shiftFindings(this.all, this.typedText, text), text);
      this.typedText = text;
      // the marks kept are the last screen's, moved, with those the edit touched dropped: not a
      // screen of this text. A typo undone within the pause (北X韩, then Backspace) gives back the
      // text last screened, and skipping its screen lost 北韩's mark and let publishing through.
      this.screenedText = undefined;
      this.schedule();
    }
    // the work done on each keystroke, before the debounce: it must stay far below a frame
    performance.clearMeasures(EDITED_MEASURE);
    performance.measure(EDITED_MEASURE, { start });
  }

  schedule(delay = SCREEN_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.screenAfterPause(), delay);
  }

  /**
   * The debounce ended: screen and draw. Timed with User Timing entries (latest one kept) so the
   * latency from the end of the typing pause to the marks drawn can be read from the page
   * (bench/extension-latency.mjs): `shengao:drawn` when the marks are placed, `shengao:frame` at the
   * next animation frame.
   */
  private screenAfterPause(): void {
    // marks on letters still being composed would offer fixes of text the commit replaces
    if (this.composing) return;
    const start = performance.now();
    this.screenNow();
    const detail = { editor: this.id, length: this.screenedText?.length ?? 0, findings: this.shown.length };
    performance.clearMeasures(DRAWN_MEASURE);
    performance.measure(DRAWN_MEASURE, { start, detail });
    requestAnimationFrame(() => {
      performance.clearMeasures(FRAME_MEASURE);
      performance.measure(FRAME_MEASURE, { start, detail });
    });
  }

  /** Adds a page listener that goes away with this editor. */
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement | Window | Document,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
    options: AddEventListenerOptions = {},
  ): void {
    target.addEventListener(type, listener as EventListener, { ...options, signal: this.listening.signal });
  }

  /** Watches the editor's subtree for changes made without input events. */
  observe(callback: () => void): void {
    const observer = new MutationObserver(callback);
    observer.observe(this.element, { characterData: true, childList: true, subtree: true });
    this.observers.push(observer);
  }

  /** Screens the current text if it changed since the last screen; returns the shown findings. */
  screenNow(): Finding[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = this.adapter.text();
    if (text !== this.screenedText) {
      this.screenedText = text;
      this.typedText = text;
      this.setAll(this.screen(text), text);
    }
    return this.shown;
  }

  /** Forget the last screen (the lexicons or filters changed). */
  rescreen(): void {
    this.screenedText = undefined;
    // the lexicons arriving mid-composition: screened when it is committed (compositionend)
    if (!this.composing) this.screenNow();
  }

  ignore(finding: Finding): void {
    // the card's finding may be a copy the last edit moved: find it by its place
    const same = this.all.find((f) => samePlace(f, finding));
    if (same === undefined) return;
    this.ignored.push({ ruleId: same.ruleId, start: same.start, end: same.end });
    this.remembered.addOccurrence(occurrenceKey(same, this.allText));
    this.setAll(this.all, this.allText);
  }

  /** Shows again what the findings hide now (choices made earlier in this draft arrived). */
  refilter(): void {
    this.setAll(this.all, this.allText);
  }

  /** How many findings shown are the same problem as `finding`: its rule, on the same words. */
  sameProblemCount(finding: Finding): number {
    const key = problemKey(finding);
    return this.shown.filter((f) => problemKey(f) === key).length;
  }

  /** Ignores `finding`'s problem everywhere in this draft, as it is now and as it is written later. */
  ignoreEverywhere(finding: Finding): void {
    this.remembered.addProblem(problemKey(finding));
    this.setAll(this.all, this.allText);
  }

  private setAll(findings: Finding[], text: string): void {
    if (text !== this.allText) this.ignored = shiftSpans(this.ignored, this.allText, text);
    this.all = findings;
    this.allText = text;
    const remembered = this.remembered;
    const byWords = !remembered.noOccurrences;
    const shown = findings.filter(
      (f) =>
        !this.ignored.some((g) => samePlace(g, f)) &&
        !remembered.hidesProblem(problemKey(f)) &&
        !(byWords && remembered.hidesOccurrence(occurrenceKey(f, text))),
    );
    const key = findingsKey(shown);
    this.shown = shown;
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.changed(this);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listening.abort();
    for (const o of this.observers) o.disconnect();
    this.layer.remove();
    this.adapter.dispose();
  }
}
