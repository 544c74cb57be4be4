import { assertText } from "../arguments.js";
import { describeIssue, describeValue, JSON_WORDS, pathName } from "../lexicon/issues.js";
import { unchangedBy } from "../lexicon/unchanged.js";
import type { CompiledLexicons } from "../serialize.js";
import { checkCompiled } from "./check.js";
import { type JsonPath, jsonSyntaxErrorAt, lineColumn, locateJson } from "./jsonLocation.js";
import type { CompiledProblem, CompiledProblemCode } from "./problem.js";
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
 * Never throws on bad text (a non-string is a TypeError).
 */
export function parseCompiled(source: string, file: string): ParsedCompiled {
  assertText(source, "parseCompiled(source, file)");
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
  // a file as `shengao lexicon build` wrote it is what the schema returns: zod need not copy it
  let data = compiledUnchanged?.(json) ? (json as CompiledLexicons) : undefined;
  if (!data) {
    const result = CompiledSchema.safeParse(json, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues)
        report("compiled-schema", issue.path as JsonPath, describeIssue(issue, JSON_WORDS));
      return done();
    }
    data = result.data;
  }
  checkCompiled(data, (code, path, message) => report(code, path, `${pathName(path)} ${message}`));
  return done(data);
}

function syntaxMessage(text: string, at: number): string {
  if (text.trim() === "") return "文件是空的，不是编译后的词库";
  if (at >= text.length) return "不是有效的 JSON：文件在这里意外结束（可能没有下载或复制完整）";
  const here = text.slice(at, at + 10).split(/[\r\n]/)[0] || "换行";
  return `不是有效的 JSON：这里的「${here}」不合语法（文件可能被截断或改动过）`;
}

const compiledUnchanged = unchangedBy(CompiledSchema);

const BUILD = "shengao lexicon build";

/** Says why JSON that parsed is not compiled lexicons this version can read, or nothing. */
function checkFormat(json: unknown): { path: JsonPath; message: string } | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return {
      path: [],
      message: `不是编译后的词库：应为一个 JSON 对象（${BUILD} 的输出），实际是 ${describeValue(json, JSON_WORDS)}`,
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
    message: `「format」应为 "${COMPILED_FORMAT}"，实际是 ${describeValue(format, JSON_WORDS)}：不是编译后的词库`,
  };
}
