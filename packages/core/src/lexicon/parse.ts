import { isMap, isNode, isScalar, parseDocument, visit } from "yaml";
import { assertText } from "../arguments.js";
import { describeIssue, YAML_WORDS, yamlErrorMessage } from "./issues.js";
import type { LexiconProblem } from "./problem.js";
import { Entry, Pack } from "./schema.js";
import { typingSlips } from "./typingSlips.js";
import { isPlainObject, unchangedBy } from "./unchanged.js";

export type Path = readonly (string | number)[];

/** One lexicon file after parsing: the pack when it is valid, and every problem found. */
export interface ParsedLexicon {
  file: string;
  pack?: Pack;
  problems: LexiconProblem[];
  /**
   * A pack with schema errors whose head is sound: the entries that are sound on their own, with
   * their places in the file, so that validation checks them beside the schema's errors (a
   * reviewer sees a bad pattern at once, not after fixing a typo elsewhere).
   */
  partial?: { pack: Pack; entries: { entry: Entry; index: number }[]; unsure: Unsure };
  /** Line and column (1-based) of the value at `path` in the file, for messages and examples. */
  locate(path: Path): { line: number; column: number };
}

/**
 * What of a partial pack's head had schema errors and was replaced by its default, so that the
 * entries' checks that rely on it are left out: they would report what the reviewer did not write.
 */
export interface Unsure {
  /** `defaults`: the pack's normalisation, which empty-term and replacement-is-term apply */
  normalize?: true;
  /** `lists`: the lists juxtaposition entries name */
  lists?: true;
}

/** Parses one pack from YAML (JSON is YAML too). Never throws on bad text (a non-string is a TypeError). */
export function parseLexicon(source: string, file: string): ParsedLexicon {
  assertText(source, "parseLexicon(source, file)");
  // Big packs (the compiled word lists of an organisation) are JSON: parse them natively and only
  // fall back to the YAML parser, which knows lines and columns, when there is something to report.
  const json = parseJson(source);
  if (isCompiledFile(json)) return compiledFile(file);
  const fast = json === undefined || json === NOT_JSON ? undefined : safeParsePack(json, false);
  // JSON.parse keeps the last of two keys alike, losing the first (two "terms" in one entry): the
  // YAML parser says where. A pack written by hand is small; a big one is a tool's, not looked at.
  const repeats = fast?.success === true && source.length <= REPEATED_KEY_LIMIT && hasRepeatedKey(source);
  if (fast?.success && !repeats) return { file, pack: fast.data, problems: [], locate: lazyLocate(source) };
  const parsed = parseYaml(source, file);
  // JSON is YAML, and YAML forgives what JSON does not (a trailing comma, a comment): the pack
  // reads, but a .json file that other JSON tools refuse is worth a word to the reviewer
  if (
    /\.json$/i.test(file) &&
    (json === NOT_JSON || (json === undefined && !isStrictJson(source))) &&
    parsed.problems.every((p) => p.code !== "yaml-syntax")
  ) {
    parsed.problems.unshift(notJson(source, file, parsed.locate, parsed.pack !== undefined));
  }
  return parsed;
}

/**
 * Strict JSON that parseJson does not try (an array, say): its schema errors say what is wrong,
 * not its syntax.
 */
function isStrictJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

function notJson(
  source: string,
  file: string,
  locate: ParsedLexicon["locate"],
  read: boolean,
): LexiconProblem {
  const slip = notJsonAt(source);
  const at = slip === undefined ? locate([]) : offsetLocator(source)(slip.at);
  const what = slip?.what ?? "不是严格的 JSON（如有注释、单引号或没加引号的键）";
  return {
    code: "not-json",
    file,
    ...at,
    message: `${what}。${read ? "词库已按 YAML 读出，可以使用" : "已按 YAML 读取，其他错误可能由此而来"}；但别的 JSON 工具读不了这个文件，请改正`,
    severity: "warning",
  };
}

/**
 * The first thing outside strings that JSON forbids and YAML forgives, and what it is: a comma
 * before a closing bracket, a quotation mark other than ", a comment, a key without quotes.
 */
