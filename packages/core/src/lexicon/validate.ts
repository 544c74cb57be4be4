import { assertParsedLexicons } from "../arguments.js";
import { type CharTable, charTable, clauseEndIn, LIST_COMMA } from "../normalize/charTable.js";
import { innerBreak, type Normalized, normalizeTerm, normalizeText } from "../normalize/normalizeText.js";
import { ALL_ON, resolveProfile } from "../normalize/profile.js";
import { LETTER_OR_DIGIT, ScreenContext } from "../rules/context.js";
import { patternError } from "../rules/pattern.js";
import { Role, ruleIdOf } from "../rules/rule.js";
import { createIntlSegmenter } from "../segment/intlSegmenter.js";
import type { Segmenter } from "../segment/segmenter.js";
import { EntryIds } from "./entryIds.js";
import { forEachNeed } from "./needs.js";
import { overridesOf } from "./overrides.js";
import type { ParsedLexicon, Path, Unsure } from "./parse.js";
import { anchorsWholeText, unmatchableLiteral } from "./patternLiterals.js";
import type { LexiconProblem, ProblemCode } from "./problem.js";
import type { Entry, EntryOf, Pack, Severity } from "./schema.js";

/**
 * Checks that need more than one entry or more than the schema: duplicate ids, a term given two
 * different verdicts, overrides of unknown entries, patterns RE2 rejects, unknown list references,
 * terms that normalise to nothing. Only packs that parsed are checked.
 */
export function validatePacks(parsed: readonly ParsedLexicon[]): LexiconProblem[] {
  assertParsedLexicons(parsed, "validatePacks(packs)");
  const problems: LexiconProblem[] = [];
  const report = (
    p: ParsedLexicon,
    path: Path,
    code: ProblemCode,
    message: string,
    severity: "error" | "warning" = "error",
  ) => problems.push(ownedBy(p, { code, file: p.file, ...p.locate(path), message, severity }));
  const entryReporter =
    (p: ParsedLexicon): EntryReport =>
    (i, path, code, message, severity) =>
      report(p, ["entries", i, ...path], code, message, severity);
  const valid = parsed.filter((p) => p.pack);
  const entryIds = new Map<string, EntryIds>();
  for (const [i, earlier] of duplicateIds(valid.map((p) => (p.pack as Pack).id))) {
    const p = valid[i] as ParsedLexicon;
    report(
      p,
      ["id"],
      "duplicate-pack",
      duplicateMessage((p.pack as Pack).id, (valid[earlier] as ParsedLexicon).file),
    );
  }
  for (const p of valid) {
    const pack = p.pack as Pack;
    const entries = pack.entries;
    const ids = new EntryIds(entries);
    // a pack whose id an earlier one has is left out: overrides name the earlier one's entries
    if (!entryIds.has(pack.id)) entryIds.set(pack.id, ids);
    // one reporter per pack, not one per entry: a big pack has a hundred thousand entries
    const reportEntry = entryReporter(p);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as Entry;
      if (!ids.add(i)) reportDuplicateId(reportEntry, i, entry.id);
      checkEntry(pack, entry, i, reportEntry);
    }
  }
  // a pack with schema errors: each sound entry's own checks, beside the schema's errors
  for (const p of parsed) {
    if (p.pack || !p.partial) continue;
    const { pack, entries, unsure } = p.partial;
    const reportEntry = entryReporter(p);
    const ids = new EntryIds(entries.map((e) => e.entry));
    entries.forEach(({ entry, index }, k) => {
      if (!ids.add(k)) reportDuplicateId(reportEntry, index, entry.id);
      checkEntry(pack, entry, index, reportEntry, unsure);
    });
  }
  for (const p of valid) {
    const overridden = new Set<string>();
    (p.pack as Pack).overrides.forEach((o, i) => {
      if (overridden.has(o.entry))
        report(
          p,
          ["overrides", i, "entry"],
          "repeated-override",
          `「${o.entry}」在本词库的 overrides 里写了两次：两条会合并，同一个字段以后一条为准；请合成一条`,
          "warning",
        );
      overridden.add(o.entry);
      const slash = o.entry.indexOf("/");
      if (!entryIds.get(o.entry.slice(0, slash))?.has(o.entry.slice(slash + 1))) {
        report(
          p,
          ["overrides", i, "entry"],
          "unknown-override",
          `要覆盖的条目「${o.entry}」不存在（词库没有加载，或编号写错）；这条覆盖不起作用，本词库其余部分照常使用`,
          // the pack's own entries are sound: a society's pack copied without the defaults, or
          // with a default pack broken, still screens
          "warning",
        );
      }
    });
  }
  problems.push(...conflictingVerdicts(valid));
  return problems;
}

