import { Role } from "../rules/rule.js";
import type { Entry, Pack } from "./schema.js";

// Which strings an entry matches, and what a hit on each means: compiling builds the automaton
// from them, validation checks them (an exception must contain one of them).

/** Receives every lexicon string a rule needs, with what a hit on it means. */
export interface Needs {
  add(text: string, rule: number, role: Role, arg: number): void;
}

/** Resolves `$name` list references against the pack's lists (validation reported unknown ones). */
export function resolveList(pack: Pack, ref: string[] | string): string[] {
  return typeof ref === "string" ? (pack.lists[ref.slice(1)] ?? []) : ref;
}

/** Gives `needs` every string rule `rule` (of `entry`) matches, with the role of each. */
export function forEachNeed(pack: Pack, entry: Entry, rule: number, needs: Needs): void {
  switch (entry.kind) {
    case "term":
    case "replace":
      addAll(needs, entry.terms, rule, Role.hit);
      break;
    case "canonical":
      addAll(needs, entry.variants, rule, Role.hit);
      needs.add(entry.canonical, rule, Role.canonical, 0);
      break;
    case "enumeration":
      entry.items.forEach((item, i) => {
        needs.add(item, rule, Role.item, i);
      });
      entry.items.forEach((item, i) => {
        addAll(needs, entry.wrongItems[item] ?? [], rule, Role.wrongItem, i);
      });
      if (entry.name) needs.add(entry.name, rule, Role.name, 0);
      break;
    case "juxtaposition":
      addAll(needs, resolveList(pack, entry.first), rule, Role.first);
      addAll(needs, resolveList(pack, entry.second), rule, Role.second);
      break;
    case "near":
      entry.groups.forEach((group, i) => {
        addAll(needs, group, rule, Role.group, i);
      });
      break;
    case "pattern":
      break;
  }
  if (entry.exceptions) addAll(needs, entry.exceptions, rule, Role.exception);
}

function addAll(needs: Needs, texts: readonly string[], rule: number, role: Role, arg = 0): void {
  for (let i = 0; i < texts.length; i++) needs.add(texts[i] as string, rule, role, arg);
}

/**
 * How many words an entry looks for (a big word list is one entry of many): its strings but its
 * exceptions, its canonical form and its enumeration's name, a list it refers to counted in full.
 * A pattern has none here.
 */
export function wordsLookedFor(pack: Pack, entry: Entry): number {
  let words = 0;
  forEachNeed(pack, entry, 0, {
    add(_text, _rule, role) {
      if (role !== Role.exception && role !== Role.canonical && role !== Role.name) words++;
    },
  });
  return words;
}
