import type { NormalizeProfile } from "./profile.js";
import { profileKey } from "./profile.js";
import { traditionalToSimplified } from "./traditional.js";

/** What a code unit becomes in the normalised stream. */
export const KEEP = 0; // replaced by `unit[c]`
export const DROP = 1; // invisible: vanishes
export const NOISE = 2; // skipped between the characters of a term
export const BREAK = 3; // line break: no term spans it
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

// Zero-width characters, BOM, soft hyphen, bidi controls and other format characters, and combining
// marks (variation selectors among them): invisible, and slipped into terms to dodge filters.
const INVISIBLE_FORMAT =
  /^[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\p{Cf}]$/u;
const MARK = /^(?:\p{Mn}|\p{Me})$/u;
const isInvisible = (ch: string) => INVISIBLE_FORMAT.test(ch) || MARK.test(ch);
const LINE_BREAK = /^[\n\r\u2028\u2029\u0085\v\f]$/;
// Spaces, punctuation and symbols (emoji among them) are what people slip between the characters
// of a term to dodge a filter: 台 湾, 台*湾, 台。湾.
const NOISE_CHAR = /^[\p{P}\p{S}\p{Z}\s\p{Cc}]+$/u;

export function normalizeChar(ch: string, profile: NormalizeProfile): string {
  let out = ch;
  if (profile.width) out = out.normalize("NFKC");
  if (profile.case) out = out.toLowerCase();
  if (profile.traditional) {
    const t2s = traditionalToSimplified();
    let converted = "";
    for (const cp of out) converted += t2s.get(cp) ?? cp;
    out = converted;
  }
  return out;
}

/** Classifies one code point (as a string) under a profile; returns the class and its output. */
export function classify(ch: string, profile: NormalizeProfile): { kind: number; out: string } {
  if (LINE_BREAK.test(ch)) return { kind: BREAK, out: "\n" };
  if (profile.invisible && isInvisible(ch)) return { kind: DROP, out: "" };
  const out = normalizeChar(ch, profile);
  if (out.length === 0) return { kind: DROP, out };
  if (profile.noise && NOISE_CHAR.test(out)) return { kind: NOISE, out: "" };
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
    const { kind: k, out } = classify(String.fromCharCode(c), profile);
    kind[c] = k;
    if (k === KEEP) unit[c] = out.charCodeAt(0);
    else if (k === EXPAND) expansions.set(c, out);
  }
  const table = { profile: { ...profile }, kind, unit, expansions };
  cache.set(key, table);
  return table;
}