/** Reports a problem at `path` inside entry `i` of the pack. */
type EntryReport = (
  i: number,
  path: Path,
  code: ProblemCode,
  message: string,
  severity?: "error" | "warning",
) => void;

/** Nothing unsure: one object for every entry of a sound pack, where a default `{}` made one each. */
const SURE: Unsure = Object.freeze({});

function reportDuplicateId(report: EntryReport, i: number, id: string): void {
  report(i, ["id"], "duplicate-id", `条目编号「${id}」在本词库中重复`);
}

/** Entry `i`'s own checks but its id's (see EntryIds). */
function checkEntry(pack: Pack, entry: Entry, i: number, report: EntryReport, unsure: Unsure = SURE): void {
  if (!unsure.normalize) checkNormalised(pack, entry, i, report);
  if (entry.kind === "juxtaposition" && !unsure.lists) {
    for (const [path, ref] of [
      [["first"], entry.first],
      [["second"], entry.second],
    ] as const) {
      if (typeof ref === "string" && !pack.lists[ref.slice(1)]) {
        const defined = Object.keys(pack.lists);
        report(
          i,
          path,
          "unknown-list",
          `列表「${ref}」没有在本词库的 lists 中定义（${
            defined.length > 0
              ? `本词库的列表有：${defined.map((name) => `$${name}`).join("、")}`
              : "本词库没有写 lists"
          }）`,
        );
      }
    }
  }
  if (entry.kind === "pattern") {
    const why = patternError(entry.pattern);
    if (why !== undefined)
      report(
        i,
        ["pattern"],
        "bad-pattern",
        `正则表达式无法用 RE2 编译（不支持回溯引用 \\1、环视 (?=…) 等需要回溯的写法）：${why}`,
      );
    else {
      if (!unsure.normalize) checkPatternLiterals(pack, entry, i, report);
      if (anchorsWholeText(entry.pattern))
        report(
          i,
          ["pattern"],
          "whole-text-anchor",
          "正则里的 ^ 或 $ 指整篇文字的开头或结尾，不是每句、每行：一篇稿子里只能在最开头或最末尾查到（例句是单独一句，所以 lexicon test 会通过）；要指每一行、每一句或分句（逗号后）的开头结尾，在正则最前面加 (?m)",
          "warning",
        );
    }
  }
  if (entry.exceptions && entry.kind !== "pattern" && !unsure.normalize && !unsure.lists)
    checkExceptions(pack, entry, i, report);
  if (entry.kind === "enumeration") {
    entry.items.forEach((item, j) => {
      if (entry.items.indexOf(item) < j)
        report(
          i,
          ["items", j],
          "repeated-item",
          `items 里「${item}」写了两次：每一项只写一次（否则每一处正确的写法都会被当成少了一项标出来）`,
        );
    });
    if (entry.minItems !== undefined && entry.minItems > entry.items.length)
      report(
        i,
        ["minItems"],
        "schema",
        `minItems 是 ${entry.minItems}，可 items 只有 ${entry.items.length} 项：不紧跟总称的列举就永远不会被检查`,
      );
    for (const key of Object.keys(entry.wrongItems)) {
      if (!entry.items.includes(key))
        report(i, ["wrongItems", key], "schema", `wrongItems 的「${key}」不是 items 中的一项`);
    }
  }
}

/** A character the pattern writes that the normalised text it runs over never holds. */
function checkPatternLiterals(pack: Pack, entry: EntryOf<"pattern">, i: number, report: EntryReport): void {
  const table = charTable(resolveProfile(entry.normalize, pack.defaults.normalize));
  const found = unmatchableLiteral(entry.pattern, table);
  if (found === undefined) return;
  const { char, becomes } = found;
  const why =
    becomes === "removed"
      ? `文字比对前会去掉标点、空格和符号，「${char}」不会出现；请删去它（或对本条目关闭 noise 归一化）`
      : becomes === "line-break"
        ? `「${char}」结束一句或一个分句，比对前换成了换行；请删去它，或写成 \\n`
        : `文字比对前会统一写法，「${char}」都变成了「${becomes.to}」；请写成「${becomes.to}」`;
  report(i, ["pattern"], "unmatchable-pattern", `正则里的「${char}」永远匹配不到：${why}`, "warning");
}

/**
 * An exception is a longer wording that holds one of the entry's words (中国台湾 for 台湾): one that
 * holds none never applies, and is most likely a word of the entry put in the wrong field or a typo.
 * A pattern's hits are not known before screening: its exceptions are not checked.
 */
