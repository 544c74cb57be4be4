import type { ParsedLexicon } from "./lexicon/parse.js";
import { LexiconError } from "./lexicon/problem.js";
import type { Entry, Pack, RuleKind, Severity } from "./lexicon/schema.js";
import { validatePacks } from "./lexicon/validate.js";
import { type Automaton, buildAutomaton } from "./match/automaton.js";
import { charTable } from "./normalize/charTable.js";
import { normalizeTerm } from "./normalize/normalizeText.js";
import { profileFromKey, profileKey, resolveProfile } from "./normalize/profile.js";
import { Role, type Rule } from "./rules/rule.js";
import type { Compiled, ProfileData } from "./serialize.js";

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  file: string;
  entries: number;
}

export interface RuleInfo {
  ruleId: string;
  lexiconId: string;
  entryId: string;
  kind: RuleKind;
  category: string;
  severity: Severity;
  disabled: boolean;
}

/** Every lexicon string a rule needs, with what a hit on it means. */
interface Need {
  rule: number;
  role: Role;
  arg: number;
  text: string;
}

/**
 * Resolves packs (defaults, overrides), normalises every lexicon string per profile and builds one
 * automaton per profile. Throws LexiconError when a pack has errors: callers that must screen with
 * the good packs drop the broken ones first (see `usablePacks`).
 */
export function compileLexicons(parsed: readonly ParsedLexicon[]): Compiled<Automaton> {
  const problems = [...parsed.flatMap((p) => p.problems), ...validatePacks(parsed)].filter(
    (p) => p.severity === "error",
  );
  if (problems.length > 0) throw new LexiconError(problems);
  const packs = parsed.map((p) => p.pack as Pack);
  const overrides = new Map<string, { disabled?: boolean; severity?: Severity }>();
  for (const pack of packs) {
    for (const o of pack.overrides) overrides.set(o.entry, { ...overrides.get(o.entry), ...o });
  }
  const rules: Rule[] = [];
  const ruleInfo: RuleInfo[] = [];
  const needs: Need[] = [];
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const ruleId = `${pack.id}/${entry.id}`;
      const override = overrides.get(ruleId);
      const rule = resolveRule(pack, entry, rules.length, override?.severity);
      ruleInfo.push({
        ruleId,
        lexiconId: pack.id,
        entryId: entry.id,
        kind: entry.kind,
        category: rule.category,
        severity: rule.severity,
        disabled: override?.disabled === true,
      });
      if (override?.disabled) continue;
      rules.push(rule);
      needs.push(...needsOf(pack, entry, rule.index));
    }
  }
  const segmenterWords = [
    ...new Set(needs.filter((n) => n.role !== Role.exception).map((n) => n.text.trim())),
  ];
  return {
    format: "shengao-compiled/1",
    packs: parsed.map((p) => ({
      id: (p.pack as Pack).id,
      name: (p.pack as Pack).name,
      version: (p.pack as Pack).version,
      file: p.file,
      entries: (p.pack as Pack).entries.length,
    })),
    rules,
    ruleInfo,
    profiles: buildProfiles(rules, needs),
    segmenterWords,
  };
}

function resolveRule(pack: Pack, entry: Entry, index: number, severity: Severity | undefined): Rule {
  const profile = resolveProfile(entry.normalize, pack.defaults.normalize);
  const rule: Rule = {
    index,
    ruleId: `${pack.id}/${entry.id}`,
    lexiconId: pack.id,
    entryId: entry.id,
    kind: entry.kind,
    category: entry.category ?? pack.defaults.category,
    severity: severity ?? entry.severity ?? pack.defaults.severity,
    message: entry.message,
    suggestions: [...entry.suggestions],
    profileKey: profileKey(profile),
    boundary: entry.boundary ?? pack.defaults.boundary,
  };
  const basis = entry.basis ?? pack.basis;
  if (basis) rule.basis = basis;
  if (entry.kind === "replace") rule.fixText = entry.replacement;
  if (entry.kind === "canonical") rule.fixText = entry.canonical;
  if (entry.kind === "enumeration") {
    rule.items = [...entry.items];
    if (entry.name) rule.name = entry.name;
  }
  if (entry.kind === "near") {
    rule.within = entry.within;
    rule.groupCount = entry.groups.length;
  }
  if (entry.kind === "pattern") rule.pattern = entry.pattern;
  if (rule.fixText && !rule.suggestions.includes(rule.fixText)) rule.suggestions.unshift(rule.fixText);
  if (entry.kind === "enumeration") {
    const full = entry.items.join("、");
    if (!rule.suggestions.includes(full)) rule.suggestions.unshift(full);
  }
  return rule;
}

/** Resolves `$name` list references against the pack's lists (validation reported unknown ones). */
export function resolveList(pack: Pack, ref: string[] | string): string[] {
  return typeof ref === "string" ? (pack.lists[ref.slice(1)] ?? []) : ref;
}

function needsOf(pack: Pack, entry: Entry, rule: number): Need[] {
  const need = (role: Role, texts: readonly string[], arg = 0) =>
    texts.map((text) => ({ rule, role, arg, text }));
  const exceptions = need(Role.exception, entry.exceptions);
  switch (entry.kind) {
    case "term":
    case "replace":
      return [...need(Role.hit, entry.terms), ...exceptions];
    case "canonical":
      return [...need(Role.hit, entry.variants), ...need(Role.canonical, [entry.canonical]), ...exceptions];
    case "enumeration":
      return [
        ...entry.items.flatMap((item, i) => need(Role.item, [item], i)),
        ...entry.items.flatMap((item, i) => need(Role.wrongItem, entry.wrongItems[item] ?? [], i)),
        ...need(Role.name, entry.name ? [entry.name] : []),
        ...exceptions,
      ];
    case "juxtaposition":
      return [
        ...need(Role.first, resolveList(pack, entry.first)),
        ...need(Role.second, resolveList(pack, entry.second)),
        ...exceptions,
      ];
    case "near":
      return [...entry.groups.flatMap((g, i) => need(Role.group, g, i)), ...exceptions];
    case "pattern":
      return exceptions;
  }
}

function buildProfiles(rules: readonly Rule[], needs: readonly Need[]): ProfileData<Automaton>[] {
  const keys = new Set(rules.map((r) => r.profileKey));
  const profiles: ProfileData<Automaton>[] = [];
  for (const key of [...keys].sort((a, b) => a - b)) {
    const table = charTable(profileFromKey(key));
    const patternId = new Map<string, number>();
    const targets: number[][] = [];
    for (const n of needs) {
      if ((rules[n.rule] as Rule).profileKey !== key) continue;
      const text = normalizeTerm(n.text, table);
      if (text.length === 0) continue; // reported by validation (empty-term)
      let id = patternId.get(text);
      if (id === undefined) {
        id = patternId.size;
        patternId.set(text, id);
        targets.push([]);
      }
      (targets[id] as number[]).push(n.rule, n.role, n.arg);
    }
    const patterns = [...patternId.keys()];
    const hasPattern = rules.some((r) => r.profileKey === key && r.kind === "pattern");
    if (patterns.length === 0 && !hasPattern) continue;
    profiles.push({
      key,
      automaton: buildAutomaton(patterns),
      targets: flattenTargets(targets),
    });
  }
  return profiles;
}

/** targets of pattern p: triples (rule, role, arg) in data[start[p] .. start[p + 1]) */
function flattenTargets(targets: number[][]): { start: number[]; data: number[] } {
  const start = [0];
  const data: number[] = [];
  for (const t of targets) {
    data.push(...t);
    start.push(data.length);
  }
  return { start, data };
}
