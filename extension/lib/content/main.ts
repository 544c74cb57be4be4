import type { Finding } from "@shengao/core";
import { browser } from "wxt/browser";
import { type EditorElement, isShown, watchEditors } from "../editors/discover";
import { frameOffset, intersect, shift } from "../editors/frames";
import { editorLabel } from "../editors/label";
import { loadLanguage } from "../i18n";
import { type PayloadScreener, payloadScreener } from "../lexicons/payloadScreener";
import { askBackground, type CompiledPayload, type PageFindings, type PageMessage } from "../messages";
import { placeCard, renderCard } from "../overlay/card";
import { showPublishDialog } from "../overlay/dialog";
import type { PlacedFinding } from "../overlay/highlights";
import { createMirrorRoot, createOverlay, type Overlay } from "../overlay/overlay";
import { showsAt, visibleClip } from "../overlay/visibility";
import { AcceptedErrors, installPublishGate } from "../publish/gate";
import { loadSettings, onSettingsChanged, type Settings } from "../settings";
import { profileForHost, siteKey } from "../sites/profiles";
import { RememberedIgnores } from "./rememberedIgnores";
import { SCREEN_DELAY_MS, TrackedEditor } from "./trackedEditor";

const HOVER_DELAY_MS = 250;
/** How often text controls are compared with their last text, for values a script set, and the page's address with the last. */
const RESYNC_MS = 500;
const HIDE_DELAY_MS = 400;

/**
 * The content script: finds the page's editors, screens each one locally with the compiled lexicons
 * it got from the background once, draws the findings in the overlay, shows the card, and gates
 * publishing. The page's DOM is only read; fixes are typed through the editor's input path.
 */
