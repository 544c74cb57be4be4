import type { PackInfo } from "@shengao/core";
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
}

export function archiveReport(
  summary: ArchiveSummary,
  packs: readonly PackInfo[],
  version: string,
  now: Date,
  skippedLexicons: SkippedLexicon[],
): ArchiveReport {
  return {
    generator: { name: "shengao", version },
    generatedAt: now.toISOString(),
    lexicons: packs.map(({ id, name, version, entries }) => ({ id, name, version, entries })),
    skippedLexicons,
    ...summary,
  };
}
