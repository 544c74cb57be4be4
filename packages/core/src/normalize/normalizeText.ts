import { assertText } from "../arguments.js";
import {
  ASTRAL,
  BREAK,
  type CharTable,
  charTable,
  classify,
  DROP,
  EXPAND,
  KEEP,
  NOISE,
} from "./charTable.js";
import { ALL_ON, type NormalizeProfile } from "./profile.js";

/** The longest run of noise skipped inside a term; a longer run separates, like a line break. */
export const MAX_NOISE_RUN = 6;
/** What a line break, and a long run of noise, become in the normalised stream. */
export const LF = 10;

/**
 * Normalised text as parallel arrays: unit i of the normalised text came from the original span
 * [from[i], to[i]). Reused between calls to keep screening allocation-free.
 */
export class NormalizeBuffer {
  units = new Uint16Array(1024);
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  length = 0;

  reserve(n: number): void {
    if (this.units.length >= n) return;
    const size = Math.max(n, this.units.length * 2);
    const units = new Uint16Array(size);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    units.set(this.units.subarray(0, this.length));
    from.set(this.from.subarray(0, this.length));
    to.set(this.to.subarray(0, this.length));
    this.units = units;
    this.from = from;
    this.to = to;
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.reserve(this.length + 1);
    const i = this.length++;
    this.units[i] = unit;
    this.from[i] = start;
    this.to[i] = end;
  }

  text(): string {
    let out = "";
    for (let i = 0; i < this.length; i += 4096) {
      out += String.fromCharCode(...this.units.subarray(i, Math.min(i + 4096, this.length)));
    }
    return out;
  }
}

/**
 * Writes the normalised form of `text` into `buf`. Noise is skipped (a long run becomes a line
 * break), so a term matches across 台*湾 while its span in the original still covers the noise.
 * The common case (one code unit in, one out) is inlined: this loop runs on every keystroke.
 */
export function normalizeInto(text: string, table: CharTable, buf: NormalizeBuffer): void {
  const { kind, unit } = table;
  buf.length = 0;
  buf.reserve(text.length + 16);
  let { units, from, to } = buf;
  let n = 0;
  let noiseRun = 0;
  const n0 = text.length;
  for (let i = 0; i < n0; i++) {
    const c = text.charCodeAt(i);
    const k = kind[c] as number;
    if (k === KEEP) {
      noiseRun = 0;
      units[n] = unit[c] as number;
      from[n] = i;
      to[n++] = i + 1;
      continue;
    }
    if (k === NOISE) {
      if (++noiseRun !== MAX_NOISE_RUN + 1) continue;
      units[n] = LF;
      from[n] = i;
      to[n++] = i + 1;
      continue;
    }
    if (k === BREAK) {
      noiseRun = 0;
      units[n] = LF;
      from[n] = i;
      to[n++] = i + 1;
      continue;
    }
    if (k !== EXPAND && k !== ASTRAL) continue; // DROP: invisible, vanishes without breaking a term
    // slow paths: a character that expands, or a surrogate pair
    const paired = k === ASTRAL && i + 1 < n0 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = paired ? 2 : 1;
    const out =
      k === EXPAND ? (table.expansions.get(c) as string) : classifyAstral(text.slice(i, i + width), table);
    buf.length = n;
    if (out === null) {
      if (++noiseRun === MAX_NOISE_RUN + 1) buf.push(LF, i, i + width);
    } else {
      noiseRun = 0;
      for (let j = 0; j < out.length; j++) buf.push(out.charCodeAt(j), i, i + width);
    }
    n = buf.length;
    buf.reserve(n + n0 - i + 16); // an expansion may outgrow the first reservation
    ({ units, from, to } = buf);
    i += width - 1;
  }
  buf.length = n;
}

/** null for noise; otherwise the normalised output ("" when invisible). */
function classifyAstral(ch: string, table: CharTable): string | null {
  const cls = classify(ch, table.profile);
  if (cls.kind === NOISE) return null;
  if (cls.kind === BREAK) return "\n";
  return cls.out;
}

const termScratch = new NormalizeBuffer();

/**
 * Normalises a lexicon term by the same rules as the text, so both meet in one form. A break
 * inside it (a clause mark, which no term spans) is dropped. With `edges` (an exception), a break
 * at its start or end is kept as one LF: 。第一， is 第一 standing between two clause ends (or a
 * line's or the text's start and end, which the scan reads as breaks too), where 第一 alone is
 * every 第一.
 */
export function normalizeTerm(term: string, table: CharTable, edges = false): string {
  // lexicons hold hundreds of thousands of terms, nearly all already in normal form: return those
  // as they are (no new string), and map the few others unit by unit
  let i = 0;
  for (; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (table.kind[c] !== KEEP || table.unit[c] !== c) break;
  }
  if (i === term.length) return term;
  const units: number[] = [];
  for (let j = 0; j < term.length; j++) {
    const c = term.charCodeAt(j);
    const k = table.kind[c];
    if (k === KEEP) units.push(table.unit[c] as number);
    else if (k !== NOISE && k !== DROP) return normalizeRare(term, table, edges);
  }
  return String.fromCharCode(...units);
}

/** Whether a break (a clause mark, a line break) stands between the term's words once normalised. */
export function innerBreak(term: string, table: CharTable): boolean {
  normalizeInto(term, table, termScratch);
  return /[^\n]\n+[^\n]/.test(termScratch.text());
}

function normalizeRare(term: string, table: CharTable, edges: boolean): string {
  normalizeInto(term, table, termScratch);
  const text = termScratch.text();
  const inner = text.replaceAll("\n", "");
  if (!edges || inner.length === 0) return inner;
  return `${text.startsWith("\n") ? "\n" : ""}${inner}${text.endsWith("\n") ? "\n" : ""}`;
}

/** Normalised text with, for each of its code units, the original span [from[i], to[i]) it came from. */
export interface Normalized {
  text: string;
  from: Int32Array;
  to: Int32Array;
}

/** The normalised form of `text` under a profile, with its offset map back to the original. */
export function normalizeText(text: string, profile: NormalizeProfile = ALL_ON): Normalized {
  assertText(text, "normalizeText(text)");
  const buf = new NormalizeBuffer();
  normalizeInto(text, charTable(profile), buf);
  return { text: buf.text(), from: buf.from.slice(0, buf.length), to: buf.to.slice(0, buf.length) };
}
