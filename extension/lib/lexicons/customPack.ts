import type { PackInput } from "@shengao/core";
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

/**
 * Parses the options page's textarea: one term a line, `错误写法 => 正确写法` for a replacement. A
 * term written twice is kept once, as its last line says (two entries would mark it twice), in the
 * place of its first line.
 */
export function parseCustomTerms(text: string, severity: CustomTerm["severity"]): CustomTerm[] {
  const terms = new Map<string, CustomTerm>();
  for (const line of text.split("\n")) {
    const [term, replacement] = line.split(/=>|→/).map((s) => s.trim());
    if (!term) continue;
    terms.set(term, replacement ? { term, replacement, severity } : { term, severity });
  }
  return [...terms.values()];
}

export function formatCustomTerms(terms: readonly CustomTerm[]): string {
  return terms.map((t) => (t.replacement ? `${t.term} => ${t.replacement}` : t.term)).join("\n");
}
