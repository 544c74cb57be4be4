import type { NormalizeProfile } from "./profile.js";
import { profileKey } from "./profile.js";
import { traditionalToSimplified } from "./traditional.js";

/** What a code unit becomes in the normalised stream. */
export const KEEP = 0; // replaced by `unit[c]`
export const DROP = 1; // invisible: vanishes
export const NOISE = 2; // skipped between the characters of a term
export const BREAK = 3; // line break, or the end of a sentence or clause when noise is skipped: no term spans it
export const EXPAND = 4; // becomes several units (NFKC of ㍿, ﬁ …): see `expansions`
export const ASTRAL = 5; // high surrogate: the code point is normalised on the slow path

/**
 * Per-profile lookup table over the BMP, so screening normalises with two array reads per code
 * unit instead of calling String.normalize on every character.
 */
export interface CharTable {
  readonly profile: NormalizeProfile;
  readonly kind: Uint8Array;
  readonly unit: Uint16Array;
  readonly expansions: Map<number, string>;
}

// The classes below are written once as the insides of [...], for the one-character tests and for
// `classesOf`, which runs them over every code unit at once.

// Zero-width characters, BOM, soft hyphen, bidi controls and other format characters, and combining
// marks (variation selectors among them): invisible, and slipped into terms to dodge filters.
const INVISIBLE_CLASS =
  "\\u00AD\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\p{Cf}\\p{Mn}\\p{Me}";
const LINE_BREAK_CLASS = "\\n\\r\\u2028\\u2029\\u0085\\v\\f";
// Spaces, punctuation and symbols (emoji among them) are what people slip between the characters
// of a term to dodge a filter: 台 湾, 台*湾, 台“湾”, 台😀湾.
const NOISE_CLASS = "\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}";
// ...but the marks that end a sentence or a clause end a term too: 华北，韩国 holds no 北韩, and
// 学科，谱写 no 科谱. Tested on the character as written: an ASCII full stop or colon (Ph.D., 10:30)
// stays noise, the full-width ones (．：) do not.
const CLAUSE_END_CLASS = "。｡．，,；;：！!？?…";
// The enumeration comma is neither: it separates the items of a list, so skipped it joined the end
// of one to the start of the next (河北、韩国 read 北韩, 中国、台湾 the exception 中国台湾), and it is
// part of official wordings that list titles or items (国家主席、中共中央总书记). It is kept as it is:
// a term holding it matches the text's (noise around it skipped), and no other term spans it.
export const LIST_COMMA = "、";
const INVISIBLE = new RegExp(`^[${INVISIBLE_CLASS}]$`, "u");
const LINE_BREAK = new RegExp(`^[${LINE_BREAK_CLASS}]$`, "u");
const NOISE_CHAR = new RegExp(`^[${NOISE_CLASS}]+$`, "u");
/** 1 for each code unit of CLAUSE_END_CLASS (all in the BMP, each one unit) */
const CLAUSE_ENDS = new Uint8Array(0x10000);
for (const ch of CLAUSE_END_CLASS) CLAUSE_ENDS[ch.charCodeAt(0)] = 1;

/**
 * The first mark in `text` that ends a sentence or clause (where noise is skipped, no term spans
 * it), or undefined. A table read per unit: validation asks it of every term of a big word list,
 * where a Unicode regular expression took three times as long.
 */
export function clauseEndIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) if (CLAUSE_ENDS[text.charCodeAt(i)] === 1) return text[i];
  return undefined;
}

export function normalizeChar(ch: string, profile: NormalizeProfile): string {
  let out = ch;
  if (profile.width) out = out.normalize("NFKC");
  if (profile.case) out = out.toLowerCase();
  if (profile.invisible) out = withoutLatinAccents(out);
  if (profile.traditional) {
    const t2s = traditionalToSimplified();
    let converted = "";
    for (const cp of out) converted += t2s.get(cp) ?? cp;
    out = converted;
  }
  return out;
}

/**
 * A Latin letter without its accents (é is e, Ń is n, İ is i): combining marks are dropped as
 * invisible, so a letter written with one (e + U+0301) reads as the bare letter, and the same letter
 * written precomposed must read so too. Else café matched only as written, and a precomposed Ń let
 * VPŃ past the term VPN, as a kept mark would. Other scripts keep their marks' letters (が, 가).
 */
function withoutLatinAccents(text: string): string {
  const parts = text.normalize("NFD");
  // nothing else changes: not a singleton decomposition (U+0374 is U+02B9), nor Devanagari's nukta
  if (!LATIN_ACCENTED.test(parts)) return text;
  return parts.replace(LATIN_ACCENTED_GLOBAL, "$1").normalize("NFC");
}

const LATIN_ACCENTED = /\p{Script=Latin}\p{M}/u;
const LATIN_ACCENTED_GLOBAL = /(\p{Script=Latin})\p{M}+/gu;