function notJsonAt(source: string): { at: number; what: string } | undefined {
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ",") {
      let j = i + 1;
      while (j < source.length && /\s/.test(source[j] as string)) j++;
      if (source[j] === "]" || source[j] === "}")
        return { at: i, what: "这里多了一个逗号，JSON 不允许最后一项后面有逗号" };
    } else if ("“”‘’'".includes(c))
      return { at: i, what: `这里用了${c === "'" ? "单引号" : "全角引号"}「${c}」，JSON 只认半角双引号 "` };
    else if (c === "/" && (source[i + 1] === "/" || source[i + 1] === "*"))
      return { at: i, what: "这里有注释，JSON 不允许注释" };
    else if (/[A-Za-z_]/.test(c) && /[{,]\s*$/.test(source.slice(Math.max(0, i - 40), i)))
      return { at: i, what: '这里的键没有加双引号，JSON 的键要写成 "id" 这样' };
  }
  return undefined;
}

/** Line and column (1-based, UTF-16 code units as editors count them) of offsets into `source`. */
function offsetLocator(source: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  // a byte order mark is no column (editors do not show it)
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - (starts[lo] as number) + 1;
    return { line: lo + 1, column: lo === 0 && offset >= bom ? column - bom : column };
  };
}

/** `lexicon build`'s output, given where a pack is read. */
function isCompiledFile(raw: unknown): boolean {
  return isPlainObject(raw) && typeof raw.format === "string" && raw.format.startsWith("shengao-compiled");
}

/** Said as what it is, not as the forty schema errors of a pack. */
function compiledFile(file: string): ParsedLexicon {
  const at = { line: 1, column: 1 };
  const message =
    "这是 shengao lexicon build 编译后的词库，这里要的是词库源文件（.yaml、.json）；编译后的文件在浏览器扩展的“导入词库”里导入";
  return {
    file,
    problems: [{ code: "compiled-file", file, ...at, message, severity: "error" }],
    locate: () => at,
  };
}

/** YAML syntax errors reported one by one; the others are counted in one more problem. */
const SHOWN_YAML_ERRORS = 10;

function parseYaml(source: string, file: string): ParsedLexicon {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  // from the source's own line ends: yaml's LineCounter misses those inside an erroneous token,
  // and every later line was then off
  const locateOffset = offsetLocator(source);
  const locate = (path: Path) => {
    // walk up the path until a node exists: a missing key is reported at its parent
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return locateOffset(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const syntax = (offset: number, message: string): LexiconProblem => ({
    code: "yaml-syntax",
    file,
    ...locateOffset(offset),
    message,
    severity: "error",
  });
  const found = doc.errors.map((error) =>
    syntax(
      unclosedQuoteAt(source, error.message) ?? error.pos[0],
      yamlErrorMessage(error.code, error.message.split("\n")[0] as string),
    ),
  );
  // a key written as a list or a map (`? [a]`): JS objects hold only text keys, and yaml would
  // stringify it with a warning on the process; no field of a pack is named so
  visit(doc, {
    Pair(_key, pair) {
      if (!isNode(pair.key) || isScalar(pair.key) || !pair.key.range) return;
      found.push(
        syntax(
          pair.key.range[0],
          "YAML 格式错误：字段名必须是一个词，这里写成了列表或映射（多半是多写了 ? 或方括号、花括号）",
        ),
      );
    },
  });
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  // a slip is the cause only where the parser stumbled: a full-width space opening a paragraph
  // of a block scalar (message: |) is the reviewer's text, not indentation
  const stumbled = new Set(found.map((p) => p.line));
  const slips = typingSlips(found.length > 0 ? source : "")
    .map((slip) => syntax(slip.at, `YAML 格式错误：${slip.message}`))
    .filter((slip) => stumbled.has(slip.line));
  // in the order of the file: `found` is sorted, and afterSlips sorts what it adds
  const problems = slips.length > 0 ? afterSlips(slips, found) : firstOf(found);
  if (problems.length > 0) return { file, problems, locate };
  // a key, rather than its value: an unknown key is reported where it is written
  const locateKey = (path: Path, key: string) => {
    const map = doc.getIn(path, true);
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    return isScalar(pair?.key) && pair.key.range ? locateOffset(pair.key.range[0]) : locate(path);
  };
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // an alias whose anchor is missing, or aliases that expand too far (a "billion laughs")
    const words = (error instanceof Error ? error.message.split("\n")[0] : undefined) ?? String(error);
    // at the alias the error names (yaml says it last: "…: name"), else the first alias
    const named = /: (\S+)$/.exec(words)?.[1];
    let at: { line: number; column: number } | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (!node.range || (at !== undefined && node.source !== named)) return undefined;
        at = locateOffset(node.range[0]);
        return node.source === named ? visit.BREAK : undefined;
      },
    });
    at ??= { line: 1, column: 1 };
    const message = `YAML 格式错误：别名（*名字）用不了：它引用的锚点（&名字）不存在或展开太多；词库里不需要锚点和别名，请把内容直接写出来（${words}）`;
    return { file, problems: [{ code: "yaml-syntax", file, ...at, message, severity: "error" }], locate };
  }
  if (isCompiledFile(raw)) return compiledFile(file);
  const result = safeParsePack(raw, true);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path as Path;
      // each unknown key on its own line, at the key: a reviewer fixes them one by one
      const issues =
        issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue];
      for (const one of issues) {
        problems.push({
          code: "schema",
          file,
          ...(one.code === "unrecognized_keys"
            ? locateKey(path, one.keys[0] as string)
            : one.code === "invalid_key"
              ? locateKey(path.slice(0, -1), String(path.at(-1)))
              : locate(path)),
          message: describeIssue(one, YAML_WORDS),
          severity: "error",
        });
      }
    }
    // in the order of the file, as a reviewer goes through it
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    const partial = partialPack(raw);
    return partial ? { file, problems, partial, locate } : { file, problems, locate };
  }
  return { file, pack: result.data, problems, locate };
}

