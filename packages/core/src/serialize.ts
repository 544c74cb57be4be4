import type { PackInfo, RuleInfo } from "./compile.js";
import type { Automaton } from "./match/automaton.js";
import type { Rule } from "./rules/rule.js";

/** Compiled lexicons; `A` is the automaton: live typed arrays, or base64 text in the JSON form. */
export interface Compiled<A> {
  format: "shengao-compiled/1";
  packs: PackInfo[];
  rules: Rule[];
  ruleInfo: RuleInfo[];
  profiles: ProfileData<A>[];
  segmenterWords: string[];
}

export interface ProfileData<A> {
  key: number;
  automaton: A;
  targets: { start: number[]; data: number[] };
}

/** The compiled lexicons as plain JSON: what `shengao lexicon build` writes and the extension loads. */
export type CompiledLexicons = Compiled<EncodedAutomaton>;

export function encodeCompiled(c: Compiled<Automaton>): CompiledLexicons {
  return { ...c, profiles: c.profiles.map((p) => ({ ...p, automaton: encodeAutomaton(p.automaton) })) };
}

export function decodeCompiled(c: CompiledLexicons): Compiled<Automaton> {
  return { ...c, profiles: c.profiles.map((p) => ({ ...p, automaton: decodeAutomaton(p.automaton) })) };
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