/** Classifies one code point (as a string) under a profile; returns the class and its output. */
export function classify(ch: string, profile: NormalizeProfile): { kind: number; out: string } {
  if (LINE_BREAK.test(ch)) return { kind: BREAK, out: "\n" };
  if (profile.invisible && INVISIBLE.test(ch)) return { kind: DROP, out: "" };
  const out = normalizeChar(ch, profile);
  if (out.length === 0) return { kind: DROP, out };
  if (profile.noise && ch.length === 1 && CLAUSE_ENDS[ch.charCodeAt(0)] === 1)
    return { kind: BREAK, out: "\n" };
  if (profile.noise && out !== LIST_COMMA && NOISE_CHAR.test(out)) return { kind: NOISE, out: "" };
  if (out.length === 1) return { kind: KEEP, out };
  return { kind: EXPAND, out };
}

const cache = new Map<number, CharTable>();

/** Tables are a pure function of the profile, so one per profile is built and shared. */
export function charTable(profile: NormalizeProfile): CharTable {
  const key = profileKey(profile);
  const cached = cache.get(key);
  if (cached) return cached;
  const kind = new Uint8Array(0x10000);
  const unit = new Uint16Array(0x10000);
  const expansions = new Map<number, string>();
  const classes = classesOf(profile);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      kind[c] = ASTRAL;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      // a lone low surrogate is broken text: treat it as noise so it never joins a term
      kind[c] = profile.noise ? NOISE : KEEP;
      unit[c] = c;
      continue;
    }
    const bits = classes[c] as number;
    if ((bits & CHANGES_BIT) === 0) {
      // itself after normalisation: what classify would say of it, without asking
      if (bits & LINE_BREAK_BIT) kind[c] = BREAK;
      else if (bits & INVISIBLE_BIT) kind[c] = DROP;
      else if (bits & NOISE_BIT) kind[c] = NOISE;
      else unit[c] = c; // KEEP
      continue;
    }
    const { kind: k, out } = classify(String.fromCharCode(c), profile);
    kind[c] = k;
    if (k === KEEP) unit[c] = out.charCodeAt(0);
    else if (k === EXPAND) expansions.set(c, out);
  }
  const table = { profile: { ...profile }, kind, unit, expansions };
  cache.set(key, table);
  return table;
}

// What the passes of `classesOf` find a code unit to be, before normalisation.
const LINE_BREAK_BIT = 1;
const INVISIBLE_BIT = 2;
const NOISE_BIT = 4;
/** normalisation may change it: only these go through `classify` */
const CHANGES_BIT = 8;

/**
 * The classes of every code unit under `profile`, as bits: each switch's character class runs once
 * over all of them (one pass of a regular expression), where classifying all 65,536 one by one took
 * 57 ms and 9 MB of a fresh process with every switch on. Width and case changes are found by the
 * Unicode properties of the characters that NFKC with case folding, and lowercasing, change; a test
 * checks the tables against `classify` for every profile.
 */
function classesOf(profile: NormalizeProfile): Uint8Array {
  const bits = new Uint8Array(0x10000);
  const all = everyCodeUnit();
  const mark = (charClass: string, bit: number) => {
    // `rest` is `all` with the class's characters taken out, in order: walk both
    const rest = all.replace(new RegExp(`[${charClass}]`, "gu"), "");
    for (let i = 0, j = 0; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if (c === rest.charCodeAt(j)) j++;
      else bits[c] = (bits[c] as number) | bit;
    }
  };
  mark(LINE_BREAK_CLASS, LINE_BREAK_BIT);
  if (profile.invisible) mark(INVISIBLE_CLASS, INVISIBLE_BIT);
  if (profile.noise) {
    mark(CLAUSE_END_CLASS, LINE_BREAK_BIT);
    mark(NOISE_CLASS, NOISE_BIT);
    const comma = LIST_COMMA.charCodeAt(0);
    bits[comma] = (bits[comma] as number) & ~NOISE_BIT;
  }
  const changes =
    (profile.width ? "\\p{Changes_When_NFKC_Casefolded}" : "") +
    (profile.case ? "\\p{Changes_When_Lowercased}" : "");
  if (changes !== "") mark(changes, CHANGES_BIT);
  if (profile.invisible) {
    // the accented Latin letters, precomposed (withoutLatinAccents)
    for (let c = 0xc0; c < 0x2c00; c++) {
      const ch = String.fromCharCode(c);
      if (withoutLatinAccents(ch) !== ch) bits[c] = (bits[c] as number) | CHANGES_BIT;
    }
  }
  if (profile.traditional) {
    for (const from of traditionalToSimplified().keys()) {
      if (from.length !== 1) continue; // astral: classified on the slow path
      const c = from.charCodeAt(0);
      bits[c] = (bits[c] as number) | CHANGES_BIT;
    }
  }
  return bits;
}

/** Every BMP code unit but the surrogates, in order: each one a whole code point. */
function everyCodeUnit(): string {
  const chunks: string[] = [];
  const chunk = new Uint16Array(0x800);
  for (let from = 0; from < 0x10000; from += 0x800) {
    if (from >= 0xd800 && from < 0xe000) continue;
    for (let k = 0; k < 0x800; k++) chunk[k] = from + k;
    chunks.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return chunks.join("");
}
