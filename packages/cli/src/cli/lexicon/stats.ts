import {
  type Pack,
  type ParsedLexicon,
  RULE_KINDS,
  type RuleKind,
  SEVERITIES,
  type Severity,
  wordsLookedFor,
} from "@shengao/core";
import { shownPath } from "../../input/resolve.js";
import { SEVERITY_LABEL } from "../../report/types.js";
import { padEnd, stringWidth } from "../../report/width.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { compileLexicons, loadLexicons, sayUnreadSubfolders } from "../lexicons.js";
import { lexiconFiles } from "./files.js";

export interface PackStats {
  id: string;
  name: string;
  file: string;
  entries: number;
  /** the words the entries look for (a big word list is one entry of many), a pattern counted once */
  words: number;
  /** the exception phrases written */
  exceptions: number;
  byKind: Record<RuleKind, number>;
  bySeverity: Record<Severity, number>;
}

/** Entries counted as written in the files (an entry without severity takes its pack's default). */
export function packStats(pack: Pack, file: string): PackStats {
  const byKind = Object.fromEntries(RULE_KINDS.map((kind) => [kind, 0])) as Record<RuleKind, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let words = 0;
  let exceptions = 0;
  for (const entry of pack.entries) {
    byKind[entry.kind] += 1;
    bySeverity[entry.severity ?? pack.defaults.severity] += 1;
    // a pattern's words are not known before it runs: it counts as one
    words += entry.kind === "pattern" ? 1 : wordsLookedFor(pack, entry);
    exceptions += entry.exceptions?.length ?? 0;
  }
  return {
    id: pack.id,
    name: pack.name,
    file,
    entries: pack.entries.length,
    words,
    exceptions,
    byKind,
    bySeverity,
  };
}

export async function stats(
  files: readonly string[],
  format: "table" | "json",
  io: CliIo,
): Promise<ExitCode> {
  const lexicons = await loadLexicons(lexiconFiles(files, io.cwd));
  sayUnreadSubfolders(lexicons, io);
  const unreadable = lexicons.parsed.filter((lexicon) => lexicon.pack === undefined);
  for (const { file } of unreadable) {
    io.stderr.write(
      `✖ 无法统计：${shownPath(file, io.cwd)}（词库读不出来，运行 shengao lexicon validate 查看原因）\n`,
    );
  }
  const packs = lexicons.parsed.flatMap(({ pack, file }) =>
    pack === undefined ? [] : [packStats(pack, shownPath(file, io.cwd))],
  );
  const total = totals(packs);
  const effective = overridden(lexicons.usable);
  if (format === "json")
    io.stdout.write(`${JSON.stringify({ packs, total, ...(effective ? { effective } : {}) }, null, 2)}\n`);
  else io.stdout.write(statsTable(packs, total) + (effective ? effectiveTable(effective) : ""));
  return unreadable.length > 0 ? EXIT.problems : EXIT.ok;
}

/** A pack's entries as they screen once every pack's overrides apply. */
export interface EffectiveStats {
  id: string;
  bySeverity: Record<Severity, number>;
  /** entries an override switched off */
  disabled: number;
}

/**
 * When some pack overrides another's entries (a society's pack re-levelling or switching off a
 * default one), the entries as they will screen: counted from the compiled rules, which are what
 * screening uses, so the figures cannot drift from it. Undefined when nothing is overridden.
 */
function overridden(usable: ParsedLexicon[]): EffectiveStats[] | undefined {
  if (!usable.some(({ pack }) => (pack?.overrides.length ?? 0) > 0)) return undefined;
  const { screener } = compileLexicons(usable, false);
  if (screener === undefined) return undefined;
  const zero = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byPack = new Map(screener.packs.map(({ id }) => [id, { id, bySeverity: zero(), disabled: 0 }]));
  for (const rule of screener.rules) {
    const pack = byPack.get(rule.lexiconId);
    if (pack === undefined) continue;
    if (rule.disabled) pack.disabled += 1;
    else pack.bySeverity[rule.severity] += 1;
  }
  return [...byPack.values()];
}

function effectiveTable(packs: readonly EffectiveStats[]): string {
  const rows = packs.map((p) => [
    p.id,
    ...SEVERITIES.map((s) => String(p.bySeverity[s])),
    String(p.disabled),
    String(SEVERITIES.reduce((n, s) => n + p.bySeverity[s], 0)),
  ]);
  return `\n按级别统计覆盖（overrides）之后实际生效的条目\n${table([
    ["词库", ...SEVERITIES.map((s) => SEVERITY_LABEL[s]), "停用", "生效合计"],
    ...rows,
  ])}`;
}

function totals(packs: readonly PackStats[]): Omit<PackStats, "id" | "name" | "file"> {
  const sum = <K extends string>(keys: readonly K[], pick: (p: PackStats) => Record<K, number>) =>
    Object.fromEntries(keys.map((key) => [key, packs.reduce((n, p) => n + pick(p)[key], 0)])) as Record<
      K,
      number
    >;
  return {
    entries: packs.reduce((n, p) => n + p.entries, 0),
    words: packs.reduce((n, p) => n + p.words, 0),
    exceptions: packs.reduce((n, p) => n + p.exceptions, 0),
    byKind: sum(RULE_KINDS, (p) => p.byKind),
    bySeverity: sum(SEVERITIES, (p) => p.bySeverity),
  };
}

function statsTable(packs: readonly PackStats[], total: ReturnType<typeof totals>): string {
  const rows = [...packs, { id: "合计", ...total }];
  const kinds = RULE_KINDS.filter((kind) => total.byKind[kind] > 0);
  const byKind = table([
    ["词库", ...kinds, "合计"],
    ...rows.map((row) => [row.id, ...kinds.map((kind) => String(row.byKind[kind])), String(row.entries)]),
  ]);
  const bySeverity = table([
    ["词库", ...SEVERITIES.map((s) => SEVERITY_LABEL[s]), "合计"],
    ...rows.map((row) => [row.id, ...SEVERITIES.map((s) => String(row.bySeverity[s])), String(row.entries)]),
  ]);
  const words = table([
    ["词库", "条目", "要找的词语", "例外"],
    ...rows.map((row) => [row.id, String(row.entries), String(row.words), String(row.exceptions)]),
  ]);
  return `按类型统计条目\n${byKind}\n按级别统计条目\n${bySeverity}\n词语（一个条目可以有很多词；正则表达式算一个）\n${words}`;
}

/** Plain text, columns aligned by terminal width (CJK headers are two columns per character). */
function table(cells: readonly (readonly string[])[]): string {
  const widths = (cells[0] ?? []).map((_, column) =>
    Math.max(...cells.map((row) => stringWidth(row[column] ?? ""))),
  );
  return cells
    .map(
      (row) =>
        `${row
          .map((cell, column) => padEnd(cell, widths[column] ?? 0))
          .join("  ")
          .trimEnd()}\n`,
    )
    .join("");
}
