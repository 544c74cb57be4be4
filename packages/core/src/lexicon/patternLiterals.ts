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
 * text, where 臺 is 台, Ｗ is w, a quotation mark, a space, % or + is gone and a full stop is a line
 * break. Only the characters the pattern means literally are looked at: escapes (\d, \p{Han},
 * \x{4E00}), group names, flags and the characters of regex syntax (. * + ? | ^ $ and brackets)
 * are syntax; an escaped mark (\. \+) is the mark itself, and is looked at.
 */
export function unmatchableLiteral(source: string, table: CharTable): UnmatchableLiteral | undefined {
  // whether case is folded, per group: (?i) turns it on for the rest of its group, (?i:…) inside
  // its own, and RE2 leaves an A written before either to match only A
  const folds: boolean[] = [false];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const fold = folds[folds.length - 1] as boolean;
    if (c === 0x5c /* \ */) {
      const found = escapedMark(source, i, table);
      if (found !== undefined && !optional(source, i + 2)) return found;
      i = endOfEscape(source, i);
      continue;
    }
    if (c === 0x5b /* [ */) {
      const end = endOfClass(source, i);
      const found = classLiteral(source, i, end, table, fold);
      if (found !== undefined) return found;
      i = end;
      continue;
    }
    if (c === 0x28 /* ( */) {
      const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(source.slice(i, i + 24));
      const named = /^\(\?P?<[^>]*>/.exec(source.slice(i));
      if (flags) {
        const folded = flags[1]?.includes("i") ? true : flags[2]?.includes("i") ? false : fold;
        if (flags[3] === ")") folds[folds.length - 1] = folded;
        else folds.push(folded);
        i += (flags[0] as string).length - 1;
      } else {
        folds.push(fold);
        if (named) i += named[0].length - 1;
        else if (source[i + 1] === "?") i += 1; // (?: and the like
      }
      continue;
    }
    if (c === 0x29 /* ) */) {
      if (folds.length > 1) folds.pop();
      continue;
    }
    // a repetition's comma ({2,4}) is syntax
    const repeat = c === 0x7b /* { */ ? /^\{\d*,?\d*\}/.exec(source.slice(i, i + 24)) : null;
    if (repeat) {
      i += repeat[0].length - 1;
      continue;
    }
    const found = literal(source, i, table, fold, SYNTAX);
    // a mark made optional (wi-?fi, 台湾 ?总统) matches without it: only its character is wasted
    if (found !== undefined && !(c < 0x80 && optional(source, i + 1))) return found;
  }
  return undefined;
}

/** Whether a quantifier that allows none (?, *, {0…}) stands at `at`. */
function optional(source: string, at: number): boolean {
  const q = source[at];
  return q === "?" || q === "*" || /^\{0*(?:,\d*)?\}|^\{0+\}/.test(source.slice(at, at + 12));
}

/** ASCII characters that are regex syntax outside a class. */
const SYNTAX = ".*+?()[]{}|^$\\";
/**
 * Inside a class ASCII marks are left alone: [0-9:] still matches its digits, and "[:" that opens
 * no class name is read by RE2 as two marks of the class.
 */
const CLASS_SYNTAX = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c)).join("");

/**
 * The character at `i`, taken literally, when the normalised text never holds it. `syntax`: the
 * ASCII characters that are syntax where it stands, not literal. ASCII letters other than A–Z and
 * digits are what the text holds.
 */
function literal(
  source: string,
  i: number,
  table: CharTable,
  fold: boolean,
  syntax: string,
): UnmatchableLiteral | undefined {
  const c = source.charCodeAt(i);
  if (c < 0x80 && !((c >= 0x41 && c <= 0x5a) /* A–Z */ || isMark(c, syntax))) return undefined;
  if (c >= 0xd800 && c <= 0xdfff) return undefined; // astral characters: normalised on a slow path
  const char = source[i] as string;
  const becomes = unmatchable(char, table, fold);
  return becomes === undefined ? undefined : { at: i, char, becomes };
}

/** ASCII punctuation, space included, that is not syntax where it stands. */
function isMark(c: number, syntax: string): boolean {
  const letterOrDigit = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return c >= 0x20 && c < 0x7f && !letterOrDigit && !syntax.includes(String.fromCharCode(c));
}

/** An escaped ASCII mark (\. \+ \%) at the backslash `i`: the mark itself, when the text never holds it. */
function escapedMark(source: string, i: number, table: CharTable): UnmatchableLiteral | undefined {
  const c = source.charCodeAt(i + 1);
  if (!isMark(c, "")) return undefined;
  const char = source[i + 1] as string;
  const becomes = unmatchable(char, table, false);
  return becomes === undefined ? undefined : { at: i + 1, char, becomes };
}

/**
 * The first character of the class source[start..end] that the text never holds. A negated class
 * ([^，。]) still means what it says where the text has none; a class that also holds what the text
 * has ([臺台]) matches it.
 */
function classLiteral(
  source: string,
  start: number,
  end: number,
  table: CharTable,
  fold: boolean,
): UnmatchableLiteral | undefined {
  if (source[start + 1] === "^") return undefined;
  const inside = source.slice(start + 1, end);
  for (let i = start + 1; i < end; i++) {
    if (source[i] === "\\") {
      i = endOfEscape(source, i);
      continue;
    }
    const named = endOfNamedClass(source, i);
    if (named !== undefined) {
      i = named;
      continue;
    }
    const found = literal(source, i, table, fold, CLASS_SYNTAX);
    if (found !== undefined && !(typeof found.becomes === "object" && inside.includes(found.becomes.to)))
      return found;
  }
  return undefined;
}

/** The offset of the `]` that closes the class opened at `start` (escapes and [:name:] skipped). */
function endOfClass(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === "^") i++;
  if (source[i] === "]") i++; // a ] first in the class is a literal ]
  for (; i < source.length; i++) {
    if (source[i] === "\\") i = endOfEscape(source, i);
    else if (source[i] === "]") return i;
    else i = endOfNamedClass(source, i) ?? i;
  }
  return source.length;
}

/**
 * The last offset of a named class inside a class ([:alpha:], [:^space:]) starting at `i`, or
 * undefined: "[:" not closed so ([[:alpha]) is a '[' and a ':' in the class, as RE2 reads it.
 */
function endOfNamedClass(source: string, i: number): number | undefined {
  const named = /^\[:\^?[a-z]+:\]/.exec(source.slice(i, i + 16));
  return named ? i + named[0].length - 1 : undefined;
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

/**
 * True when the pattern uses ^ or $ as anchors with no (?m) flag: RE2 reads them as the ends of the
 * whole text, and a post is screened whole. An escaped one (\^), one inside a class ([^…], [$]) and
 * one in \Q…\E are no anchor; a flag group with m anywhere ((?m), (?im), (?m:…)) lifts the warning.
 */
export function anchorsWholeText(source: string): boolean {
  if (/\(\?[a-zA-Z]*m[a-zA-Z]*(?:-[a-zA-Z]*)?[:)]/.test(source)) return false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\" && source[i + 1] === "Q") {
      const end = source.indexOf("\\E", i + 2);
      i = end < 0 ? source.length : end + 1;
    } else if (c === "\\") i = endOfEscape(source, i);
    else if (c === "[") i = endOfClass(source, i);
    else if (c === "^" || c === "$") return true;
  }
  return false;
}