/** The longest JSON pack looked at for a repeated key (characters): a hand-written pack is far smaller. */
export const REPEATED_KEY_LIMIT = 1_000_000;

/** Whether an object in valid JSON text holds one key twice (keys compared as JSON reads them). */
function hasRepeatedKey(json: string): boolean {
  // per open bracket: the keys of an object, or null for an array
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c /* \ */) i++;
      if (!keyNext) continue;
      keyNext = false;
      const raw = json.slice(start, i + 1);
      const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const keys = open[open.length - 1] as Set<string>;
      if (keys.has(key)) return true;
      keys.add(key);
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b /* [ */) open.push(null);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x2c /* , */) keyNext = open[open.length - 1] !== null;
  }
  return false;
}

/** parseJson tried a source that begins as a JSON object and JSON refused it. */
const NOT_JSON = Symbol("not JSON");

/**
 * The JSON value of a source that begins as a JSON object (a big pack's form), NOT_JSON when it is
 * not valid JSON, undefined for any other source (YAML: not tried).
 */
function parseJson(source: string): unknown {
  if (!/^\s*\{/.test(source)) return undefined;
  try {
    // a byte order mark (Notepad's "UTF-8 with BOM") is no part of the JSON
    return JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  } catch {
    return NOT_JSON;
  }
}

// The pack is parsed without its entries and they are put back: sound only while neither the pack
// nor its list of entries has checks of its own (a check that all ids differ would not see them).
const entryUnchanged =
  (Pack.def.checks ?? []).length === 0 && (Pack.shape.entries.def.innerType.def.checks ?? []).length === 0
    ? unchangedBy(Entry)
    : undefined;

/**
 * `Pack.safeParse`, with each entry that the schema would return unchanged taken as it is (see
 * unchanged.ts) and only the others parsed by zod. Anything that fails goes to zod whole, so the
 * problems and their paths are zod's own.
 */
function safeParsePack(raw: unknown, reportInput: boolean): ReturnType<typeof Pack.safeParse> {
  const whole = () => Pack.safeParse(raw, { reportInput });
  if (!entryUnchanged || !isPlainObject(raw) || !Array.isArray(raw.entries)) return whole();
  const entries: unknown[] = raw.entries;
  const checked: Entry[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (entryUnchanged(entry)) {
      checked[i] = entry as Entry;
      continue;
    }
    const result = Entry.safeParse(entry);
    if (!result.success) return whole();
    checked[i] = result.data;
  }
  const rest = Pack.safeParse({ ...raw, entries: [] });
  if (!rest.success) return whole();
  rest.data.entries = checked;
  return rest;
}

/** The sound head and sound entries of a pack that failed its schema (see ParsedLexicon.partial). */
function partialPack(raw: unknown): ParsedLexicon["partial"] {
  if (!isPlainObject(raw) || !Array.isArray(raw.entries)) return undefined;
  const head = soundHead(raw);
  if (head === undefined) return undefined;
  const entries: { entry: Entry; index: number }[] = [];
  raw.entries.forEach((value: unknown, index) => {
    const entry = Entry.safeParse(value);
    if (entry.success) entries.push({ entry: entry.data, index });
  });
  return { pack: head.pack, entries, unsure: head.unsure };
}

/** Stand-ins for the head's required fields, which no entry check reads. */
const STAND_INS: Readonly<Record<string, string>> = { id: "pack", name: "词库", version: "0.0.0" };

/**
 * The pack's head without its entries, each field with schema errors replaced by a stand-in or
 * its default (an unknown key dropped), and which of them entry checks cannot rely on.
 */
function soundHead(raw: Record<string, unknown>): { pack: Pack; unsure: Unsure } | undefined {
  const head: Record<string, unknown> = { ...raw, entries: [] };
  const first = Pack.safeParse(head);
  if (first.success) return { pack: first.data, unsure: {} };
  const unsure: Unsure = {};
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (key === undefined && issue.code === "unrecognized_keys") {
      for (const unknown of issue.keys) delete head[unknown];
      continue;
    }
    if (typeof key !== "string") return undefined;
    if (key === "defaults") unsure.normalize = true;
    if (key === "lists") unsure.lists = true;
    if (STAND_INS[key] !== undefined) head[key] = STAND_INS[key];
    else delete head[key];
  }
  const second = Pack.safeParse(head);
  return second.success ? { pack: second.data, unsure } : undefined;
}

