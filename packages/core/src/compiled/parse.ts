import type { z } from "zod";
import type { CompiledLexicons } from "../serialize.js";
import { checkCompiled } from "./check.js";
import { type JsonPath, jsonSyntaxErrorAt, lineColumn, locateJson } from "./jsonLocation.js";
import { type CompiledProblem, type CompiledProblemCode, pathName } from "./problem.js";
import { COMPILED_FORMAT, CompiledSchema } from "./schema.js";

/** One compiled lexicon file after checking: the data when it can be loaded, and every problem found. */
export interface ParsedCompiled {
  file: string;
  /** Present when there are no problems: safe to give to `loadCompiled`. */
  data?: CompiledLexicons;
  problems: CompiledProblem[];
  /** Line and column (1-based) of the value at `path` in the file. */
  locate(path: JsonPath): { line: number; column: number };
}

/** A corrupted file can be wrong in every element of a big array; the first few say enough. */
const MAX_PROBLEMS = 20;

/**
 * Checks the text of a compiled lexicon file (`shengao lexicon build`, `Screener.serialize()`)
 * before it is loaded: JSON, the format, the structure, then what the screener trusts (check.ts).
 * Never throws on bad input.
 */
export function parseCompiled(source: string, file: string): ParsedCompiled {
  // an editor's byte-order mark is invisible to the user: columns are counted without it
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const locate = (path: JsonPath) => locateJson(text, path);
  const found: { code: CompiledProblemCode; path: JsonPath; message: string }[] = [];
  let more = 0;
  const report = (code: CompiledProblemCode, path: JsonPath, message: string) => {
    if (found.length < MAX_PROBLEMS) found.push({ code, path, message });
    else more++;
  };
  const done = (data?: CompiledLexicons): ParsedCompiled => {
    const problems = found.map(
      (p): CompiledProblem => ({ ...p, file, ...locate(p.path), severity: "error" }),
    );
    const last = problems[problems.length - 1];
    if (more > 0 && last) last.message += `（另有 ${more} 个问题未列出）`;
    return problems.length === 0 && data ? { file, data, problems, locate } : { file, problems, locate };
  };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const at = Math.max(0, jsonSyntaxErrorAt(text));
    const problem: CompiledProblem = {
      code: "json-syntax",
      file,
      path: [],
      ...lineColumn(text, at),
      message: syntaxMessage(text, at),
      severity: "error",
    };
    return { file, problems: [problem], locate };
  }
  const notCompiled = checkFormat(json);
  if (notCompiled) {
    report("not-compiled", notCompiled.path, notCompiled.message);
    return done();
  }
  const result = CompiledSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues)
      report("compiled-schema", issue.path as JsonPath, describeIssue(issue));
    return done();
  }
  checkCompiled(result.data, (code, path, message) => report(code, path, `${pathName(path)} ${message}`));
  return done(result.data);
}

function syntaxMessage(text: string, at: number): string {
  if (text.trim() === "") return "文件是空的，不是编译后的词库";
  if (at >= text.length) return "不是有效的 JSON：文件在这里意外结束（可能没有下载或复制完整）";
  const here = text.slice(at, at + 10).split(/[\r\n]/)[0] || "换行";
  return `不是有效的 JSON：这里的「${here}」不合语法（文件可能被截断或改动过）`;
}

const BUILD = "shengao lexicon build";

/** Says why JSON that parsed is not compiled lexicons this version can read, or nothing. */
function checkFormat(json: unknown): { path: JsonPath; message: string } | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return {
      path: [],
      message: `不是编译后的词库：应为一个 JSON 对象（${BUILD} 的输出），实际是 ${describeValue(json)}`,
    };
  const format = (json as { format?: unknown }).format;
  if (format === COMPILED_FORMAT) return undefined;
  if (format === undefined) {
    const looksLikePack = "entries" in json && "id" in json;
    return {
      path: [],
      message: looksLikePack
        ? `没有「format」：这是词库源文件，不是编译后的词库（${BUILD} 的输出）；请按词库文件导入`
        : `没有「format」：不是编译后的词库（${BUILD} 的输出）`,
    };
  }
  if (typeof format === "string" && format.startsWith("shengao-compiled/"))
    return {
      path: ["format"],
      message: `格式版本「${format}」不是本版本能读的 ${COMPILED_FORMAT}：请用同一版本的 ${BUILD} 重新生成`,
    };
  return {
    path: ["format"],
    message: `「format」应为 "${COMPILED_FORMAT}"，实际是 ${describeValue(format)}：不是编译后的词库`,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = pathName(issue.path as JsonPath);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `${where} 缺少必填项`
        : `${where} 应为 ${typeName(issue.expected)}，实际是 ${describeValue(issue.input)}`;
    case "invalid_value":
      return `${where} 只能是 ${issue.values.map((v) => JSON.stringify(v)).join("、")} 之一，实际是 ${describeValue(issue.input)}`;
    case "invalid_union":
      // zod lists the discriminator's values without declaring them in the issue's type
      if ("options" in issue && Array.isArray(issue.options))
        return `${where} 只能是 ${issue.options.map(String).join("、")} 之一`;
      return `${where} 写法不对：${issue.message}`;
    case "too_small":
      return issue.origin === "array"
        ? `${where} 至少要有 ${issue.minimum} 项`
        : `${where} 不能小于 ${issue.minimum}，实际是 ${describeValue(issue.input)}`;
    case "too_big":
      return `${where} 不能大于 ${issue.maximum}，实际是 ${describeValue(issue.input)}`;
    default:
      return `${where} ${issue.message}`;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: "文字",
    number: "数字",
    int: "整数",
    boolean: "true 或 false",
    array: "列表",
    object: "对象",
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "列表";
  if (value === null) return "空值 null";
  if (typeof value === "object") return "对象";
  const text = JSON.stringify(value) ?? String(value);
  return `${typeName(typeof value)} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}
