import type { z } from "zod";
import { Entry } from "./schema.js";
import { isPlainObject } from "./unchanged.js";

/**
 * Plain Chinese for what zod found wrong in a lexicon file or a compiled one. The two formats
 * name values in their own words: a reviewer's YAML has 键值对 and lists written with `-`, a
 * compiled JSON file has objects.
 */
export interface Vocabulary {
  array: string;
  object: string;
}

export const YAML_WORDS: Vocabulary = { array: "列表（每项以 - 开头）", object: "键值对" };
export const JSON_WORDS: Vocabulary = { array: "列表", object: "对象" };

/** `「entries.3.terms」`, or 文件 for the whole file. */
export function pathName(path: readonly PropertyKey[]): string {
  return path.length > 0 ? `「${path.map(String).join(".")}」` : "文件";
}

// A message the schema wrote itself (in Chinese, e.g. 至少写一个词) says it best; zod's own are English.
const WRITTEN_BY_SCHEMA = /[\u3400-\u9fff]/;

export function describeIssue(issue: z.core.$ZodIssue, words: Vocabulary): string {
  const where = pathName(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 0 && (issue.input === null || issue.input === undefined))
        return "文件是空的（或只有注释）：词库至少要写 id、name、version 和 entries，见审校人员指南";
      if (issue.input === undefined) return `${where} 缺少必填项`;
      // `message:` with nothing after it is null to YAML
      if (issue.input === null && issue.expected === "string")
        return `${where} 没有写内容：冒号后面要写文字（同一行，或下一行缩进）`;
      // version: 1.0 is the number 1 to YAML: "should be text, is the number 1" alone puzzles
      if (issue.expected === "string" && typeof issue.input === "number")
        return issue.path.at(-1) === "version"
          ? `${where} 版本号要写三段数字，如 1.0.0（写成一段或两段会被当作数字）`
          : `${where} 应为 文字，这里被当作了数字：请把它用单引号括起来`;
      return `${where} 应为 ${typeName(issue.expected, words)}，实际是 ${describeValue(issue.input, words)}`;
    case "unrecognized_keys":
      return `${where} 有不认识的字段：${issue.keys.join("、")}${
        misplacedField(issue.keys, issue.path) ?? otherKindsField(issue.keys, issue.input) ?? "（拼写错误？）"
      }`;
    case "invalid_key": {
      // a record's key the schema refuses (a list named Countries or 国家): its own words say why
      const own = issue.issues.map((i) => i.message).find((m) => WRITTEN_BY_SCHEMA.test(m));
      const key = String(issue.path.at(-1));
      return `${pathName(issue.path.slice(0, -1))} 里的「${key}」写法不对${own === undefined ? "" : `：${own}`}`;
    }
    case "invalid_value":
      return `${where} 只能是 ${issue.values.map(String).join("、")} 之一，实际是 ${describeValue(issue.input, words)}`;
    case "invalid_union":
      // a discriminated union: zod lists the discriminator's values without declaring them in the type
      if (
        "discriminator" in issue &&
        issue.discriminator &&
        "options" in issue &&
        Array.isArray(issue.options)
      ) {
        // zod's path ends at the discriminator; say which field when it does not
        const field = issue.path.at(-1) === issue.discriminator ? "" : ` 的 ${issue.discriminator}`;
        const kinds = issue.options.map(String).join("、");
        const input: unknown = issue.input;
        const given = isPlainObject(input) ? input[issue.discriminator] : undefined;
        if (isPlainObject(input) && given === undefined) {
          const entry = pathName(
            issue.path.at(-1) === issue.discriminator ? issue.path.slice(0, -1) : issue.path,
          );
          return `${entry} 缺少 ${issue.discriminator}：写明条目的类型，${kinds} 之一`;
        }
        return `${where}${field} 只能是 ${kinds} 之一${given === undefined ? "" : `，实际是 ${describeValue(given, words)}`}`;
      }
      return `${where} 写法不对：${issue.message}`;
    case "too_small":
      if (WRITTEN_BY_SCHEMA.test(issue.message)) return `${where} ${issue.message}`;
      if (issue.origin === "array") return `${where} 至少要有 ${issue.minimum} 项`;
      // a bound that is itself allowed, or not: `within: 0` must not read "may not be less than 0"
      return `${where} ${issue.inclusive ? "不能小于" : "必须大于"} ${issue.minimum}，实际是 ${describeValue(issue.input, words)}`;
    case "too_big":
      if (WRITTEN_BY_SCHEMA.test(issue.message)) return `${where} ${issue.message}`;
      return `${where} ${issue.inclusive ? "不能大于" : "必须小于"} ${issue.maximum}，实际是 ${describeValue(issue.input, words)}`;
    default:
      return `${where} ${issue.message}`;
  }
}

/**
 * A field known elsewhere, written in the wrong place: `flag:` or `pass:` not indented under
 * `examples:`, or an entry's own field in an override (which only switches an entry off or
 * changes its severity). "Spelling mistake?" would mislead.
 */