export function startContent(): void {
  const top = window;
  let screener: PayloadScreener | undefined;
  let enabled = false;
  /** Until the first settings and lexicons are read (the page may still be loading): not "off". */
  let starting = true;
  let overlay: Overlay | undefined;
  const editors = new Map<HTMLElement, TrackedEditor>();
  const mirrors = new Map<Document, ShadowRoot>();
  const watchedDocs = new Set<Document>();
  let nextId = 1;
  let stopWatching: (() => void) | undefined;
  let resyncTimer: ReturnType<typeof setInterval> | undefined;
  /** The card Alt+Enter opened, and where the caret was: Escape puts it back there. */
  let keyboardCard: { editor: TrackedEditor; at: number } | undefined;
  let layoutQueued = false;
  let card: { element: HTMLElement; editor: TrackedEditor; finding: Finding } | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;

  /** The page's address, which says which draft is open (choices are kept by it). */
  const address = () => top.location.href;

  const screen = (text: string): Finding[] => {
    if (!screener || text.length === 0) return [];
    const started = performance.now();
    const findings = screener.screen(text);
    if (overlay) overlay.host.dataset.screenMs = (performance.now() - started).toFixed(2);
    return findings;
  };

  // ---- layout ---------------------------------------------------------------------------------
  /** Where the editor's text shows, in the top viewport; `moved` compares it with the last layout. */
  const clipOf = (editor: TrackedEditor) => {
    const offset = frameOffset(editor.element.ownerDocument);
    const clip = visibleClip(editor.element, editor.adapter.visibleBox());
    return { clip, offset, key: `${clip.x},${clip.y},${clip.width},${clip.height}` };
  };

  /**
   * The rectangles the page leaves visible: one drawn over by the page (a sticky toolbar, a menu,
   * a dialog) gets no mark, which would otherwise float over it. Tested at the middle of its
   * part inside the clip; rectangles outside it are cut off by the layer anyway.
   */
  const uncovered = (
    editor: TrackedEditor,
    placed: readonly PlacedFinding[],
    clip: DOMRect,
    offset: { x: number; y: number },
  ) =>
    placed.map(({ finding, rects }) => ({
      finding,
      rects: rects.filter((rect) => {
        const seen = intersect(rect, clip);
        if (seen.width === 0 || seen.height === 0) return true;
        const x = seen.left + seen.width / 2 - offset.x;
        const y = seen.top + seen.height / 2 - offset.y;
        return showsAt(editor.element, x, y);
      }),
    }));

  const sameRects = (a: readonly PlacedFinding[], b: readonly PlacedFinding[]) =>
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as PlacedFinding;
      return (
        p.finding === q.finding &&
        p.rects.length === q.rects.length &&
        p.rects.every((r, k) => r === q.rects[k])
      );
    });

  const layout = (editor: TrackedEditor, onlyIfMoved = false) => {
    if (!editor.element.isConnected) return forget(editor);
    const started = performance.now();
    const { clip, offset, key } = clipOf(editor);
    if (onlyIfMoved && key === editor.layoutKey) {
      // nothing moved, but the page may have drawn something over the text, or taken it away
      const shown = uncovered(editor, editor.placed, clip, offset);
      if (!sameRects(shown, editor.layer.placed)) editor.layer.render(shown, clip);
      return;
    }
    editor.layoutKey = key;
    editor.placed = editor.shown.map((finding) => ({
      finding,
      rects: editor.adapter.rects(finding.start, finding.end).map((r) => shift(r, offset)),
    }));
    editor.layer.render(uncovered(editor, editor.placed, clip, offset), clip);
    if (overlay) {
      overlay.host.dataset.renderMs = (performance.now() - started).toFixed(2);
      overlay.host.dataset.renders = String(Number(overlay.host.dataset.renders ?? 0) + 1);
    }
    if (card?.editor === editor) {
      const still = editor.shown.find(
        (f) => f.ruleId === card?.finding.ruleId && f.start === card.finding.start,
      );
      if (!still) hideCard();
      else {
        // the card follows its word when the page or the editor scrolls or the window is resized;
        // a word scrolled out of the editor's view takes a card the mouse opened with it (placed by
        // the word's rectangle there, the card flew off the window, and went only when the pointer
        // left it); one the keyboard holds stays where it was
        const rects = editor.layer.rectsOf(still).filter((r) => {
          const seen = intersect(r, clip);
          return seen.width > 0 && seen.height > 0;
        });
        const anchor = rects[rects.length - 1];
        if (anchor) placeCard(card.element, anchor);
        else if (!keyboardCard) hideCard();
      }
    }
  };

  const layoutAll = () => {
    if (layoutQueued) return;
    layoutQueued = true;
    requestAnimationFrame(() => {
      layoutQueued = false;
      for (const editor of editors.values()) layout(editor);
    });
  };

  /** After a page change elsewhere: redraw only the editors whose box moved (pages that animate by script stay cheap). */
  let movedQueued = false;
  const layoutMoved = () => {
    if (movedQueued) return;
    movedQueued = true;
    requestAnimationFrame(() => {
      movedQueued = false;
      for (const editor of editors.values()) layout(editor, true);
    });
  };

  // ---- editors --------------------------------------------------------------------------------
  const mirrorRoot = (doc: Document) => () => {
    let root = mirrors.get(doc);
    if (!root) {
      root = createMirrorRoot(doc);
      mirrors.set(doc, root);
    }
    return root;
  };

  /**
   * Documents with an input method's composition open (拼音 typed, the candidate not yet chosen):
   * its text is the user's choice in progress, screened once committed. Watched on the document,
   * so that an editor tracked mid-composition, or a composition ProseMirror runs in a child of its
   * root, is known too.
   */
  const composing = new WeakSet<Document>();
  const watched = new WeakSet<Document>();
  const editorsIn = (doc: Document) => [...editors.values()].filter((e) => e.element.ownerDocument === doc);
  const watchCompositions = (doc: Document) => {
    if (watched.has(doc)) return;
    watched.add(doc);
    doc.addEventListener(
      "compositionstart",
      () => {
        composing.add(doc);
        for (const editor of editorsIn(doc)) editor.composing = true;
        if (card !== undefined && card.editor.element.ownerDocument === doc) hideCard();
      },
      true,
    );
    doc.addEventListener("compositionend", () => endComposition(doc), true);
  };
  const endComposition = (doc: Document) => {
    composing.delete(doc);
    for (const editor of editorsIn(doc)) {
      editor.composing = false;
      editor.edited();
      editor.schedule();
    }
  };

  // from the start, before settings and lexicons are read: a composition opened before the editor
  // is tracked (the page's editor found late) must not have it screened and marked
  watchCompositions(top.document);

  /** What the user let be in the open draft, kept by the background for the session. */
  const remembered = new RememberedIgnores(
    address,
    {
      load: (address) => askBackground("ignoredIn", { address }),
      save: (address, choice) => askBackground("rememberIgnored", { address, choice }),
    },
    () => {
      for (const editor of editors.values()) editor.choicesArrived();
    },
  );

  const track = (element: EditorElement) => {
    if (!overlay || editors.has(element)) return;
    const editor = new TrackedEditor(
      nextId++,
      element,
      overlay.root,
      mirrorRoot(element.ownerDocument),
      screen,
      layout,
      remembered,
      address,
    );
    editors.set(element, editor);
    const focused = () => {
      editor.lastFocused = performance.now();
    };
    // typing counts as focus too: the page may have focused the editor before we tracked it
    editor.listen(element, "input", (event) => {
      focused();
      // typing that is no composition while one is thought open: its end was missed (the page
      // stopped the event, or removed the editor mid-way), and screening would stay paused
      if (editor.composing && event instanceof InputEvent && !event.isComposing)
        endComposition(element.ownerDocument);
      editor.edited();
    });
    editor.listen(element, "focus", () => {
      focused();
      editor.resync();
    });
    editor.composing = composing.has(element.ownerDocument);
    if (isActive(element)) focused();
    editor.listen(element, "scroll", layoutAll, { passive: true });
    // ProseMirror, Quill and pages change the DOM without input events (undo, formatting, setContent)
    if (editor.adapter.kind === "contenteditable") editor.observe(() => editor.edited());
    resizeObserver.observe(element);
    // found mid-composition: screened once it is committed (compositionend)
    if (!editor.composing) editor.screenNow();
  };

  const forget = (editor: TrackedEditor) => {
    // its card goes with it: one the keyboard holds no pointer move takes away any more
    if (card?.editor === editor) removeCard();
    editors.delete(editor.element);
    resizeObserver.unobserve(editor.element);
    editor.dispose();
  };

  const resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) editors.get(entry.target as HTMLElement)?.adapter.invalidate();
    layoutAll();
  });

  // ---- documents (the top one and same-origin frames) -----------------------------------------
  // The page may move an editor without scrolling or resizing anything (a banner inserted above it,
  // a toolbar opened): redraw on the next frame after any change to the page outside the editors
  // (their own changes are screened and drawn already) and outside our own hosts.
  const isOurs = (node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode) {
      if (n === overlay?.host || n.nodeName === "SHENGAO-MIRROR") return true;
      if (editors.has(n as HTMLElement)) return true;
    }
    return false;
  };
  const pageChanges = new MutationObserver((records) => {
    if (enabled && editors.size > 0 && records.some((r) => !isOurs(r.target))) layoutMoved();
  });

  const watchDocument = (doc: Document) => {
    if (watchedDocs.has(doc)) return;
    watchedDocs.add(doc);
    watchCompositions(doc);
    pageChanges.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    const view = doc.defaultView;
    view?.addEventListener("scroll", layoutAll, { capture: true, passive: true });
    view?.addEventListener("resize", layoutAll, { passive: true });
    doc.addEventListener("mousemove", (e) => onPointer(doc, e), { passive: true });
    doc.addEventListener("click", (e) => onPointer(doc, e, true), { passive: true });
    doc.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        const back = keyboardCard;
        hideCard();
        // the card opened from the keyboard gives the caret back where it was
        if (back) back.editor.adapter.select(back.at, back.at);
      }
      if (e.key === "Enter" && e.altKey) openCardAtCaret(e);
      if (e.key === "Tab") keepFocusInCard(e);
    });
    if (doc !== top.document && view) installPublishGate(view, profile, gateHooks);
  };

  // ---- card -----------------------------------------------------------------------------------
  const hitAt = (x: number, y: number) => {
    for (const editor of editors.values()) {
      const findings = editor.layer.hit(x, y);
      if (findings.length > 0) return { editor, findings };
    }
    return undefined;
  };

  const onPointer = (doc: Document, event: MouseEvent, clicked = false) => {
    if (!enabled || !overlay) return;
    const path = event.composedPath();
    if (card && path.includes(card.element)) {
      clearTimeout(hideTimer);
      return;
    }
    // nor is a click in the overlay one elsewhere: 下一个 replaces the card before its click reaches
    // the page, which then found the new card not in its path and closed it
    if (path.includes(overlay.host)) return;
    const offset = doc === top.document ? { x: 0, y: 0 } : frameOffset(doc);
    const hit = hitAt(event.clientX + offset.x, event.clientY + offset.y);
    clearTimeout(hoverTimer);
    if (!hit) {
      // a click elsewhere closes the card at once: given time, the pointer reaching a mark just
      // after it cancelled the closing, and a card the keyboard holds stayed
      if (card && clicked) hideCard();
      // a card the keyboard holds has the focus: the pointer passing by, or the move Chromium makes
      // up when the page scrolls under a resting pointer, does not take it away
      else if (card && !hideTimer && !keyboardCard) hideTimer = setTimeout(hideCard, HIDE_DELAY_MS);
      return;
    }
    clearTimeout(hideTimer);
    hideTimer = undefined;
    if (card !== undefined && hit.findings.includes(card.finding)) return;
    // nor does passing over another mark replace it (taking the focus and the caret's way back)
    if (keyboardCard && !clicked) return;
    if (clicked) showCard(hit.editor, hit.findings);
    else hoverTimer = setTimeout(() => showCard(hit.editor, hit.findings), HOVER_DELAY_MS);
  };

  /** The card of `here[at]`, the findings marked on the same words; 下一个 goes round them. */
  const showCard = (editor: TrackedEditor, here: readonly Finding[], at = 0) => {
    if (!overlay) return;
    const finding = here[at % here.length] as Finding;
    removeCard();
    const rects = editor.layer.rectsOf(finding);
    const anchor = rects[rects.length - 1] ?? editor.element.getBoundingClientRect();
    const sameProblem = editor.sameProblemCount(finding);
    const element = renderCard(overlay.root, finding, anchor, {
      apply: (f) => applyFix(editor, f),
      ignore: (f) => {
        hideCard();
        editor.ignore(f);
      },
      ...(sameProblem > 1
        ? {
            ignoreAll: {
              count: sameProblem,
              run: () => {
                hideCard();
                editor.ignoreEverywhere(finding);
              },
            },
          }
        : {}),
      close: hideCard,
      ...(here.length > 1
        ? {
            others: {
              count: here.length - 1,
              next: () => {
                const keyboard = keyboardCard;
                showCard(editor, here, at + 1);
                // the keyboard's place in the card is kept: on 下一个, as it was
                if (keyboard) {
                  keyboardCard = keyboard;
                  card?.element.querySelector<HTMLElement>("button.next")?.focus();
                }
              },
            },
          }
        : {}),
    });
    element.addEventListener("mouseleave", () => {
      if (!keyboardCard) hideTimer = setTimeout(hideCard, HIDE_DELAY_MS);
    });
    element.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    card = { element, editor, finding };
    editor.layer.setActive(finding);
  };

  /**
   * Alt+Enter in an editor opens the card of the finding at the caret and puts the focus on its
   * first button, for those who do not use a mouse; Escape closes it and gives the caret back.
   */
  const openCardAtCaret = (event: KeyboardEvent) => {
    const editor = [...editors.values()].find((e) => isActive(e.element));
    const at = editor?.adapter.caret();
    if (!editor || at === undefined) return;
    const here = editor.shown.filter((f) => f.start <= at && at <= f.end);
    if (here.length === 0) return;
    event.preventDefault();
    showCard(editor, here);
    holdKeyboard(editor, at);
  };

  /** The open card takes the keyboard: its first button has the focus; closing it puts the caret at `at`. */
  const holdKeyboard = (editor: TrackedEditor, at: number) => {
    if (!card) return;
    keyboardCard = { editor, at };
    // the fix first, else the card's first action (its close button is last to want)
    const buttons = [...card.element.querySelectorAll<HTMLElement>("button")];
    (
      buttons.find((b) => b.classList.contains("suggestion")) ??
      buttons.find((b) => !b.classList.contains("close"))
    )?.focus();
  };

  /**
   * Tab and Shift+Tab go round the card's buttons while it holds the focus from Alt+Enter: out of it,
   * the focus fell on the page (Quill's toolbar), where Escape could give nothing back.
   */
  const keepFocusInCard = (event: KeyboardEvent) => {
    if (!keyboardCard || !card || !overlay) return;
    const buttons = [...card.element.querySelectorAll<HTMLElement>("button")];
    const at = buttons.indexOf(overlay.root.activeElement as HTMLElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
  };

  /**
   * Closes the card. One the keyboard holds (Alt+Enter) gives the caret back where it was, whichever
   * button closed it (忽略, ×) or Escape: its button goes with it, and the focus would fall on the
   * page, where typing goes nowhere.
   */
  const hideCard = () => {
    const back = keyboardCard;
    const focusInCard = card?.element.contains(overlay?.root.activeElement ?? null) === true;
    removeCard();
    if (back && focusInCard) back.editor.adapter.select(back.at, back.at);
  };

  /** Takes the card away, and with it the keyboard's hold (showCard replaces one card by the next). */
  const removeCard = () => {
    keyboardCard = undefined;
    clearTimeout(hideTimer);
    hideTimer = undefined;
    if (!card) return;
    card.element.remove();
    card.editor.layer.setActive(undefined);
    card = undefined;
  };

  const applyFix = (editor: TrackedEditor, finding: Finding) => {
    hideCard();
    const fix = finding.fix;
    // replaced under an input method's open composition, its commit would write the word again
    if (fix === undefined || editor.composing) return;
    // the text may have changed since the card opened, and a fix may reach past its words (a closing
    // quote): the fix applied is the one a screen of the text as it is now gives, or none
    const now = editor
      .screenNow()
      .find((f) => f.ruleId === finding.ruleId && f.start === finding.start && f.end === finding.end)?.fix;
    if (now === undefined || now.replacement !== fix.replacement) return;
    editor.adapter.replace(now.start, now.end, now.replacement);
    editor.edited();
    editor.schedule(0);
  };

  // ---- publish gate ---------------------------------------------------------------------------
  /**
   * An editor whose text is part of what is published: one shown on the page, or one the user
   * wrote in (a multi-step publish flow hides the body editor while its last step shows; its
   * errors still hold the click). A hidden field the user never touched is left out.
   */
  const inPlay = (editor: TrackedEditor) =>
    editor.element.isConnected && (editor.lastFocused > 0 || isShown(editor.element));

  const profile = () => profileForHost(top.location.hostname);
  const pageErrors = () => {
    if (!enabled) return [];
    return [...editors.values()].flatMap((editor) =>
      inPlay(editor) ? editor.screenNow().filter((f) => f.severity === "error") : [],
    );
  };
  const editorOfError = (finding: Finding) => [...editors.values()].find((e) => e.shown.includes(finding));
  const gateHooks = {
    errors: pageErrors,
    // a rich editor's Ctrl+Enter is its own (TipTap: a line break): only plain text fields send with it
    sendsByShortcut: (node: EventTarget) =>
      [...editors.values()].some(
        (e) => e.adapter.kind !== "contenteditable" && inPlay(e) && e.element.contains(node as Node),
      ),
    accepted: new AcceptedErrors(address),
    ask: (errors: Finding[], choose: (choice: "back" | "publish", byKeyboard: boolean) => void) => {
      if (!overlay) return choose("publish", false);
      hideCard();
      showPublishDialog(overlay.root, errors, choose);
    },
    onBack: (errors: Finding[], byKeyboard: boolean) => {
      const first = errors[0];
      const editor = first && editorOfError(first);
      if (first && editor) reveal(editor, first, byKeyboard);
    },
  };

  /** Shows the finding in its editor, selected, with its card; `byKeyboard`: the card holds the keyboard. */
  const reveal = (editor: TrackedEditor, finding: Finding, byKeyboard = false) => {
    editor.element.scrollIntoView({ block: "nearest" });
    editor.adapter.select(finding.start, finding.end);
    // selecting does not scroll (the adapters focus with preventScroll): bring the text into the
    // editor's view, then draw there and open the card on it
    scrollEditorTo(editor, finding);
    requestAnimationFrame(() => {
      layout(editor);
      const rects = editor.adapter.rects(finding.start, finding.end);
      if (rects[0]) {
        const offset = frameOffset(editor.element.ownerDocument);
        const rect = shift(rects[0], offset);
        if (rect.top < 0 || rect.bottom > top.innerHeight)
          top.scrollBy({ top: rect.top - top.innerHeight / 3 });
      }
      requestAnimationFrame(() => {
        layout(editor);
        showCard(editor, [finding]);
        if (byKeyboard) holdKeyboard(editor, finding.end);
      });
    });
  };

  /** Scrolls the editor (and what holds it) so that the finding's text is in its visible box. */
  const scrollEditorTo = (editor: TrackedEditor, finding: Finding) => {
    const rect = editor.adapter.rects(finding.start, finding.end)[0];
    const box = editor.adapter.visibleBox();
    if (rect === undefined || (rect.top >= box.top && rect.bottom <= box.bottom)) return;
    if (editor.adapter.kind === "contenteditable") {
      // the selection was just put on the text: its element knows every scroller around it
      const node = editor.element.ownerDocument.getSelection()?.focusNode;
      const at = node instanceof Element ? node : node?.parentElement;
      at?.scrollIntoView({ block: "center", inline: "nearest" });
    } else {
      editor.element.scrollTop += rect.top - box.top - box.height / 3;
    }
  };

  // ---- messages from the popup ----------------------------------------------------------------
  const listFindings = (): PageFindings => {
    const list = [...editors.values()].filter(inPlay);
    const focused = list.reduce<TrackedEditor | undefined>(
      (best, e) => (e.lastFocused > (best?.lastFocused ?? 0) ? e : best),
      undefined,
    );
    const labels = numbered(list.map((e) => editorLabel(e.element)));
    return {
      enabled,
      starting,
      editors: list
        .map((e, i) => ({
          editor: e.id,
          label: labels[i] as string,
          focused: e === focused,
          findings: e.screenNow(),
        }))
        .sort((a, b) => Number(b.focused) - Number(a.focused)),
    };
  };

  browser.runtime.onMessage.addListener((message: PageMessage, _sender, sendResponse) => {
    if (message.type === "listFindings") {
      sendResponse(listFindings());
    } else if (message.type === "revealFinding") {
      const editor = [...editors.values()].find((e) => e.id === message.editor);
      const finding = editor?.shown.find((f) => f.start === message.start && f.end === message.end);
      if (editor && finding) reveal(editor, finding);
      sendResponse({ ok: Boolean(editor && finding) });
    }
    return false;
  });

  // ---- lifecycle ------------------------------------------------------------------------------
  const applyPayload = (payload: CompiledPayload) => {
    if (payload.version === screener?.version) return;
    screener = payloadScreener(payload, screener);
    for (const editor of editors.values()) editor.rescreen();
  };

  const refresh = async (settings: Settings) => {
    const wanted = !settings.disabledSites.includes(siteKey(top.location.hostname));
    if (!wanted) return stop();
    // asked beside the lexicons: the draft the page restores gets back what the user let be in it
    remembered.sync();
    applyPayload(await askBackground("getCompiled", {}));
    if (enabled) return;
    enabled = true;
    overlay ??= createOverlay(top.document);
    watchDocument(top.document);
    stopWatching = watchEditors(top.document, {
      onEditor: track,
      onDocument: watchDocument,
      isOwn: (node) => node === overlay?.host || node.nodeName === "SHENGAO-MIRROR",
    });
    resyncTimer = setInterval(() => {
      if (top.document.visibilityState === "visible") for (const editor of editors.values()) editor.resync();
    }, RESYNC_MS);
  };

  const stop = () => {
    enabled = false;
    clearInterval(resyncTimer);
    stopWatching?.();
    hideCard();
    for (const editor of [...editors.values()]) forget(editor);
  };

  installPublishGate(top, profile, gateHooks);
  const start = async () => {
    try {
      await loadLanguage();
      await refresh(await loadSettings());
    } finally {
      starting = false;
    }
    onSettingsChanged((settings) => void refresh(settings));
  };
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => void start(), { once: true });
  else void start();
}

/** Whether the element has the focus in its document or shadow root. */
function isActive(element: HTMLElement): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.activeElement === element;
}

/** Labels that repeat (two unnamed 编辑区) get a number each, in the order the editors were found. */
function numbered(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const times = labels.filter((l) => l === label).length;
    if (times === 1) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} ${n}`;
  });
}

export { SCREEN_DELAY_MS };
