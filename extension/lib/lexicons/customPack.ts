import type { PackInput } from "@shengao/core";
import { en, zhCN } from "../i18n/messages";
import type { CustomTerm } from "../settings";

export const CUSTOM_PACK_ID = "custom";
export const CUSTOM_PACK_FILE = "自定义词条";

/**
 * The user's custom terms as one generated pack (JSON text, parsed by the same `parseLexicon` as any
 * lexicon file, so a bad term is reported the same way). A term with a replacement becomes a
 * `replace` entry (one-click fix), one without a `term` entry.
 */
export function customPackSource(terms: readonly CustomTerm[]): string | undefined {
  if (terms.length === 0) return undefined;
  const pack: PackInput = {
    id: CUSTOM_PACK_ID,
    name: "自定义词条",
    version: "1.0.0",
    defaults: { category: "自定义", severity: "warning" },
    entries: terms.map((t, i) =>
      t.replacement
        ? {
            id: `term-${i + 1}`,
            kind: "replace" as const,
            terms: [t.term],
            replacement: t.replacement,
            severity: t.severity,
            // the card and the popup show the fix beside the message: said once, there
            message: `自定义词条：“${t.term}”`,
          }
        : {
            id: `term-${i + 1}`,
            kind: "term" as const,
            terms: [t.term],
            severity: t.severity,
            message: `自定义词条：“${t.term}”`,
          },
    ),
  };
  return JSON.stringify(pack, null, 2);
}

/** The arrows an editor types for "replace with": => and →, and what a Chinese input method gives for them. */
const ARROW = /\s*(?:=>|→|⇒|->|＝＞|=》|＝》|=＞|－＞|-》)\s*/;

/** A line's own level, written at its end: [必须修改], 【建议修改】, [error] … */
const LEVEL_MARK = /\s*[[【]\s*([^\]】]+?)\s*[\]】]\s*$/;
/** The words for a level: the card's in either language (必须修改, Must fix), the schema's, the CLI's (错误). */
const LEVELS = new Map<string, CustomTerm["severity"]>(
  (["error", "warning", "info"] as const).flatMap((level) =>
    [
      zhCN[`severity_${level}`],
      en[`severity_${level}`],
      level,
      { error: "错误", warning: "警告", info: "提示" }[level],
    ].map((word) => [word.toLowerCase(), level] as const),
  ),
);

/**
 * Parses the options page's textarea: one term a line, `错误写法 => 正确写法` for a replacement, and
 * a level of its own at the line's end ([必须修改]) where it differs from `severity`, the level of
 * the others. A term written twice is kept once, as its last line says (two entries would mark it
 * twice), in the place of its first line.
 */
export function parseCustomTerms(text: string, severity: CustomTerm["severity"]): CustomTerm[] {
  const terms = new Map<string, CustomTerm>();
  for (const written of text.split("\n")) {
    const mark = LEVEL_MARK.exec(written);
    const level = mark ? LEVELS.get((mark[1] as string).toLowerCase()) : undefined;
    const line = level === undefined ? written : written.slice(0, mark?.index);
    const [term, replacement] = line.split(ARROW).map((s) => s.trim());
    if (!term) continue;
    const own = level ?? severity;
    terms.set(term, replacement ? { term, replacement, severity: own } : { term, severity: own });
  }
  return [...terms.values()];
}

/**
 * The terms as the textarea shows them: a term of another level than `severity` (the level the page
 * shows for the others) with its own at the line's end, in the words `label` gives.
 */
export function formatCustomTerms(
  terms: readonly CustomTerm[],
  severity: CustomTerm["severity"],
  label: (severity: CustomTerm["severity"]) => string,
): string {
  return terms
    .map((t) => {
      const line = t.replacement ? `${t.term} => ${t.replacement}` : t.term;
      return t.severity === severity ? line : `${line} [${label(t.severity)}]`;
    })
    .join("\n");
}

/** The level most of the terms have: the one the page shows for them all. */
export function usualSeverity(terms: readonly CustomTerm[]): CustomTerm["severity"] {
  const counts = new Map<CustomTerm["severity"], number>();
  for (const t of terms) counts.set(t.severity, (counts.get(t.severity) ?? 0) + 1);
  let usual: CustomTerm["severity"] = "warning";
  for (const [severity, n] of counts) if (n > (counts.get(usual) ?? 0)) usual = severity;
  return usual;
}