function checkExceptions(pack: Pack, entry: Entry, i: number, report: EntryReport): void {
  const table = charTable(resolveProfile(entry.normalize, pack.defaults.normalize));
  const words: string[] = [];
  forEachNeed(pack, entry, 0, {
    add(text, _rule, role) {
      if (role !== Role.exception) words.push(normalizeTerm(text, table));
    },
  });
  (entry.exceptions ?? []).forEach((exception, j) => {
    const normalised = normalizeTerm(exception, table, true);
    if (normalised.length > 0 && words.includes(normalised)) {
      // “第一” or 第一 between spaces: the marks are not compared, so the exception is the word itself
      report(
        i,
        ["exceptions", j],
        "exception-is-term",
        `例外「${exception}」比对时就是要找的词「${normalised}」本身（标点、空格和符号不参与比对），本条目因此什么也查不出：例外要写包含这个词的更长的文字（如 第一 的例外 第一次）`,
        "warning",
      );
      return;
    }
    if (words.some((word) => word.length > 0 && normalised.includes(word))) {
      // a mark at its edge says a clause ends there (。第一，); one between its words is dropped
      const mark = innerClauseMark(exception, table);
      if (mark !== undefined)
        report(
          i,
          ["exceptions", j],
          "split-term",
          `例外「${exception}」中间有“${mark}”：句号、逗号等标点在词语中间不参与比对，这个例外实际按「${normalised.replaceAll("\n", "")}」比对，标点两边的文字连在一起才算；请只写标点一边的文字（写在开头或结尾的标点表示一句或分句在那里结束，如 。第一，）`,
          "warning",
        );
      return;
    }
    report(
      i,
      ["exceptions", j],
      "useless-exception",
      `例外「${exception}」里没有本条目要找的词，它不会起作用：例外要写包含这个词的更长说法（如 台湾 的例外 中国台湾）；请检查是否写错，或者它本该是要找的词`,
      "warning",
    );
  });
}

/** The checks that apply the entry's normalisation (and so the pack's defaults) to its strings. */
function checkNormalised(pack: Pack, entry: Entry, i: number, report: EntryReport): void {
  if ("terms" in entry) checkTerms(pack, entry, entry.terms, i, report, "terms");
  if (entry.kind === "replace") {
    // the right form among the wrong ones (as matching sees them: 帳號 is 帐号 when traditional
    // forms are matched): every correct use would be flagged, and "fixed" to itself
    const profile = resolveProfile(entry.normalize, pack.defaults.normalize);
    const table = charTable(profile);
    const right = normalizeTerm(entry.replacement, table);
    const j = entry.terms.findIndex((term) => normalizeTerm(term, table) === right);
    if (j >= 0)
      report(
        i,
        ["terms", j],
        "replacement-is-term",
        `「${entry.terms[j]}」${entry.terms[j] === entry.replacement ? "" : `按本条目的归一化设置就是「${entry.replacement}」，`}既是要替换的词，又是替换成的写法：正确的写法也会被标出来，请从 terms 里删去它`,
      );
    else {
      const covers = (entry.exceptions ?? []).map((x) => normalizeTerm(x, table)).filter((x) => x.length > 0);
      const read = normalizeText(entry.replacement, profile);
      const terms = entry.terms.map((term) => normalizeTerm(term, table));
      const words = new ScreenContext(
        entry.replacement,
        (entry.boundary ?? pack.defaults.boundary) ? wordsOf(entry.terms.map((t) => t.trim())) : undefined,
      );
      const k = terms.findIndex((term) => uncoveredIn(words, read, term, covers));
      if (k >= 0)
        report(
          i,
          ["replacement"],
          "replacement-has-term",
          `替换成的「${entry.replacement}」里仍有要替换的「${entry.terms[k]}」：改过的文字还会被标出，一键修改也改不掉；请把「${entry.replacement}」写进 exceptions，或改写 replacement`,
          "warning",
        );
    }
  }
  if (entry.kind === "canonical") checkTerms(pack, entry, entry.variants, i, report, "variants");
  if (entry.kind === "enumeration") checkTerms(pack, entry, entry.items, i, report, "items");
  if (entry.kind === "juxtaposition") {
    // a list written out in place; a `$name` reference is checked against the pack's lists
    if (Array.isArray(entry.first)) checkTerms(pack, entry, entry.first, i, report, "first");
    if (Array.isArray(entry.second)) checkTerms(pack, entry, entry.second, i, report, "second");
  }
  if (entry.kind === "near") {
    entry.groups.forEach((group, j) => {
      checkTerms(pack, entry, group, i, report, "groups", j);
    });
  }
}