function misplacedField(keys: readonly string[], path: readonly PropertyKey[]): string | undefined {
  if (keys.length !== 1) return undefined;
  const key = keys[0] as string;
  if (path[0] === "overrides" && path.length === 2)
    return "：overrides 里每一项只能写 entry（要覆盖的条目）、severity（改级别）和 disabled（停用）；要改提示语等，请在本词库另写一个条目";
  if (path[0] === "entries" && path.length === 2 && (key === "flag" || key === "pass"))
    return `：${key} 要写在 examples: 下面，缩进两格（见审校人员指南第四节）`;
  return undefined;
}

/**
 * When an entry's unknown field belongs to another kind of entry (`replacement` on a `term`), what
 * to do about it: the reviewer most likely chose the wrong kind, and "spelling mistake?" misleads.
 */
function otherKindsField(keys: readonly string[], input: unknown): string | undefined {
  if (!isPlainObject(input) || typeof input.kind !== "string" || keys.length !== 1) return undefined;
  const key = keys[0] as string;
  const owners = Entry.options.filter((o) => key in o.shape).map((o) => o.shape.kind.value);
  if (owners.length === 0) return undefined;
  const kinds = owners.join(" 或 ");
  return `：这是 ${kinds} 类条目的字段，本条目的 kind 是 ${input.kind}；要用它，请把 kind 改成 ${kinds}（并按那一类的写法写全），否则删去它`;
}

export function typeName(expected: string, words: Vocabulary): string {
  const names: Record<string, string> = {
    string: "文字",
    number: "数字",
    int: "整数",
    boolean: "true 或 false",
    array: words.array,
    object: words.object,
  };
  return names[expected] ?? expected;
}

/** A value as a message shows it: its kind, and the value itself when it is short. */
export function describeValue(value: unknown, words: Vocabulary): string {
  if (Array.isArray(value)) return "列表";
  if (value === null) return "空值 null";
  if (typeof value === "object") return words.object;
  const text = JSON.stringify(value) ?? String(value);
  return `${typeName(typeof value, words)} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/**
 * The YAML parser's errors that reviewers meet, in their words and with the fix; the parser's own
 * (English) words follow in brackets. Reviewers are not programmers: "Nested mappings are not
 * allowed in compact mappings" does not tell them that the colon in their message is the trouble.
 */
const YAML_ERRORS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY:
    "这一行里多了一个“冒号加空格”，或者缩进没对齐：文字里有“: ”的，整段用单引号括起来；同一层的字段要对齐",
  MULTILINE_IMPLICIT_KEY: "字段名要写在一行里：多半是这一行或上一行的缩进不对，或者少了冒号",
  BLOCK_IN_FLOW: "方括号里的一项含有“冒号加空格”：把这一项用单引号括起来",
  TAB_AS_INDENT: "缩进里有 Tab：请一律用两个空格缩进",
  DUPLICATE_KEY: "同一层里有两个相同的字段名",
  BAD_INDENT: "缩进不对，或者方括号没有配对",
  BAD_SCALAR_START: "值不能以 @、%、` 这样的符号开头：请把整段用单引号括起来（如 '@某某 …'）",
  BAD_DQ_ESCAPE: "双引号里的反斜杠 \\ 有特殊含义，这里的写法不成立：正则等含反斜杠的内容请改用单引号括起来",
  MULTIPLE_DOCS: "“---”之后又开始了一个词库：一个文件只写一个词库，请删去这一行，另一个词库另存为一个文件",
};

/** The parser gives UNEXPECTED_TOKEN for many faults: its words tell the one reviewers meet. */
const UNEXPECTED: [RegExp, string][] = [
  // message: "科普"写错了。 — a quoted value ends at its closing quote, and the rest is left over
  [
    /Unexpected scalar at node end/i,
    '值写完了后面还有字：多半是值以引号开头，引号收尾后又接着写了字（如 "科普"写错了）；请把整段再用单引号括起来：\'"科普"写错了。\'',
  ],
  [/Unexpected flow-seq-end|Unexpected flow-map-end/i, "多了一个右括号：方括号、花括号要一左一右配对"],
];

/** The parser gives MISSING_CHAR for many faults: its words tell which. */
const MISSING: [RegExp, string][] = [
  [/quote/i, "引号没有配对：开头的引号在后面要有一个同样的引号收尾"],
  [/followed by map values/i, "这一行少了冒号：字段名后面要写“: ”再写值"],
  [/without - indicator/i, "缩进不对：列表的每一项以“- ”开头，同一条目的字段要对齐"],
  [/Missing , /i, "方括号或花括号里的两项之间少了逗号"],
  [/(flow|\]|\})/i, "方括号或花括号没有配对"],
];

export function yamlErrorMessage(code: string, parserWords: string): string {
  const words =
    code === "MISSING_CHAR"
      ? (MISSING.find(([said]) => said.test(parserWords))?.[1] ?? "这里少了一个符号")
      : code === "UNEXPECTED_TOKEN"
        ? UNEXPECTED.find(([said]) => said.test(parserWords))?.[1]
        : YAML_ERRORS[code];
  return words === undefined ? `YAML 格式错误：${parserWords}` : `YAML 格式错误：${words}（${parserWords}）`;
}
