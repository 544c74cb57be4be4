import type { PackInfo } from "@shengao/core";
import type { EntryAdjustment, LexiconNote, LexiconRun } from "../cli/lexicons.js";
import type { ArchiveSummary } from "./summary.js";
import type { SkippedLexicon } from "./types.js";

/** What `shengao report` writes: report.json is exactly this, report.html shows it. */
export interface ArchiveReport extends ArchiveSummary {
  generator: { name: "shengao"; version: string };
  /** ISO 8601, when the report was made. */
  generatedAt: string;
  /** The packs that screened. */
  lexicons: Pick<PackInfo, "id" | "name" | "version" | "entries">[];
  /**
   * Lexicon files left out because they have errors: their entries screened nothing, so the
   * report may miss what they would have found, and must say so where its reader looks.
   */
  skippedLexicons: SkippedLexicon[];
  /**
   * Entries of a pack that another pack (a unit's own) switched off or gave another severity: the
   * next period's comparison must know why a category's count fell.
   */
  adjustments: EntryAdjustment[];
  /** The lexicon warnings of the run (an override naming no entry does nothing, say). */
  lexiconWarnings: LexiconNote[];
}

export function archiveReport(
  summary: ArchiveSummary,
  packs: readonly PackInfo[],
  version: string,
  now: Date,
  skippedLexicons: SkippedLexicon[],
  lexiconRun: LexiconRun,
): ArchiveReport {
  return {
    generator: { name: "shengao", version },
    generatedAt: now.toISOString(),
    lexicons: packs.map(({ id, name, version, entries }) => ({ id, name, version, entries })),
    skippedLexicons,
    adjustments: lexiconRun.adjustments,
    lexiconWarnings: lexiconRun.warnings,
    ...summary,
  };
}
