import { compileLexicons } from "../compile.js";
import type { Finding } from "../findings/finding.js";
import { LIST_COMMA } from "../normalize/charTable.js";
import { ruleIdOf } from "../rules/rule.js";
import { createScreener, type Screener } from "../screener.js";
import type { ParsedLexicon } from "./parse.js";
import type { Entry, Pack } from "./schema.js";

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
  /** for a `flag` sentence that was not flagged: why, as far as the entry itself tells */
  why?: MissReason;
}

/**
 * Why an entry did not flag a sentence: one of its exceptions covers the hit, the hit is no whole
 * word (`boundary`), or nothing of the entry is in the sentence as matching sees it (its terms, its
 * pattern, its enumeration's name and items…).
 */
export type MissReason =
  | { reason: "exception"; exceptions: string[] }
  | { reason: "boundary"; text: string }
  | { reason: "absent" }
  /**
   * terms written with 、 that match only so joined, where the sentence holds their words apart;
   * `words`: the first such term's words, as they would be listed
   */
  | { reason: "joined"; terms: string[]; words: string[] }
  | { reason: "conditions"; kind: "enumeration" | "juxtaposition" | "near" };

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
            ...(ok || expect === "pass" ? {} : { why: whyMissed(screener, p, pack, entry, sentence) }),
          });
        });
      }
    });
  }
  return results;
}

/**
 * Screens the sentence with the entry alone, loosened one way at a time, and says which loosening
 * flags it: without its exceptions (then which one), without word boundaries. The entry's own
 * compiler and matcher answer, so the reason is the one screening has, not a guess made beside it.
 */
function whyMissed(
  screener: Screener,
  p: ParsedLexicon,
  pack: Pack,
  entry: Entry,
  sentence: string,
): MissReason {
  const flags = (variant: Entry) => {
    const alone: ParsedLexicon = { ...p, pack: { ...pack, overrides: [], entries: [variant] }, problems: [] };
    return createScreener(compileLexicons([alone]), { segmenter: screener.segmenter }).screen(sentence);
  };
  const exceptions = entry.exceptions ?? [];
  if (exceptions.length > 0 && flags({ ...entry, exceptions: [] }).length > 0) {
    // each exception without which the sentence is flagged covers a hit (科普馆 and 科普周 both, in
    // 科普馆里办科普周); when none does alone, they cover the same hits together
    const covering = exceptions.filter(
      (e) => flags({ ...entry, exceptions: exceptions.filter((other) => other !== e) }).length > 0,
    );
    return { reason: "exception", exceptions: covering.length > 0 ? covering : exceptions };
  }
  if (entry.boundary ?? pack.defaults.boundary) {
    const found = flags({ ...entry, exceptions: [], boundary: false });
    if (found.length > 0) return { reason: "boundary", text: sentence.slice(found[0]?.start, found[0]?.end) };
  }
  // these flag only a relation of their words (a list with an item missing, two words side by
  // side, words near each other): the words may all be there and the relation not hold
  if (entry.kind === "enumeration" || entry.kind === "juxtaposition" || entry.kind === "near")
    return { reason: "conditions", kind: entry.kind };
  // [老百姓、群众、公众] is one term, found only as the text writes the three with 、 between them
  if (entry.kind === "term" || entry.kind === "replace") {
    const joined = entry.terms.filter((t) => t.includes(LIST_COMMA));
    const wordsOf = (term: string) => term.split(LIST_COMMA).filter((word) => word.trim() !== "");
    const apart = entry.terms.flatMap(wordsOf);
    if (joined.length > 0 && flags({ ...entry, terms: apart }).length > 0)
      return { reason: "joined", terms: joined, words: wordsOf(joined[0] as string) };
  }
  return { reason: "absent" };
}