/**
 * Whether `term` occurs in `read` (the text of `words`, normalised; the term too) outside every
 * occurrence of the `covers`, as screening finds it: not inside a longer Latin word of the original
 * (GPT in ChatGPT is no hit; in GPT-4 it is), and a whole word when the entry asks for one (天王 in
 * 天王星 is none).
 */
function uncoveredIn(
  words: ScreenContext,
  read: Normalized,
  term: string,
  covers: readonly string[],
): boolean {
  if (term.length === 0) return false;
  const text = read.text;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const start = read.from[at] as number;
    const end = read.to[at + term.length - 1] as number;
    if (!words.respectsLatinWords(start, end) || !words.isWholeWord(start, end)) continue;
    const covered = covers.some((cover) => {
      for (let c = text.indexOf(cover); c >= 0 && c <= at; c = text.indexOf(cover, c + 1))
        if (c + cover.length >= at + term.length) return true;
      return false;
    });
    if (!covered) return true;
  }
  return false;
}

/**
 * The browser's segmenter (ICU's dictionary, as the extension cuts) with the entry's terms as words;
 * none where the runtime has no Intl.Segmenter, every hit then taken as a word. In Node screening
 * cuts with jieba, which may see a few words otherwise: this check only warns.
 */
function wordsOf(terms: readonly string[]): Segmenter | undefined {
  if (typeof Intl.Segmenter !== "function") return undefined;
  const segmenter = createIntlSegmenter();
  segmenter.addWords(terms);
  return segmenter;
}

/**
 * Whether a space stands between two Han characters (砖家 叫兽): Chinese words have none, and two
 * terms in one flow list without a comma, or a YAML list item missing its "- " (folded onto the
 * line before), read so. Looked for with a loop first: a big word list has a hundred thousand terms.
 */
function spacedHan(text: string): boolean {
  let space = false;
  for (let k = 0; k < text.length && !space; k++) {
    const c = text.charCodeAt(k);
    space = c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
  }
  return space && SPACED_HAN.test(text);
}

const SPACED_HAN = /\p{Script=Han}\s+\p{Script=Han}/u;

/**
 * The first symbol in a term that says what it means (C++, C#, 100%, 1/2, 3.14, ¥100, AT&T), which
 * noise normalisation drops: left with letters and digits alone (c, 100, 12, 314), the term may flag
 * every one of them (`symbolSaysMuch`). Hyphens, quotes and spaces are not such symbols (Wi-Fi is wifi, rightly).
 */
function meaningfulSymbolIn(text: string): string | undefined {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    // a loop before the class: a big word list's terms are nearly all Han
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    const char = text.charAt(k);
    if (MEANINGFUL_SYMBOL.test(char)) return char;
  }
  return undefined;
}

/**
 * Whether dropping the symbols leaves a term that flags what it did not mean: a symbol at its edge
 * (C++ is c, 100% is 100, U.S. is us), a number (3.14 is 314, 1/2 is 12), one beside a digit (3.5mm
 * is 35mm, C++11 is c11), or two characters at most.
 * One inside a longer word leaves a word as rare as the term (Node.js is nodejs, example.com is
 * examplecom): no warning.
 */
function symbolSaysMuch(text: string, read: string): boolean {
  const t = text.trim();
  return (
    MEANINGFUL_SYMBOL.test(t.charAt(0)) ||
    MEANINGFUL_SYMBOL.test(t.charAt(t.length - 1)) ||
    /^[0-9]+$/.test(read) ||
    read.length <= 2 ||
    // next to a digit it is part of a number or a version (3.5mm is 35mm, C++11 is c11, v1.2 is v12)
    BY_A_DIGIT.test(t)
  );
}

