import type { Finding } from "@shengao/core";
import { contentEditableAdapter } from "../editors/contentEditable";
import type { EditorElement } from "../editors/discover";
import type { EditorAdapter } from "../editors/editor";
import { isInput, isTextArea } from "../editors/nodeKinds";
import { textControlAdapter } from "../editors/textControl";
import { HighlightLayer, type PlacedFinding } from "../overlay/highlights";
import {
  DraftAddress,
  draftRuns,
  draftSignature,
  findingsKey,
  holdsDraft,
  occurrenceKey,
  problemKey,
  shiftFindings,
  shiftSpans,
} from "./findingKeys";
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
  /** The problems ignored everywhere in this draft (全部忽略): rule and words, wherever written. */
  private readonly ignoredEverywhere = new Set<string>();
  /** Another draft opened in place forgets them. */
  private readonly draft: DraftAddress;
  /** The text the editor held when the address last changed, until a text unlike it says which draft is open. */
  private textAtMove: string | undefined;
  /**
   * Choices made at this address before the page was loaded may still be taken back: true until
   * a screen finds the editor's text to be the draft some were made in and takes them, or the
   * user makes a choice here (see `restore`); set again when another draft is opened in place.
   */
  private restoring = true;
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
    /** the page's address, which says which draft is open (an editor may open another in place) */
    where: () => string = () => "",
  ) {
    this.draft = new DraftAddress(where);
    this.draft.changed(); // the draft open now: its choices are taken back by `restoring`
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
   * setting `value` fires no input event and changes no DOM, so its text is compared now and then;
   * so is the page's address, which a site's script may change.
   */
  resync(): void {
    // the address changed without an edit (a site's autosave): its choices are kept under it now
    this.forOtherDraft(this.allText);
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
      this.setAll(this.screen(text), text, true);
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
    this.remember("occurrence", occurrenceKey(same, this.allText));
    this.setAll(this.all, this.allText);
  }

  /** Keeps a choice made here, with this draft's signature, for the draft shown again after a reload. */
  private remember(kind: "occurrence" | "problem", key: string): void {
    this.restoring = false;
    this.remembered.add({ kind, key, draft: draftSignature(this.allText) });
  }

  /** Choices made in this draft before the page was loaded arrived: take them if still to. */
  choicesArrived(): void {
    if (!this.restoring) return;
    this.screenedText = undefined;
    if (!this.composing) this.screenNow();
  }

  /** How many findings shown are the same problem as `finding`: its rule, on the same words. */
  sameProblemCount(finding: Finding): number {
    const key = problemKey(finding);
    return this.shown.filter((f) => problemKey(f) === key).length;
  }

  /** Ignores `finding`'s problem everywhere in this draft, as it is now and as it is written later. */
  ignoreEverywhere(finding: Finding): void {
    this.forOtherDraft(this.allText);
    this.ignoredEverywhere.add(problemKey(finding));
    this.remember("problem", problemKey(finding));
    this.setAll(this.all, this.allText);
  }

  /**
   * Follows the page's address. Once it changed, the next text unlike the one the editor held then
   * says which draft is open (a site may change the address before it loads another draft in place,
   * and screens may come between). Another draft (it holds too little of the last): what 忽略 and
   * 全部忽略 let be is forgotten (an occurrence 忽略 hid stayed hidden where the other draft began
   * with the same words), and the new draft's own choices are taken back. The same draft (a first
   * autosave gave the post its own address): its choices stay, kept under the new address too, for
   * a reload there.
   */
  private forOtherDraft(text: string): void {
    if (this.draft.changed()) {
      this.textAtMove = this.allText;
      // kept under the new address at once, for a reload before any edit: another draft there takes
      // nothing of them, its text not holding their draft
      for (const place of this.ignored) {
        const f = this.all.find((g) => samePlace(g, place));
        if (f !== undefined) this.remember("occurrence", occurrenceKey(f, this.allText));
      }
      for (const problem of this.ignoredEverywhere) this.remember("problem", problem);
    }
    const before = this.textAtMove;
    if (before === undefined || text === before) return;
    this.textAtMove = undefined;
    if (before !== "" && holdsDraft(draftSignature(before), draftRuns(text))) return;
    this.ignored = [];
    this.ignoredEverywhere.clear();
    this.restoring = true;
  }

  /**
   * Takes back the choices made before the page was loaded in the draft the editor now holds, once:
   * only those made in a text this one holds most of (holdsDraft: the draft restored after a
   * reload, or opened again, grown or edited a little since), so a new draft written at the same address
   * (many sites give every new post one) takes nothing, however it got into the editor. Each
   * occurrence 忽略 hid becomes an ignored place again where the same words stand among the same
   * words (one place per choice); each problem 全部忽略 let be is let be again if the draft holds it.
   */
  private restore(findings: readonly Finding[], text: string): void {
    // nothing to take back yet: an empty editor, or no lexicons loaded (the screen found nothing)
    if (!this.restoring || findings.length === 0) return;
    const earlier = this.remembered.earlier();
    // no answer yet (it screens again when it comes: choicesArrived), or nothing chosen here
    if (earlier === undefined || earlier.length === 0) return;
    const runs = draftRuns(text);
    const made = earlier.filter((c) => holdsDraft(c.draft, runs));
    if (made.length === 0) return; // another draft, or this one still loading: tried at the next screen
    this.restoring = false;
    const occurrences = new Set(made.filter((c) => c.kind === "occurrence").map((c) => c.key));
    const problems = new Set(made.filter((c) => c.kind === "problem").map((c) => c.key));
    const claimed = new Set<string>();
    for (const f of findings) {
      const problem = problemKey(f);
      if (problems.has(problem)) this.ignoredEverywhere.add(problem);
      if (occurrences.size === 0) continue;
      const key = occurrenceKey(f, text);
      if (occurrences.has(key) && !claimed.has(key)) {
        claimed.add(key);
        this.ignored.push({ ruleId: f.ruleId, start: f.start, end: f.end });
      }
    }
  }

  /** `screened`: the findings are a screen of `text`, not the last screen's moved across an edit. */
  private setAll(findings: Finding[], text: string, screened = false): void {
    this.forOtherDraft(text);
    if (text !== this.allText) this.ignored = shiftSpans(this.ignored, this.allText, text);
    this.all = findings;
    this.allText = text;
    if (screened) this.restore(findings, text);
    const shown = findings.filter(
      (f) => !this.ignored.some((g) => samePlace(g, f)) && !this.ignoredEverywhere.has(problemKey(f)),
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
