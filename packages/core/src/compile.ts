import { forEachNeed, type Needs } from "./lexicon/needs.js";
import { overridesOf } from "./lexicon/overrides.js";
import type { ParsedLexicon } from "./lexicon/parse.js";
import { LexiconError } from "./lexicon/problem.js";
import type { Entry, Pack, RuleKind, Severity } from "./lexicon/schema.js";
import { validatedTogether, validatePacks } from "./lexicon/validate.js";
import { type Automaton, buildDistinctAutomaton } from "./match/automaton.js";
import { type CharTable, charTable } from "./normalize/charTable.js";
import { normalizeTerm } from "./normalize/normalizeText.js";
import { profileFromKey, profileKey, resolveProfile } from "./normalize/profile.js";
import { NO_SUGGESTIONS, SharedLooks } from "./rules/looks.js";
import { idOfRule, Role, type Rule, ruleIdOf } from "./rules/rule.js";
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

/** What names a rule, or an entry switched off, to those listing them (Screener.rules). */
export function ruleInfoOf(rule: Rule, disabled: boolean): RuleInfo {
  return {
    ruleId: idOfRule(rule),
    lexiconId: rule.look.lexiconId,
    entryId: rule.entryId,
    kind: rule.look.kind,
    category: rule.look.category,
    severity: rule.look.severity,
    disabled,
  };
}

/**
 * Resolves packs (defaults, overrides), normalises every lexicon string per profile and builds one
 * automaton per profile. Throws LexiconError when a pack has errors: callers that must screen with
 * the good packs drop the broken ones first (see `usablePacks`).
 */
export function compileLexicons(parsed: readonly ParsedLexicon[]): Compiled<Automaton> {
  if (!validatedTogether(parsed)) {
    const problems = [...parsed.flatMap((p) => p.problems), ...validatePacks(parsed)].filter(
      (p) => p.severity === "error",
    );
    if (problems.length > 0) throw new LexiconError(problems);
  }
  const packs = parsed.map((p) => p.pack as Pack);
  const overrides = overridesOf(packs);
  const rules: Rule[] = [];
  const disabled: RuleInfo[] = [];
  const collectors = new Map<number, ProfileCollector>();
  const looks = new SharedLooks();
  // most entries need one string: room for one each spares a big pack's buffer its doublings
  let entries = 0;
  for (const pack of packs) entries += pack.entries.length;
  for (const pack of packs) {
    const packProfileKey = profileKey(resolveProfile(pack.defaults.normalize));
    // loops over a big pack's entries are indexed: this code runs once, unoptimised, and a for-of
    // made an iterator result per entry
    for (let i = 0; i < pack.entries.length; i++) {
      const entry = pack.entries[i] as Entry;
      // a big pack has no overrides: no id string made and looked up for each of its entries (and
      // one made for the lookup is not kept: the rule makes its own when asked, see idOfRule)
      const override = overrides.size > 0 ? overrides.get(ruleIdOf(pack.id, entry.id)) : undefined;
      const rule = resolveRule(pack, packProfileKey, entry, rules.length, override?.severity, looks);
      if (override?.disabled) {
        disabled.push(ruleInfoOf(rule, true));
        continue;
      }
      rules.push(rule);
      const { profileKey, kind } = rule.look;
      let into = collectors.get(profileKey);
      if (into === undefined) {
        into = new ProfileCollector(profileKey, entries);
        collectors.set(profileKey, into);
      }
      forEachNeed(pack, entry, rule.index, into);
      if (kind === "pattern") into.hasPattern = true;
    }
  }
  return {
    packs: parsed.map((p) => ({
      id: (p.pack as Pack).id,
      name: (p.pack as Pack).name,
      version: (p.pack as Pack).version,
      file: p.file,
      entries: (p.pack as Pack).entries.length,
    })),
    rules,
    disabled,
    profiles: [...collectors.values()]
      .sort((a, b) => a.key - b.key)
      .filter((c) => c.patterns.length > 0 || c.hasPattern)
      .map((c) => c.build()),
    // the segmenter's dictionary only matters to entries with `boundary: true` (the screener loads
    // it only then): without one, a big word list need not be copied into it
    segmenterWords: rules.some((r) => r.look.boundary) ? segmenterWords(packs, overrides) : [],
  };
}

/** Every string the entries compiled match, as words for the segmenter's dictionary. */
function segmenterWords(
  packs: readonly Pack[],
  overrides: ReadonlyMap<string, { disabled?: boolean }>,
): string[] {
  const words = new Set<string>();
  const needs: Needs = {
    add(text, _rule, role) {
      if (role !== Role.exception) words.add(text.trim());
    },
  };
  for (const pack of packs) {
    for (let i = 0; i < pack.entries.length; i++) {
      const entry = pack.entries[i] as Entry;
      // no id string per entry when nothing is overridden
      const off = overrides.size > 0 && overrides.get(ruleIdOf(pack.id, entry.id))?.disabled === true;
      if (!off) forEachNeed(pack, entry, 0, needs);
    }
  }
  return [...words];
}