const BY_A_DIGIT =
  /[0-9０-９][+%‰#&@=<>~^|/\\*$¥€£×÷±.:．：％＋＃＆＠／]|[+%‰#&@=<>~^|/\\*$¥€£×÷±.:．：％＋＃＆＠／][0-9０-９]/u;
const MEANINGFUL_SYMBOL = /[+%‰#&@=<>~^|/\\*$¥€£×÷±.:．：％＋＃＆＠／]/u;

/**
 * Reports each of `texts` (at `key`, or `key`.`group`) that normalises to nothing. Big packs have a
 * hundred thousand terms: nothing is made for a term that is fine, and only a term without a
 * letter or digit, which alone can normalise to nothing, resolves the entry's profile.
 */
function checkTerms(
  pack: Pack,
  entry: Entry,
  texts: readonly string[],
  i: number,
  report: EntryReport,
  key: string,
  group?: number,
): void {
  for (let j = 0; j < texts.length; j++) {
    const text = texts[j] as string;
    if (text.charCodeAt(0) === 0x24 /* $ */ && /^\$\w+$/.test(text)) {
      report(
        i,
        termPath(key, group, j),
        "list-in-brackets",
        `「${text}」会被当成一个词来查，而不是列表：引用列表要单独写在字段后面（如 second: ${text}），不加方括号也不加短横线`,
        "warning",
      );
      continue;
    }
    const mark = clauseEndIn(text);
    if (
      mark !== undefined &&
      LETTER_OR_DIGIT.test(text) && // punctuation alone is an empty term, below
      resolveProfile(entry.normalize, pack.defaults.normalize).noise
    ) {
      report(
        i,
        termPath(key, group, j),
        "split-term",
        `「${text}」中间有“${mark}”：句号、逗号等标点表示一句或一个分句结束，词不会跨过它们，这样写查不到；若是几个词，请分成几项（如 [砖家, 叫兽]）`,
        "warning",
      );
      continue;
    }
    if (spacedHan(text)) {
      const noise = resolveProfile(entry.normalize, pack.defaults.normalize).noise;
      const joined = text.replace(/\s+/gu, "");
      report(
        i,
        termPath(key, group, j),
        "spaced-term",
        `「${text}」中间有空格：${noise ? `空格不参与比对，这样写只查得出连着写的「${joined}」` : "本条目比对空格，这样写只查得出原文里同样隔着空格的写法"}；若是几个词，请分成几项（如 [砖家, 叫兽]）。YAML 里每个词都要以“- ”开头，漏写或缩进不齐时，下一行会接到上一个词后面`,
        "warning",
      );
      continue;
    }
    const symbol = meaningfulSymbolIn(text);
    if (symbol !== undefined) {
      const profile = resolveProfile(entry.normalize, pack.defaults.normalize);
      const read = profile.noise ? normalizeTerm(text, charTable(profile)) : text;
      if (profile.noise && /^[a-z0-9]+$/.test(read) && symbolSaysMuch(text, read)) {
        report(
          i,
          termPath(key, group, j),
          "dropped-symbol",
          `「${text}」里的“${symbol}”比对时不算（符号按 noise 归一化不参与比对），这个词实际按「${read}」比对，原文里单独的「${read}」都会标出；请写成不靠符号也认得出的词，或给本条目设 normalize: { noise: false }，逐字比对符号`,
          "warning",
        );
        continue;
      }
    }
    // the profile is resolved only for a term with a comma at its edge, as below for one without a
    // letter: not for each of a big word list's terms
    if (
      (text.startsWith(LIST_COMMA) || text.endsWith(LIST_COMMA)) &&
      LETTER_OR_DIGIT.test(text) &&
      resolveProfile(entry.normalize, pack.defaults.normalize).noise
    ) {
      report(
        i,
        termPath(key, group, j),
        "comma-at-edge",
        `「${text}」头尾有顿号：原文也要在这里有顿号才查得出；多半是复制列表时带上的，请删去`,
        "warning",
      );
      continue;
    }
    if (LETTER_OR_DIGIT.test(text)) continue;
    const table = charTable(resolveProfile(entry.normalize, pack.defaults.normalize));
    // a term of commas alone would flag every list's 、: as empty as a term of spaces
    if (normalizeTerm(text, table).split(LIST_COMMA).join("").length > 0) continue;
    report(
      i,
      termPath(key, group, j),
      "empty-term",
      `「${text}」归一化后为空（只有标点、空格或符号），无法匹配；请写出文字，或关闭 noise 归一化`,
    );
  }
}

/** Where term j of `key` (or of `key`.`group`) is: made only for a report, not for each fine term. */
function termPath(key: string, group: number | undefined, j: number): Path {
  return group === undefined ? [key, j] : [key, group, j];
}

/**
 * A clause mark between an exception's words, as matching reads it (a break left inside its
 * normalised form). One at its start or end is no slip: it says a clause ends there. Under a
 * profile without noise skipping a mark is a character like any other, and no break.
 */
function innerClauseMark(text: string, table: CharTable): string | undefined {
  // most exceptions hold no mark: only those are normalised again
  const mark = clauseEndIn(text);
  return mark !== undefined && innerBreak(text, table) ? mark : undefined;
}

/** The first entry that gave a term its verdict. */
interface Claim {
  p: ParsedLexicon;
  pack: Pack;
  entry: Entry;
  verdict: string;
}

/**
 * A term two entries flag with different severities or different fixes: the reviewer must choose.
 * One that an entry of another pack flags alike is a warning: each place is marked twice (a unit's
 * pack that copied a default entry to change its message, where an override says it once).
 */
function conflictingVerdicts(valid: readonly ParsedLexicon[]): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  /** per pack and the pack first claiming its terms alike: the first such term, and how many */
  const alike = new Map<string, { problem: LexiconProblem; count: number; message: (n: number) => string }>();
  // a conflict needs two verdicts: a big word list flags every term alike, and normalising and
  // keying its hundred thousand terms would find nothing
  // an entry switched off or re-levelled by an override says what the override says (the way a
  // reviewer resolves a conflict with a pack they do not own)
  const overrides = overridesOf(valid.map((p) => p.pack as Pack));
  const verdictIn = (pack: Pack, entry: EntryOf<"term"> | EntryOf<"replace">): string | undefined => {
    if (overrides.size === 0) return verdictOf(pack, entry);
    const override = overrides.get(ruleIdOf(pack.id, entry.id));
    return override?.disabled ? undefined : verdictOf(pack, entry, override?.severity);
  };
  const verdicts = new Set<string>();
  for (const p of valid) {
    const pack = p.pack as Pack;
    for (let i = 0; i < pack.entries.length; i++) {
      const entry = pack.entries[i] as Entry;
      if (entry.kind !== "term" && entry.kind !== "replace") continue;
      const verdict = verdictIn(pack, entry);
      if (verdict !== undefined) verdicts.add(verdict);
    }
  }
  if (verdicts.size < 2) return problems;
  const table = charTable(ALL_ON);
  const claims = new Map<string, Claim>();
  for (const p of valid) {
    const pack = p.pack as Pack;
    pack.entries.forEach((entry, i) => {
      if (entry.kind !== "term" && entry.kind !== "replace") return;
      const verdict = verdictIn(pack, entry);
      if (verdict === undefined) return;
      const claim: Claim = { p, pack, entry, verdict };
      entry.terms.forEach((term, j) => {
        const key = normalizeTerm(term, table);
        const first = claims.get(key);
        if (!first) {
          claims.set(key, claim);
        } else if (first.verdict === verdict && first.pack !== pack) {
          const pair = `${pack.id}\n${first.pack.id}`;
          const seen = alike.get(pair);
          if (seen) seen.count++;
          else {
            const claimedBy = ruleIdOf(first.pack.id, first.entry.id);
            const ruleId = ruleIdOf(pack.id, entry.id);
            const message = (n: number) =>
              `「${term}」${n > 1 ? `等 ${n} 个词` : ""}已被 ${claimedBy}（${fileName(first.p.file)}）${n > 1 ? "等条目" : ""}同样判定（${ruleId}）：同一处会标两次。要改原条目的说明、级别或依据，请在本词库用 overrides 停用或改变原条目，只留一处`;
            const problem = ownedBy(p, {
              code: "same-term-elsewhere",
              file: p.file,
              ...p.locate(["entries", i, "terms", j]),
              message: message(1),
              severity: "warning",
            });
            alike.set(pair, { problem, count: 1, message });
          }
        } else if (first.verdict !== verdict && first.entry !== entry) {
          const ruleId = ruleIdOf(pack.id, entry.id);
          const claimedBy = ruleIdOf(first.pack.id, first.entry.id);
          const [was, now] = verdictsShown(first.verdict, verdict);
          problems.push(
            ownedBy(p, {
              code: "conflicting-verdict",
              file: p.file,
              ...p.locate(["entries", i, "terms", j]),
              message:
                first.pack === pack
                  ? `「${term}」已被本词库的 ${claimedBy} 判为 ${was}，这里判为 ${now}（${ruleId}）；请统一这两个条目`
                  : `「${term}」已被 ${claimedBy}（${fileName(first.p.file)}）判为 ${was}，这里判为 ${now}（${ruleId}）；请统一，或在本词库用 overrides 停用或改变原条目`,
              severity: "error",
            }),
          );
        }
      });
    });
  }
  for (const { problem, count, message } of alike.values()) {
    problem.message = message(count);
    problems.push(problem);
  }
  return problems;
}

/**
 * The reviewers' guide's rules, checked for `lexicon validate` and kept out of `validatePacks`
 * (which loading runs: keying every term of a hundred-thousand-term pack costs the build tens of
 * milliseconds): a term written in two entries of one pack, an entry without a basis, an entry
 * without a `flag` and a `pass` example. All warnings: the pack screens as it is.
 */
export function guideChecks(parsed: readonly ParsedLexicon[]): LexiconProblem[] {
  return [...repeatedTerms(parsed), ...parsed.flatMap(missingBasisOrExamples)];
}

/** Past this many entries lacking the same thing, one warning counts them (a generated word list). */
const LISTED_GAPS = 5;

/** Entries without a basis (the pack gives none either), or without a flag and a pass example. */
function missingBasisOrExamples(p: ParsedLexicon): LexiconProblem[] {
  const pack = p.pack;
  if (!pack) return [];
  const problems: LexiconProblem[] = [];
  const gaps = (
    code: ProblemCode,
    lacking: number[],
    one: (entry: Entry) => string,
    many: (count: number, entry: Entry) => string,
  ) => {
    const shown = lacking.length > LISTED_GAPS ? lacking.slice(0, 1) : lacking;
    for (const i of shown) {
      const entry = pack.entries[i] as Entry;
      const message = lacking.length > LISTED_GAPS ? many(lacking.length, entry) : one(entry);
      problems.push(
        ownedBy(p, { code, file: p.file, ...p.locate(["entries", i, "id"]), message, severity: "warning" }),
      );
    }
  };
  const indexes = (lacks: (entry: Entry) => boolean) =>
    pack.entries.flatMap((entry, i) => (lacks(entry) ? [i] : []));
  gaps(
    "missing-basis",
    pack.basis ? [] : indexes((entry) => !entry.basis),
    (entry) => `条目 ${entry.id} 没有写 basis（依据）：写上文件名称和条款，词库开头写了通用依据的可以不写`,
    (count, entry) =>
      `${count} 个条目没有写 basis（依据），从 ${entry.id} 起：写上文件名称和条款，或在词库开头写通用的 basis`,
  );
  gaps(
    "missing-examples",
    indexes((entry) => !entry.examples?.flag?.length || !entry.examples?.pass?.length),
    (entry) =>
      `条目 ${entry.id} 没有${lackedExamples(entry)}例句：每个条目至少写一句应标出的（flag）、一句不应标出的（pass），lexicon test 才能替你检查它`,
    (count, entry) =>
      `${count} 个条目缺少 flag 或 pass 例句，从 ${entry.id} 起：每个条目至少写一句应标出的、一句不应标出的`,
  );
  return problems;
}

function lackedExamples(entry: Entry): string {
  const flag = !entry.examples?.flag?.length;
  const pass = !entry.examples?.pass?.length;
  return flag && pass ? " flag 和 pass " : flag ? " flag " : " pass ";
}

/**
 * A term written in two entries of one pack (as matching sees it: 帳號 and 帐号 are one term when
 * traditional forms are matched): each flags it, and an editor sees one word marked twice. Across
 * packs a repeat is how a society's pack adds its own message to a default term, and stays allowed.
 */
function repeatedTerms(parsed: readonly ParsedLexicon[]): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  for (const p of parsed) {
    const pack = p.pack;
    if (!pack) continue;
    const first = new Map<string, string>();
    pack.entries.forEach((entry, i) => {
      const texts =
        entry.kind === "term" || entry.kind === "replace"
          ? entry.terms
          : entry.kind === "canonical"
            ? entry.variants
            : [];
      if (texts.length === 0) return;
      const table = charTable(resolveProfile(entry.normalize, pack.defaults.normalize));
      const key = entry.kind === "canonical" ? "variants" : "terms";
      const seenHere = new Set<string>();
      texts.forEach((text, j) => {
        const normalised = normalizeTerm(text, table);
        if (seenHere.has(normalised)) return; // a repeat inside one entry flags once
        seenHere.add(normalised);
        const claimedBy = first.get(normalised);
        if (claimedBy === undefined) {
          first.set(normalised, ruleIdOf(pack.id, entry.id));
          return;
        }
        problems.push(
          ownedBy(p, {
            code: "repeated-term",
            file: p.file,
            ...p.locate(["entries", i, key, j]),
            message: `「${text}」也写在本词库的 ${claimedBy} 里：两个条目都会标出它，编辑会看到同一处标了两次；请只留在一个条目里`,
            severity: "warning",
          }),
        );
      });
    });
  }
  return problems;
}

