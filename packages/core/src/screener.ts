import type { RE2JS } from "re2js";
import { assertText } from "./arguments.js";
import { type PackInfo, type RuleInfo, ruleInfoOf } from "./compile.js";
import type { Finding } from "./findings/finding.js";
import { fixSpan, isQuotedMention } from "./findings/fixSpan.js";
import { LineIndex } from "./findings/lineIndex.js";
import { sortFindings } from "./findings/order.js";
import { type Automaton, selfOverlapping } from "./match/automaton.js";
import { HitBuffer, type Scanner, scan, scanText, toScanner } from "./match/scanner.js";
import { BREAK, type CharTable, charTable, KEEP } from "./normalize/charTable.js";
import { LF, NormalizeBuffer, normalizeInto } from "./normalize/normalizeText.js";
import { profileFromKey, profileKey } from "./normalize/profile.js";
import { ScreenContext } from "./rules/context.js";
import { findEnumerations } from "./rules/enumeration.js";
import { HitTable, Kept } from "./rules/hitTable.js";
import { findJuxtapositions } from "./rules/juxtaposition.js";
import type { Look } from "./rules/looks.js";
import { findNear } from "./rules/near.js";
import { compilePattern, matchPattern } from "./rules/pattern.js";
import { type Hit, idOfRule, Role, type Rule } from "./rules/rule.js";
import { ScanOrderSpans, type Span } from "./rules/spans.js";
import {
  ARG,
  hitCode,
  isLoneCode,
  LENGTH,
  lengthOfCode,
  PATTERN_WIDTH,
  type PatternTargets,
  packTargets,
  patternOfCode,
  ROLE,
  RULE,
  ruleOfCode,
  SHARED_AT,
  SHARED_COUNT,
} from "./rules/targets.js";
import { findTerms, findTermsInTable, keepsWords } from "./rules/term.js";
import { createIntlSegmenter } from "./segment/intlSegmenter.js";
import type { Segmenter } from "./segment/segmenter.js";
import {
  COMPILED_FORMAT,
  type Compiled,
  type CompiledLexicons,
  decodeCompiled,
  encodeCompiled,
} from "./serialize.js";

export interface Screener {
  /** Every finding in `text`, sorted by start, the longer first, then by rule id. Pure: the same text gives the same findings. */
  screen(text: string): Finding[];
  /** The compiled lexicons as plain JSON, for `loadCompiled`. */
  serialize(): CompiledLexicons;
  readonly packs: readonly PackInfo[];
  /** Every entry of the packs: the rules screened, in order, then those an override switched off. */
  readonly rules: readonly RuleInfo[];
  readonly segmenter: Segmenter | undefined;
}

export interface ScreenerOptions {
  /**
   * Word segmenter for entries with `boundary: true`; lexicon terms are given to it (`addWords`), kept whole where they are words.
   * Default: Intl.Segmenter.
   */
  segmenter?: Segmenter | undefined;
}

interface Profile {
  table: CharTable;
  /** the text's own code units are what the automaton would see after normalisation: scan it as is */
  direct: boolean;
  /** some pattern begins or ends with a break (an exception's clause end): scan with the text framed by breaks */
  framed: boolean;
  scanner: Scanner;
  targets: PatternTargets;
  patterns: { rule: Rule; re: RE2JS }[];
}

const finders = {
  term: findTerms,
  replace: findTerms,
  canonical: findTerms,
  pattern: findTerms,
  enumeration: findEnumerations,
  juxtaposition: findJuxtapositions,
  near: findNear,
} satisfies Record<Look["kind"], (rule: Rule, hits: readonly Hit[], ctx: ScreenContext) => Span[]>;

/** Builds a screener from compiled lexicons without recompiling them. */
export function loadCompiled(data: CompiledLexicons, options: ScreenerOptions = {}): Screener {
  if (data?.format !== COMPILED_FORMAT) {
    throw new Error(`不是本版本 shengao 编译后的词库（format 应为 ${COMPILED_FORMAT}）`);
  }
  return createScreener(decodeCompiled(data), options);
}

