import type { PackInfo, RuleInfo } from "./compile.js";
import type { Automaton } from "./match/automaton.js";
import { type Look, lookOf } from "./rules/looks.js";
import type { Rule } from "./rules/rule.js";

/**
 * The version of the compiled form: a file of another version is rebuilt, not read. 2: a rule is
 * its entry id and a shared look; 3: a look may hold `minItems` (an enumeration's list without its
 * name), which a reader of 2 would drop, checking shorter lists than the lexicon asked; 4: terms
 * are stored without Latin accents (café as cafe), as text is now read, where a file of 3 holds café
 * that no text reads so any more.
 */
export const COMPILED_FORMAT = "shengao-compiled/4";

/** Compiled lexicons as the screener uses them: live rules and typed arrays. */
export interface Compiled<A> {
  packs: PackInfo[];
  rules: Rule[];
  /** entries an override switched off: named, never screened */
  disabled: RuleInfo[];
  /** the targets in typed arrays: a hundred thousand entries' were 3 MB of plain arrays kept */
  profiles: ProfileData<A, Int32Array>[];
  segmenterWords: string[];
}

/** A profile's automaton and its patterns' targets (plain arrays in JSON, typed ones in memory). */
export interface ProfileData<A, T extends ArrayLike<number> = number[]> {
  key: number;
  automaton: A;
  targets: { start: T; data: T };
}

/**
 * The compiled lexicons as plain JSON: what `shengao lexicon build` writes, the extension loads and
 * the report's workers receive. A big word list's entries differ only in id, so a rule is written
 * as its entry id and the index of its look, shared by every rule that looks the same: rule i is
 * entry `rules.entry[i]` of `looks[rules.look[i]]`. With one object per rule, the rules of 100,000
 * entries were 33 MB of a 40 MB file.
 */
export interface CompiledLexicons {
  format: typeof COMPILED_FORMAT;
  packs: PackInfo[];
  looks: Look[];
  rules: { entry: string[]; look: number[] };
  /** entries an override switched off: named, never screened */
  disabled: RuleInfo[];
  profiles: ProfileData<EncodedAutomaton>[];
  segmenterWords: string[];
}

export function encodeCompiled(c: Compiled<Automaton>): CompiledLexicons {
  const looks: Look[] = [];
  const lookAt = new Map<string, number>();
  // rules share their look objects: each is written and keyed once, not once per rule
  const atOfLook = new Map<Look, number>();
  const entry: string[] = new Array(c.rules.length);
  const look: number[] = new Array(c.rules.length);
  c.rules.forEach((rule, i) => {
    let at = atOfLook.get(rule.look);
    if (at === undefined) {
      const shared = writtenLook(rule.look);
      const key = JSON.stringify(shared);
      at = lookAt.get(key);
      if (at === undefined) {
        at = looks.push(shared) - 1;
        lookAt.set(key, at);
      }
      atOfLook.set(rule.look, at);
    }
    entry[i] = rule.entryId;
    look[i] = at;
  });
  return {
    format: COMPILED_FORMAT,
    packs: c.packs,
    looks,
    rules: { entry, look },
    disabled: c.disabled,
    profiles: c.profiles.map((p) => ({
      key: p.key,
      automaton: encodeAutomaton(p.automaton),
      targets: { start: Array.from(p.targets.start), data: Array.from(p.targets.data) },
    })),
    segmenterWords: c.segmenterWords,
  };
}

export function decodeCompiled(c: CompiledLexicons): Compiled<Automaton> {
  const rules = decodeRules(c);
  return {
    packs: c.packs,
    rules,
    disabled: c.disabled,
    profiles: c.profiles.map((p) => ({
      key: p.key,
      automaton: decodeAutomaton(p.automaton),
      targets: { start: Int32Array.from(p.targets.start), data: Int32Array.from(p.targets.data) },
    })),
    segmenterWords: c.segmenterWords,
  };
}

/** Every rule of compiled lexicons, each its entry and its look, which rules of that look share. */
function decodeRules(c: Pick<CompiledLexicons, "looks" | "rules">): Rule[] {
  const looks = c.looks.map(lookOf);
  const { entry, look } = c.rules;
  const rules: Rule[] = new Array(entry.length);
  for (let i = 0; i < entry.length; i++)
    rules[i] = {
      index: i,
      ruleId: undefined,
      entryId: entry[i] as string,
      look: looks[look[i] as number] as Look,
    };
  return rules;
}

/** A look as the file writes it: the fields a rule of its kind has, no others, its lists its own. */
function writtenLook(look: Look): Look {
  const written: { -readonly [K in keyof Look]: Look[K] } = {
    lexiconId: look.lexiconId,
    kind: look.kind,
    category: look.category,
    severity: look.severity,
    message: look.message,
    // the file's own list: a rule's may be shared, and frozen
    suggestions: [...look.suggestions],
    profileKey: look.profileKey,
    boundary: look.boundary,
  };
  if (look.basis !== undefined) written.basis = look.basis;
  if (look.fixText !== undefined) written.fixText = look.fixText;
  if (look.items !== undefined) written.items = [...look.items];
  if (look.name !== undefined) written.name = look.name;
  if (look.minItems !== undefined) written.minItems = look.minItems;
  if (look.within !== undefined) written.within = look.within;
  if (look.groupCount !== undefined) written.groupCount = look.groupCount;
  if (look.pattern !== undefined) written.pattern = look.pattern;
  return written;
}

/** Typed arrays as base64 of their little-endian bytes; the alphabet as the string of its units. */
export interface EncodedAutomaton {
  alphabet: string;
  rootNext: string;
  edgeStart: string;
  edgeChar: string;
  edgeTarget: string;
  fail: string;
  out: string;
  outLink: string;
  patternLength: string;
}

export function encodeAutomaton(a: Automaton): EncodedAutomaton {
  let alphabet = "";
  for (let c = 0; c < 0x10000; c++) if (a.alpha[c]) alphabet += String.fromCharCode(c);
  return {
    alphabet,
    rootNext: toBase64(a.rootNext),
    edgeStart: toBase64(a.edgeStart),
    edgeChar: toBase64(a.edgeChar),
    edgeTarget: toBase64(a.edgeTarget),
    fail: toBase64(a.fail),
    out: toBase64(a.out),
    outLink: toBase64(a.outLink),
    patternLength: toBase64(a.patternLength),
  };
}

export function decodeAutomaton(e: EncodedAutomaton): Automaton {
  const alpha = new Uint16Array(0x10000);
  for (let i = 0; i < e.alphabet.length; i++) alpha[e.alphabet.charCodeAt(i)] = i + 1;
  return {
    alpha,
    rootNext: new Int32Array(fromBase64(e.rootNext)),
    edgeStart: new Int32Array(fromBase64(e.edgeStart)),
    edgeChar: new Uint16Array(fromBase64(e.edgeChar)),
    edgeTarget: new Int32Array(fromBase64(e.edgeTarget)),
    fail: new Int32Array(fromBase64(e.fail)),
    out: new Int32Array(fromBase64(e.out)),
    outLink: new Int32Array(fromBase64(e.outLink)),
    patternLength: new Int32Array(fromBase64(e.patternLength)),
  };
}

// Both exist in every browser and in Node ≥ 16; declared here because core is built without DOM types.
declare function btoa(data: string): string;
declare function atob(data: string): string;

// Typed arrays use the platform's byte order; every platform shengao runs on is little-endian.
function toBase64(array: Int32Array | Uint16Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  }
  return btoa(chunks.join(""));
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