/** A file's name without its folders: a message names a pack's file, not the reviewer's machine. */
function fileName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
}

/**
 * Two verdicts as a message says them: a fix as 改为“…”, and, beside one, a verdict without any as
 * 不给改法 (warning against warning → 很好 read as no difference at all).
 */
function verdictsShown(a: string, b: string): [string, string] {
  const shown = (verdict: string, other: string) => {
    const [severity, fix] = verdict.split(" → ");
    if (fix !== undefined) return `${severity}，改为“${fix}”`;
    return other.includes(" → ") ? `${severity}（不给改法）` : verdict;
  };
  return [shown(a, b), shown(b, a)];
}

/** What a term or replace entry says of its terms: its severity, and for a replacement, the fix. */
function verdictOf(pack: Pack, entry: EntryOf<"term"> | EntryOf<"replace">, overridden?: Severity): string {
  const severity = overridden ?? entry.severity ?? pack.defaults.severity;
  // a plain term's verdict is its severity: no new string per entry of a big pack
  return entry.kind === "replace" ? `${severity} → ${entry.replacement}` : severity;
}

/**
 * The packs that can be compiled, and every problem of all packs. A pack with an error is left out
 * (and its problems reported) so that one broken file never disables the others.
 */
export function usablePacks(parsed: readonly ParsedLexicon[]): {
  usable: ParsedLexicon[];
  problems: LexiconProblem[];
} {
  assertParsedLexicons(parsed, "usablePacks(packs)");
  const problems = [...parsed.flatMap((p) => p.problems), ...validatePacks(parsed)];
  // by the pack a problem belongs to, not its file name: packs parsed in a browser may share one
  const broken = new Set(problems.filter((q) => q.severity === "error").map((q) => problemOwner.get(q)));
  let usable = parsed.filter(
    (p) => p.pack && !broken.has(p) && !p.problems.some((q) => q.severity === "error"),
  );
  // nothing left out: validating the same packs again would find the same problems
  if (usable.length === parsed.filter((p) => p.pack).length) return { usable: settled(usable), problems };
  // leaving a pack out can leave another's overrides pointing nowhere: settle until nothing changes
  for (;;) {
    const again = validatePacks(usable);
    // what leaving a pack out causes in the others (an override now pointing nowhere) is said too
    for (const q of again)
      if (!problems.some((r) => r.file === q.file && r.line === q.line && r.code === q.code))
        problems.push(q);
    const left = new Set(again.filter((q) => q.severity === "error").map((q) => problemOwner.get(q)));
    if (left.size === 0) return { usable: settled(usable), problems };
    usable = usable.filter((p) => !left.has(p));
  }
}