export function createScreener(data: Compiled<Automaton>, options: ScreenerOptions = {}): Screener {
  // without a segmenter of its own, the screener uses the platform's (Intl.Segmenter), so that
  // `boundary: true` is never silently ignored
  const segmenter =
    options.segmenter ?? (typeof Intl.Segmenter === "function" ? createIntlSegmenter() : undefined);
  const rules = data.rules;
  // only `boundary: true` entries consult the segmenter: without one, a big word list need not be
  // loaded into its dictionary (nodejieba takes each word one by one)
  if (rules.some((r) => r.look.boundary)) segmenter?.addWords(data.segmenterWords);
  const stringsOf = stringsPerRule(data);
  const profiles: Profile[] = data.profiles.map((p) => {
    const table = charTable(profileFromKey(p.key));
    const patterns = rules
      .filter((r) => r.look.kind === "pattern" && r.look.profileKey === p.key)
      .map((rule) => ({ rule, re: compilePattern(rule) }));
    const targets = packTargets(p.automaton.patternLength, p.targets.start, p.targets.data);
    const lone = lonePatterns(rules, stringsOf, targets, p.automaton);
    return {
      table,
      direct: patterns.length === 0 && readsAsIs(table, p.automaton),
      framed: p.automaton.alpha[LF] !== 0,
      scanner: toScanner(p.automaton, (pattern) => hitCode(targets, pattern, lone[pattern] === 1)),
      targets,
      patterns,
    };
  });
  const buf = new NormalizeBuffer();
  const raw = new HitBuffer();
  let serialized: CompiledLexicons | undefined;
  let ruleInfo: RuleInfo[] | undefined;

  const hits = new HitTable(rules.length);
  const kept = new ScanOrderSpans();

  /** Fills `hits`; the caller clears it. */
  function collectHits(text: string): void {
    for (const p of profiles) {
      raw.length = 0;
      if (p.direct) scanText(p.scanner, text, raw);
      else {
        normalizeInto(text, p.table, buf);
        scan(p.scanner, buf.units, buf.length, raw, p.framed);
      }
      const { byPattern, shared } = p.targets;
      for (let i = 0; i < raw.length; i++) {
        const code = raw.pattern[i] as number;
        const at = code >= 0 ? -1 : PATTERN_WIDTH * patternOfCode(code);
        const last = raw.end[i] as number;
        const first = last - (code >= 0 ? lengthOfCode(code) : (byPattern[at + LENGTH] as number)) + 1;
        // a framed scan's breaks before and after the text are its start and end
        const start = p.direct ? first : first < 0 ? 0 : (buf.from[first] as number);
        const end = p.direct ? last + 1 : last === buf.length ? text.length : (buf.to[last] as number);
        if (code >= 0) {
          if (isLoneCode(code) && start < end && (p.direct || wholeUnits(buf, first, last)))
            hits.addLone(ruleOfCode(code), start, end);
          else hits.add(ruleOfCode(code), Role.hit, 0, start, end);
          continue;
        }
        const rule = byPattern[at + RULE] as number;
        if (rule >= 0) {
          hits.add(rule, byPattern[at + ROLE] as Role, byPattern[at + ARG] as number, start, end);
          continue;
        }
        const from = byPattern[at + SHARED_AT] as number;
        for (let t = from; t < from + 3 * (byPattern[at + SHARED_COUNT] as number); t += 3)
          hits.add(shared[t] as number, shared[t + 1] as Role, shared[t + 2] as number, start, end);
      }
      if (p.patterns.length > 0) {
        const normalized = buf.text();
        for (const { rule, re } of p.patterns) {
          for (const span of matchPattern(re, normalized, buf))
            hits.add(rule.index, Role.hit, 0, span.start, span.end);
        }
      }
    }
  }

  function screen(text: string): Finding[] {
    assertText(text, "screen(text)");
    const ctx = new ScreenContext(text, segmenter);
    const findings: Finding[] = [];
    try {
      collectHits(text);
      for (const index of hits.rulesHit) {
        const rule = rules[index] as Rule;
        const finder = finders[rule.look.kind];
        if (finder === findTerms && findTermsInTable(rule, hits, ctx, kept)) {
          for (let k = 0; k < kept.length; k++) hits.keep(kept.id[k] as number);
          continue;
        }
        for (const span of finder(rule, hits.hitsOf(index), ctx))
          findings.push(toFinding(rule, span.start, span.end, span.replacement, text));
      }
      // the hits kept above, and the lone ones, become findings in the order the scan found them,
      // by end: nearly the order of findings, which sorts them with a few moves each, where rule by
      // rule it took a sort
      for (let h = 0; h < hits.length; h++) {
        const kept = hits.kept(h);
        if (kept === Kept.no) continue;
        const rule = rules[hits.rule(h)] as Rule;
        const start = hits.start(h);
        const end = hits.end(h);
        if (kept === Kept.lone && !keepsWords(rule, start, end, ctx)) continue;
        findings.push(toFinding(rule, start, end, rule.look.fixText, text));
      }
    } finally {
      hits.clear();
    }
    return placeOnLines(sortFindings(findings), text);
  }

  return {
    screen,
    serialize() {
      serialized ??= encodeCompiled(data);
      return serialized;
    },
    packs: data.packs,
    // made when first asked for: a big word list's screener need not hold an object per entry more
    get rules() {
      ruleInfo ??= [...rules.map((r) => ruleInfoOf(r, false)), ...data.disabled];
      return ruleInfo;
    },
    segmenter,
  };
}