function resolveRule(
  pack: Pack,
  packProfileKey: number,
  entry: Entry,
  index: number,
  severity: Severity | undefined,
  looks: SharedLooks,
): Rule {
  const fixText =
    entry.kind === "replace" ? entry.replacement : entry.kind === "canonical" ? entry.canonical : undefined;
  // the fix, or the whole enumeration, is suggested first
  const given = entry.suggestions ?? NO_SUGGESTIONS;
  const first = entry.kind === "enumeration" ? entry.items.join("、") : fixText;
  // written into the looks' one scratch look, not a new object: a big pack's entries nearly all
  // share the look made before them, and an object each was 14 MB of garbage
  const w = looks.wanted;
  w.lexiconId = pack.id;
  w.kind = entry.kind;
  w.category = entry.category ?? pack.defaults.category;
  w.severity = severity ?? entry.severity ?? pack.defaults.severity;
  w.message = entry.message;
  w.basis = entry.basis ?? pack.basis;
  w.suggestions = first !== undefined && !given.includes(first) ? [first, ...given] : given;
  // most entries have no switches of their own: their pack's profile is resolved once per pack
  w.profileKey = entry.normalize
    ? profileKey(resolveProfile(entry.normalize, pack.defaults.normalize))
    : packProfileKey;
  w.boundary = entry.boundary ?? pack.defaults.boundary;
  w.fixText = fixText;
  w.items = entry.kind === "enumeration" ? entry.items : undefined;
  w.name = entry.kind === "enumeration" ? entry.name || undefined : undefined;
  w.minItems = entry.kind === "enumeration" ? entry.minItems : undefined;
  w.within = entry.kind === "near" ? entry.within : undefined;
  w.groupCount = entry.kind === "near" ? entry.groups.length : undefined;
  w.pattern = entry.kind === "pattern" ? entry.pattern : undefined;
  const look = looks.share();
  return { index, ruleId: undefined /* made when asked for (idOfRule) */, entryId: entry.id, look };
}

/**
 * The lexicon strings of one normalisation profile: each distinct normalised string becomes one
 * automaton pattern, with the (rule, role, arg) triples a hit on it means.
 */
class ProfileCollector implements Needs {
  /** every normalised string added, repeats included: the automaton finds the repeats */
  readonly patterns: string[] = [];
  hasPattern = false;
  private readonly table: CharTable;
  /**
   * (rule, role, arg) of each string added, in a typed buffer that doubles: pushing a hundred
   * thousand entries' triples onto a plain array allocated ten times its final size on the heap
   */
  private triples: Int32Array;
  private tripleCount = 0;

  /** `strings`: how many strings are expected (the buffer grows past it) */
  constructor(
    readonly key: number,
    strings: number,
  ) {
    this.table = charTable(profileFromKey(key));
    this.triples = new Int32Array(3 * Math.max(1024, strings));
  }

  add(text: string, rule: number, role: Role, arg: number): void {
    const normalized = normalizeTerm(text, this.table, role === Role.exception);
    if (normalized.length === 0) return; // reported by validation (empty-term)
    this.patterns.push(normalized);
    if (this.tripleCount + 3 > this.triples.length) {
      const grown = new Int32Array(2 * this.triples.length);
      grown.set(this.triples);
      this.triples = grown;
    }
    this.triples[this.tripleCount++] = rule;
    this.triples[this.tripleCount++] = role;
    this.triples[this.tripleCount++] = arg;
  }

  /** targets of pattern id p: triples (rule, role, arg) in data[start[p] .. start[p + 1]) */
  build(): ProfileData<Automaton, Int32Array> {
    const { automaton, idOf } = buildDistinctAutomaton(this.patterns);
    const ids = automaton.patternLength.length;
    // counting sort of the triples by pattern id, each id's in the order they were added
    const start = new Int32Array(ids + 1);
    for (let i = 0; i < idOf.length; i++)
      start[(idOf[i] as number) + 1] = (start[(idOf[i] as number) + 1] as number) + 3;
    for (let p = 0; p < ids; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
    const data = new Int32Array(this.tripleCount);
    const fill = start.slice(); // where the next triple of each id goes
    idOf.forEach((id, i) => {
      let at = fill[id] as number;
      for (let k = 3 * i; k < 3 * i + 3; k++) data[at++] = this.triples[k] as number;
      fill[id] = at;
    });
    return { key: this.key, automaton, targets: { start, data } };
  }
}