/**
 * Where the quote opens that the parser says is never closed (it says so at the end of the file,
 * where the reviewer would look in vain): the last such quote mark in the file, since a later one
 * would have closed it ('' inside single quotes is an escaped quote, not a close).
 */
function unclosedQuoteAt(source: string, parserWords: string): number | undefined {
  const quote = /^Missing closing (['"])quote/.exec(parserWords)?.[1];
  if (quote === undefined) return undefined;
  let at = source.lastIndexOf(quote);
  while (quote === "'" && at > 0 && source[at - 1] === "'") at = source.lastIndexOf(quote, at - 2);
  return at < 0 ? undefined : at;
}

/**
 * The errors to show when the source has typing slips: the slips, where the parser's errors on
 * their lines are only their consequence, and the errors before the first of them; the errors
 * after it (one slip throws every later line out of step) are counted in one more problem.
 */
function afterSlips(slips: LexiconProblem[], found: readonly LexiconProblem[]): LexiconProblem[] {
  const slipLines = new Set(slips.map((slip) => slip.line));
  const first = (slips[0] as LexiconProblem).line;
  const others = found.filter((p) => !slipLines.has(p.line));
  const after = others.filter((p) => p.line > first);
  const shown = [...slips, ...others.filter((p) => p.line < first)];
  if (after.length > 0) shown.push(moreErrors(after[0] as LexiconProblem, after.length));
  return shown.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The first few syntax errors, and the rest counted: one slip (a comment's # deleted) can make
 * every later line an error, and the first few say where to look.
 */
function firstOf(found: readonly LexiconProblem[]): LexiconProblem[] {
  const shown = found.slice(0, SHOWN_YAML_ERRORS);
  const more = found[SHOWN_YAML_ERRORS];
  if (more !== undefined) shown.push(moreErrors(more, found.length - SHOWN_YAML_ERRORS));
  return shown;
}

function moreErrors(at: LexiconProblem, count: number): LexiconProblem {
  return {
    ...at,
    message: `从这里起还有 ${count} 处 YAML 格式错误，多半是上面的错误（或它之前的一行）引起的：先改正上面的，再检查一遍`,
  };
}

/** Locations for a pack parsed as JSON, computed from a YAML parse only when first asked for. */
function lazyLocate(source: string): ParsedLexicon["locate"] {
  let locate: ParsedLexicon["locate"] | undefined;
  return (path) => {
    locate ??= parseYaml(source, "").locate;
    return locate(path);
  };
}