/**
 * Per rule, how many strings the automata match for it (its terms, exceptions, canonical form…,
 * counted once per pattern they made).
 */
function stringsPerRule(data: Compiled<Automaton>): Int32Array {
  const count = new Int32Array(data.rules.length);
  for (const p of data.profiles) {
    const targets = p.targets.data;
    for (let t = 0; t < targets.length; t += 3)
      count[targets[t] as number] = (count[targets[t] as number] as number) + 1;
  }
  return count;
}

/**
 * Per pattern, 1 when a hit on it is a finding by itself: it is its term rule's only string and
 * cannot overlap itself, so nothing of its rule can hide it (an exception, the canonical form) or
 * overlap it (another of its terms, another occurrence), and leftmost-longest keeps it. Worked out
 * before the scanner is laid out: asked for inside that loop, it made a build of 100,000 entries
 * about 60–100 ms slower, where on its own it takes under 10.
 */
function lonePatterns(
  rules: readonly Rule[],
  stringsOf: Int32Array,
  targets: PatternTargets,
  automaton: Automaton,
): Uint8Array {
  const patterns = automaton.patternLength.length;
  const lone = new Uint8Array(patterns);
  let overlapping: Uint8Array | undefined;
  for (let pattern = 0; pattern < patterns; pattern++) {
    const rule = rules[targets.byPattern[PATTERN_WIDTH * pattern + RULE] as number];
    if (rule === undefined || stringsOf[rule.index] !== 1 || finders[rule.look.kind] !== findTerms) continue;
    overlapping ??= selfOverlapping(automaton);
    if (overlapping[pattern] === 0) lone[pattern] = 1;
  }
  return lone;
}

/**
 * Whether the normalised units [first, last] came from whole characters of the original text: a
 * character that normalised to several units (NFKC: ㍿ is 株式会社) may end one hit and begin the
 * next, and their spans in the original would overlap where the units do not.
 */
function wholeUnits(buf: NormalizeBuffer, first: number, last: number): boolean {
  return (
    first >= 0 &&
    last < buf.length &&
    (first === 0 || buf.from[first - 1] !== buf.from[first]) &&
    (last + 1 === buf.length || buf.to[last + 1] !== buf.to[last])
  );
}

