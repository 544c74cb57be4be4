import type { PackInfo } from "@shengao/core";
import type { ArchiveSummary } from "./summary.js";

/** What `shengao report` writes: report.json is exactly this, report.html shows it. */
export interface ArchiveReport extends ArchiveSummary {
  generator: { name: "shengao"; version: string };
  /** ISO 8601, when the report was made. */
  generatedAt: string;
  /** The packs that screened (broken packs are left out and said so on stderr). */
  lexicons: Pick<PackInfo, "id" | "name" | "version" | "entries">[];
}

export function archiveReport(
  summary: ArchiveSummary,
  packs: readonly PackInfo[],
  version: string,
  now: Date,
): ArchiveReport {
  return {
    generator: { name: "shengao", version },
    generatedAt: now.toISOString(),
    lexicons: packs.map(({ id, name, version, entries }) => ({ id, name, version, entries })),
    ...summary,
  };
}