/** Lists usablePacks returned, with what each held then: validated together, no error. */
const settledLists = new WeakMap<readonly ParsedLexicon[], readonly Settled[]>();

/** A parsed file as validated: the object, its pack and how many problems it had. */
type Settled = readonly [ParsedLexicon, Pack | undefined, number];

function settled(usable: ParsedLexicon[]): ParsedLexicon[] {
  settledLists.set(
    usable,
    usable.map((p): Settled => [p, p.pack, p.problems.length]),
  );
  return usable;
}

/**
 * True when `parsed` is a list `usablePacks` returned, still holding the same files with the same
 * packs and problems: compiling it need not validate them again (a hundred thousand entries took
 * tens of milliseconds). A pack's entries changed in place are not looked for.
 */
export function validatedTogether(parsed: readonly ParsedLexicon[]): boolean {
  const then = settledLists.get(parsed);
  return (
    then !== undefined &&
    then.length === parsed.length &&
    then.every(
      ([p, pack, problems], i) => p === parsed[i] && p.pack === pack && p.problems.length === problems,
    )
  );
}

/**
 * A "duplicate-pack" problem for each pack whose id an earlier pack already has, at the pack's own
 * line and column, or at `locate(i)` of the i-th pack (asked only for a duplicate: locating a big
 * JSON pack parses it again). Lexicon sources are checked with it among themselves (`validatePacks`),
 * and against packs that are not compiled with them (a compiled file, `combineScreeners`).
 */