/** A finding of `rule` at [start, end); its lines and columns are set by `placeOnLines`. */
function toFinding(
  rule: Rule,
  start: number,
  end: number,
  replacement: string | undefined,
  text: string,
): Finding {
  const look = rule.look;
  const finding: Finding = {
    ruleId: idOfRule(rule),
    lexiconId: look.lexiconId,
    entryId: rule.entryId,
    kind: look.kind,
    category: look.category,
    severity: look.severity,
    message: look.message,
    start,
    end,
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    text: text.slice(start, end),
    suggestions: suggestionsOf(look, replacement),
  };
  if (replacement !== undefined && !expandsAtEdge(text, start, end) && !isQuotedMention(text, start, end))
    finding.fix = { ...fixSpan(text, start, end, replacement), replacement };
  // the finding's own basis: a rule shares its basis with its pack's other rules, or its look's
  if (look.basis !== undefined)
    finding.basis = typeof look.basis === "string" ? look.basis : { ...look.basis };
  return finding;
}

/**
 * True when the span starts or ends with a character that matching read as several (NFKC: ㍿ is
 * 株式会社): the hit may be only part of it (会社), and a fix replacing the whole character would
 * delete the rest. Such a finding keeps its suggestions and loses its one-click fix.
 */
function expandsAtEdge(text: string, start: number, end: number): boolean {
  const first = text.codePointAt(start) as number;
  const last = text.codePointAt(
    end - 1 - (end - 2 >= start && isLowSurrogate(text, end - 1) ? 1 : 0),
  ) as number;
  return expands(first) || expands(last);
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function expands(codePoint: number): boolean {
  if (codePoint < 0x80) return false;
  const char = String.fromCodePoint(codePoint);
  return char.normalize("NFKC").length > char.length;
}

/**
 * The finding's suggestions, its fix first: an enumeration's fix keeps the list's own separator
 * (创新，协调，…), where the rule suggests the items joined by 、, so the fix replaces that one.
 */
function suggestionsOf(look: Look, replacement: string | undefined): string[] {
  const own = look.suggestions;
  if (replacement === undefined || own[0] === replacement)
    // a rule without suggestions shares one frozen empty list, which slice() copies the slow way
    return own.length === 0 ? [] : own.slice();
  return [replacement, ...(look.kind === "enumeration" ? own.slice(1) : own)];
}

/**
 * Sets the lines and columns of findings sorted by start, in `text`: a search of the line starts
 * only when a finding starts past the current line, where a search per finding cost more than
 * making it. Exported for a caller that screened another text and moved the findings' offsets
 * back to the file's (the CLI's Markdown, each soft break read as one space) to place them on the
 * lines of the file itself.
 */
export function placeOnLines(findings: Finding[], text: string): Finding[] {
  if (findings.length === 0) return findings;
  const lines = new LineIndex(text);
  let line = 1;
  for (const f of findings) {
    line = lines.lineFrom(f.start, line);
    f.line = line;
    f.column = lines.column(f.start, line);
    f.endLine = lines.lineFrom(f.end, line);
    f.endColumn = lines.column(f.end, f.endLine);
  }
  return findings;
}

/**
 * True when normalising with `table` changes nothing the automaton can see, so that offsets map
 * one to one and the text can be scanned without a copy: every switch is off (exact matching;
 * with any on, an astral character may normalise to a unit a pattern uses, or vanish), every code
 * unit a pattern uses is kept as it is, and a unit normalisation does change (a line break made
 * LF) becomes one no pattern uses, so it resets the scan either way.
 */
function readsAsIs(table: CharTable, automaton: Automaton): boolean {
  const { profile, kind, unit } = table;
  if (profileKey(profile) !== 0) return false;
  const { alpha } = automaton;
  if (alpha[LF] !== 0) return false;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      // surrogates pass through an exact profile as they are
      if (alpha[c] !== 0) return false;
      continue;
    }
    const k = kind[c];
    if (
      alpha[c] !== 0
        ? k !== KEEP || unit[c] !== c
        : k !== BREAK && (k !== KEEP || alpha[unit[c] as number] !== 0)
    )
      return false;
  }
  return true;
}
