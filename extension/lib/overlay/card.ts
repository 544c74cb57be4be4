import { basisText, type Finding } from "@shengao/core";
import { t } from "../i18n";
import { el } from "./dom";

export interface CardActions {
  /** replaces the finding's fix span with its fix */
  apply(finding: Finding): void;
  ignore(finding: Finding): void;
  /** the same problem (rule and words) elsewhere in the draft: how many in all, and ignoring them all */
  ignoreAll?: { count: number; run(): void };
  close(): void;
  /** other findings on the same words (a custom term over a default one): how many, and the next */
  others?: { count: number; next(): void };
}

/** The hover/click card of one finding: message, category, severity, basis, suggestions, ignore. */
export function renderCard(
  root: ShadowRoot,
  finding: Finding,
  anchor: DOMRect,
  actions: CardActions,
): HTMLElement {
  const doc = root.ownerDocument;
  // only the fix replaces text in one click: a suggestion is a wording to write instead, often of
  // more or less than what matched (香港与大陆 → 内地), and replacing the match with it would
  // corrupt the draft
  const fix = finding.fix?.replacement;
  const hints = finding.suggestions.filter((s) => s !== fix);
  const close = el(doc, "button", {
    className: "close",
    text: "×",
    attrs: { title: t("card_close"), "aria-label": t("card_close") },
  });
  close.addEventListener("click", () => actions.close());
  const ignore = el(doc, "button", {
    className: "ignore",
    text: t("card_ignore"),
    attrs: { title: t("card_ignore_title") },
  });
  ignore.addEventListener("click", () => actions.ignore(finding));
  const ignoreAll = actions.ignoreAll && ignoreAllButton(doc, actions.ignoreAll);
  const card = el(doc, "div", { className: "card", attrs: { role: "dialog", "data-rule": finding.ruleId } }, [
    el(doc, "div", { className: "head" }, [
      el(doc, "span", {
        className: "badge",
        text: t(`severity_${finding.severity}`),
        attrs: { "data-severity": finding.severity },
      }),
      el(doc, "span", { className: "category", text: finding.category }),
      close,
    ]),
    el(doc, "p", { className: "message", text: finding.message }),
    finding.basis
      ? el(doc, "p", { className: "basis", text: `${t("card_basis")}${basisText(finding.basis)}` })
      : undefined,
    hints.length > 0
      ? el(doc, "p", { className: "hints", text: `${t("card_hints")}${hints.join("、")}` })
      : undefined,
    el(doc, "div", { className: "actions" }, [
      ...(fix !== undefined
        ? [el(doc, "span", { text: t("card_suggestions") }), fixButton(doc, finding, fix, actions)]
        : []),
      ignore,
      ignoreAll,
    ]),
    actions.others ? othersRow(doc, actions.others) : undefined,
  ]);
  // keep the editor's focus and selection while the card is clicked
  card.addEventListener("mousedown", (e) => e.preventDefault());
  root.append(card);
  placeCard(card, anchor);
  return card;
}

/** 这里还有 1 个问题 [下一个]: without it, a finding under another on the same words was never seen. */
function othersRow(doc: Document, others: { count: number; next(): void }): HTMLElement {
  const next = el(doc, "button", { className: "next", text: t("card_next") });
  next.addEventListener("click", () => others.next());
  return el(doc, "div", { className: "others" }, [
    el(doc, "span", { text: t("card_others", others.count) }),
    next,
  ]);
}

/** 全部忽略（3 处）: a word flagged throughout a draft (a name the lexicon mistakes) is let be at once. */
function ignoreAllButton(doc: Document, all: { count: number; run(): void }): HTMLElement {
  const button = el(doc, "button", {
    className: "ignore-all",
    text: t("card_ignore_all", all.count),
    attrs: { title: t("card_ignore_all_title", all.count) },
  });
  button.addEventListener("click", () => all.run());
  return button;
}

function fixButton(doc: Document, finding: Finding, fix: string, actions: CardActions): HTMLElement {
  const button = el(doc, "button", { className: "suggestion", text: fix });
  button.addEventListener("click", () => actions.apply(finding));
  return button;
}

/**
 * Below the word, else above it; in a window too small for either (a narrow side panel), on the
 * side with more room, cut to it and scrolling: the card never covers the word it is about.
 */
export function placeCard(card: HTMLElement, anchor: DOMRect): void {
  const view = card.ownerDocument.defaultView;
  const width = 320;
  const height = card.offsetHeight || 140;
  const viewHeight = view?.innerHeight ?? 768;
  const left = Math.max(8, Math.min(anchor.left, (view?.innerWidth ?? 1024) - width - 8));
  const below = viewHeight - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  let top: number;
  let maxHeight: number | undefined;
  if (height <= below || (height > above && below >= above)) {
    top = anchor.bottom + GAP;
    if (height > below) maxHeight = Math.max(MIN_HEIGHT, below);
  } else {
    if (height > above) maxHeight = Math.max(MIN_HEIGHT, above);
    top = anchor.top - GAP - Math.min(height, maxHeight ?? height);
  }
  card.style.left = `${left}px`;
  card.style.top = `${top}px`;
  card.style.maxHeight = maxHeight === undefined ? "" : `${maxHeight}px`;
  card.style.overflowY = maxHeight === undefined ? "" : "auto";
}

/** Between the word and the card, and the least the card keeps from the window's edge. */
const GAP = 6;
const MARGIN = 8;
/** A card cut shorter than this would show no action: it scrolls past the window's edge instead. */
const MIN_HEIGHT = 72;
