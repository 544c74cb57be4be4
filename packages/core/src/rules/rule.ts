import type { RuleKind } from "../lexicon/schema.js";
import type { Look } from "./looks.js";

/**
 * The id of a pack's entry as findings, overrides and messages name it: `pack/entry`, unique across
 * packs because pack ids are.
 */
export function ruleIdOf(lexiconId: string, entryId: string): string {
  return `${lexiconId}/${entryId}`;
}

/** The rule's id (`ruleIdOf`), made the first time it is asked for and kept on the rule. */
export function idOfRule(rule: Rule): string {
  rule.ruleId ??= ruleIdOf(rule.look.lexiconId, rule.entryId);
  return rule.ruleId;
}

/**
 * An entry resolved against its pack's defaults and the overrides: what screening needs. All but
 * its entry is its look, which rules that look the same share: the entries of a big word list
 * differ only in id, and a hundred thousand rules each with every field took 11 MB, and a cold
 * cache line more for each finding made.
 */
export interface Rule {
  index: number;
  /**
   * Read it with `idOfRule`: undefined until first asked for. Made for each entry when the rules
   * are built, the ids of a 100,000-entry pack cost about 7 MB of peak memory, and a screen asks
   * only for those of the rules it finds.
   */
  ruleId: string | undefined;
  entryId: string;
  look: Look;
}

/**
 * What a lexicon string is to its rule. Every string a rule needs is matched by the one automaton
 * of its normalisation profile; the role says what a hit means.
 */
export const Role = {
  hit: 0, // term, replace, canonical variant
  exception: 1,
  canonical: 2, // the exact canonical form: variants inside it are not findings
  item: 3, // enumeration item (arg: index)
  wrongItem: 4, // a wrong form of enumeration item (arg: index)
  first: 5, // juxtaposition
  second: 6,
  group: 7, // near (arg: group index)
  name: 8, // enumeration name, e.g. 四个意识
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/**
 * The roles a rule of each kind is matched under (compile.ts gives each its strings so): a compiled
 * file whose targets give a rule another role would screen it as nothing written could.
 */
export const ROLES_OF_KIND: Record<RuleKind, readonly Role[]> = {
  term: [Role.hit, Role.exception],
  replace: [Role.hit, Role.exception],
  canonical: [Role.hit, Role.canonical, Role.exception],
  enumeration: [Role.item, Role.wrongItem, Role.name, Role.exception],
  juxtaposition: [Role.first, Role.second, Role.exception],
  near: [Role.group, Role.exception],
  pattern: [Role.exception],
};

/** One occurrence of a rule's string in the text, in original offsets. */
export interface Hit {
  rule: number;
  role: Role;
  arg: number;
  start: number;
  end: number;
}
