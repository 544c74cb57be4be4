import { BREAK, type CharTable, DROP, EXPAND, KEEP, NOISE } from "../normalize/charTable.js";

/** A character written in a pattern that the normalised text never holds, and what it is there. */
export interface UnmatchableLiteral {
  /** offset in the pattern's source */
  at: number;
  char: string;
  /** what the text has in its place: a character, or how it is left out */
  becomes: { to: string } | "removed" | "line-break";
}

/**
 * The first character a pattern writes that it can never match: patterns run over the normalised
 * text, where 臺 is 台, Ｗ is w, a quotation mark is gone and a full stop is a line break. Only the
 * characters the pattern means literally are looked at: escapes (\d, \p{Han}, \x{4E00}), group
 * names and flags are syntax, and ASCII punctuation is the pattern's own syntax or an escaped
 * literal the reviewer meant (left alone: guessing which would mislead more than it helps).
 */
export function unmatchableLiteral(source: string, table: CharTable): UnmatchableLiteral | undefined {
  // (?i) matches either case, so an upper-case letter is no mistake there
  const foldsCase = /\(\?[a-zA-Z]*i/.test(source);
  /** the text of the character class being read ([…]), or undefined outside one */
  let inClass: string | undefined;
  let negated = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i = endOfEscape(source, i);
      continue;
    }
    if (inClass === undefined && c === 0x5b /* [ */) {
      negated = source[i + 1] === "^";
      const from = i + (negated ? 2 : 1);
      // a ] right after [ or [^ is a literal ]
      const close = source.indexOf("]", from + (source[from] === "]" ? 1 : 0));
      inClass = source.slice(from, close < 0 ? source.length : close);
      if (negated) i = from - 1;
      continue;
    }
    if (inClass !== undefined && c === 0x5d /* ] */) {
      inClass = undefined;
      continue;
    }
    // a class that excludes a mark ([^，。]) still means what it says where the text has none
    if (inClass !== undefined && negated) continue;
    if (inClass === undefined && c === 0x28 /* ( */ && source[i + 1] === "?") {
      i = endOfGroupSyntax(source, i);
      continue;
    }
    if (c < 0x80 && !(c >= 0x41 && c <= 0x5a) /* A–Z */) continue;
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral characters: normalised on a slow path
    const found = unmatchable(source[i] as string, table, foldsCase);
    // [臺台]: the class also holds what the text has, and matches it
    if (
      found === undefined ||
      (inClass !== undefined && typeof found === "object" && inClass.includes(found.to))
    )
      continue;
    return { at: i, char: source[i] as string, becomes: found };
  }
  return undefined;
}

/** What the normalised text has in place of `char`, or undefined when it keeps it. */
function unmatchable(
  char: string,
  table: CharTable,
  foldsCase: boolean,
): UnmatchableLiteral["becomes"] | undefined {
  const c = char.charCodeAt(0);
  const kind = table.kind[c];
  if (kind === KEEP) {
    const to = String.fromCharCode(table.unit[c] as number);
    return to === char || (foldsCase && to === char.toLowerCase()) ? undefined : { to };
  }
  if (kind === EXPAND) return { to: table.expansions.get(c) as string };
  if (kind === NOISE || kind === DROP) return "removed";
  if (kind === BREAK) return "line-break";
  return undefined;
}

/** The last offset of the escape starting with the backslash at `i`. */
function endOfEscape(source: string, i: number): number {
  const next = source[i + 1];
  if ((next === "p" || next === "P" || next === "x") && source[i + 2] === "{") {
    const close = source.indexOf("}", i + 3);
    return close < 0 ? source.length : close;
  }
  if (next === "p" || next === "P") return i + 2; // \pL: a one-letter class name
  if (next === "x") return i + 3; // \x41
  // \d, \n, an escaped mark (\.): and \Q of \Q…\E, whose quoted characters are checked as written
  return i + 1;
}

/** The last offset of `(?` and its flags or group name: `(?i)`, `(?i:`, `(?P<name>`, `(?<name>`. */
function endOfGroupSyntax(source: string, i: number): number {
  const named = /^\(\?P?<[^>]*>/.exec(source.slice(i));
  if (named) return i + named[0].length - 1;
  const flags = /^\(\?[a-zA-Z-]*[:)]?/.exec(source.slice(i));
  return i + (flags?.[0].length ?? 2) - 1;
}
