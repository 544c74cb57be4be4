import { basisText, type Finding, type Severity } from "@shengao/core";
import { t } from "../i18n";
import { el } from "../overlay/dom";

const ORDER: Severity[] = ["error", "warning", "info"];

/** "必须修改 2 · 建议修改 1 · 提示 0": counts by severity, for the popup's page and paste results. */
export function severityCounts(doc: Document, findings: readonly Finding[]): HTMLElement {
  return el(
    doc,
    "div",
    { className: "counts" },
    ORDER.map((s) =>
      el(doc, "span", {
        className: "count",
        text: `${t(`severity_${s}`)} ${findings.filter((f) => f.severity === s).length}`,
        attrs: { "data-severity": s },
      }),
    ),
  );
}

/** One line per finding; `onPick` makes the lines clickable (scroll to it in the page). */
export function findingList(
  doc: Document,
  findings: readonly Finding[],
  onPick?: (f: Finding) => void,
): HTMLElement {
  if (findings.length === 0) return el(doc, "p", { className: "empty", text: t("popup_no_findings") });
  return el(
    doc,
    "ol",
    { className: "findings" },
    findings.map((f) => {
      // an arrow only for a fix: a suggestion may stand for more or less than what matched
      const hints = f.suggestions.filter((s) => s !== f.fix?.replacement);
      const item = el(
        doc,
        "li",
        { className: "finding", attrs: { "data-severity": f.severity, "data-rule": f.ruleId } },
        [
          el(doc, "span", {
            className: "badge",
            text: t(`severity_${f.severity}`),
            attrs: { "data-severity": f.severity },
          }),
          el(doc, "span", { className: "text", text: f.text }),
          f.fix ? el(doc, "span", { className: "suggestion", text: `→ ${f.fix.replacement}` }) : undefined,
          hints.length > 0
            ? el(doc, "div", { className: "hints", text: `${t("card_hints")}${hints.join("、")}` })
            : undefined,
          el(doc, "div", { className: "message", text: f.message }),
          el(doc, "div", {
            className: "meta",
            text: [f.category, f.basis ? basisText(f.basis) : ""].filter(Boolean).join(" · "),
          }),
        ],
      );
      if (onPick) {
        item.tabIndex = 0;
        item.addEventListener("click", () => onPick(f));
        item.addEventListener("keydown", (e) => {
          if (e.key === "Enter") onPick(f);
        });
      }
      return item;
    }),
  );
}