export function duplicatePacks(
  packs: readonly { id: string; file: string; line?: number; column?: number }[],
  locate: (index: number) => { line: number; column: number } = (i) => ({
    line: packs[i]?.line ?? 1,
    column: packs[i]?.column ?? 1,
  }),
): LexiconProblem[] {
  return duplicateIds(packs.map((p) => p.id)).map(([i, earlier]) => {
    const pack = packs[i] as (typeof packs)[number];
    return {
      code: "duplicate-pack",
      file: pack.file,
      ...locate(i),
      message: duplicateMessage(pack.id, (packs[earlier] as (typeof packs)[number]).file),
      severity: "error",
    };
  });
}

/** Each index whose id an earlier index has, with the first index that has it. */
function duplicateIds(ids: readonly string[]): [number, number][] {
  const first = new Map<string, number>();
  const pairs: [number, number][] = [];
  ids.forEach((id, i) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else pairs.push([i, earlier]);
  });
  return pairs;
}

function duplicateMessage(id: string, earlierFile: string): string {
  return `词库编号「${id}」与 ${earlierFile} 重复：每个词库的 id 都要不同，本单位的词库请另起一个 id（如果是同一个词库的新版本，请换下旧文件）`;
}

/** The pack each problem validatePacks made is about (usablePacks leaves that pack out). */
const problemOwner = new WeakMap<LexiconProblem, ParsedLexicon>();

function ownedBy(p: ParsedLexicon, problem: LexiconProblem): LexiconProblem {
  problemOwner.set(problem, p);
  return problem;
}
