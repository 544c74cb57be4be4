import type { Finding } from "../findings/finding.js";
import { ruleIdOf } from "../rules/rule.js";
import type { Screener } from "../screener.js";
import type { ParsedLexicon } from "./parse.js";

/** The outcome of one `examples` sentence of an entry. */
export interface ExampleResult {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  sentence: string;
  expect: "flag" | "pass";
  ok: boolean;
  /** this rule's findings in the sentence */
  findings: Finding[];
}

/**
 * Runs every entry's examples through the screener: a `flag` sentence must give a finding of that
 * entry, a `pass` sentence none. Entries disabled by an override are skipped.
 */
export function runExamples(screener: Screener, parsed: readonly ParsedLexicon[]): ExampleResult[] {
  const disabled = new Set(screener.rules.filter((r) => r.disabled).map((r) => r.ruleId));
  const results: ExampleResult[] = [];
  for (const p of parsed) {
    const pack = p.pack;
    if (!pack) continue;
    pack.entries.forEach((entry, i) => {
      const ruleId = ruleIdOf(pack.id, entry.id);
      if (disabled.has(ruleId)) return;
      for (const expect of ["flag", "pass"] as const) {
        (entry.examples?.[expect] ?? []).forEach((sentence, j) => {
          const findings = screener.screen(sentence).filter((f) => f.ruleId === ruleId);
          const ok = expect === "flag" ? findings.length > 0 : findings.length === 0;
          results.push({
            ruleId,
            file: p.file,
            ...p.locate(["entries", i, "examples", expect, j]),
            sentence,
            expect,
            ok,
            findings,
          });
        });
      }
    });
  }
  return results;
}
