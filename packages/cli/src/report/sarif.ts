import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Severity } from "@shengao/core";
import type { FileReport, Formatter } from "./types.js";

// SARIF 2.1.0 (OASIS), the format code-scanning services read. Columns and char offsets are UTF-16
// code units, declared once per run with `columnKind`.

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  info: "note",
};

export const sarif: Formatter = (files, options) => {
  const rules: ReturnType<typeof ruleOf>[] = [];
  const ruleIndex = new Map<string, number>();
  const results = files.flatMap((file) =>
    file.findings.map((finding) => {
      let index = ruleIndex.get(finding.ruleId);
      if (index === undefined) {
        index = rules.push(ruleOf(finding)) - 1;
        ruleIndex.set(finding.ruleId, index);
      }
      return resultOf(file, finding, index);
    }),
  );
  const runProblems = options.runProblems ?? [];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "shengao", rules } },
        invocations: [
          {
            executionSuccessful: runProblems.length === 0,
            toolExecutionNotifications: runProblems.map((problem) => ({
              level: "error",
              message: { text: problem.message },
              ...(problem.file === undefined
                ? {}
                : { locations: [{ physicalLocation: { artifactLocation: { uri: toUri(problem.file) } } }] }),
            })),
          },
        ],
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleOf(finding: Finding) {
  return {
    id: finding.ruleId,
    shortDescription: { text: finding.message },
    properties: { category: finding.category, kind: finding.kind },
    defaultConfiguration: { level: LEVEL[finding.severity] },
  };
}

function resultOf(file: FileReport, finding: Finding, ruleIndex: number) {
  const uri = toUri(file.filePath);
  // offsets count characters as the columns do: a byte order mark opening the file is not one
  const bom = file.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const suggestions = finding.suggestions.length > 0 ? ` 建议：${finding.suggestions.join(" / ")}` : "";
  const region = {
    startLine: finding.line,
    startColumn: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    charOffset: finding.start - bom,
    charLength: finding.end - finding.start,
    snippet: { text: finding.text },
  };
  // A region is a place in the artifact itself: lines of the text extracted from .html or .docx
  // are not its lines, and a viewer would mark the wrong one. Such a result points at the file's
  // start (code scanning wants a startLine on every result), says where in the extracted text in
  // its message, and keeps that region as a property.
  const where = file.extracted
    ? `（提取出的文字第 ${finding.line} 行第 ${finding.column} 列：「${finding.text}」）`
    : "";
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message + suggestions + where },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri }, region: file.extracted ? { startLine: 1 } : region },
      },
    ],
    // A fix edits the file's own characters, which only holds when the text was not extracted.
    ...(finding.fix === undefined || file.extracted
      ? {}
      : {
          fixes: [
            {
              description: { text: `改为「${finding.fix.replacement}」` },
              artifactChanges: [
                {
                  artifactLocation: { uri },
                  replacements: [
                    {
                      deletedRegion: {
                        charOffset: finding.fix.start - bom,
                        charLength: finding.fix.end - finding.fix.start,
                      },
                      insertedContent: { text: finding.fix.replacement },
                    },
                  ],
                },
              ],
            },
          ],
        }),
    ...(file.extracted ? { properties: { positionsIn: "extracted-text", extractedRegion: region } } : {}),
  };
}

/**
 * A relative URI reference: `/`-separated, each segment percent-encoded (Chinese file names too);
 * a file outside the working directory, shown by its absolute path, as a file:// URI (SARIF's
 * artifact locations are URIs, and /tmp/稿件.md is none).
 */
function toUri(filePath: string): string {
  if (isAbsolute(filePath)) return pathToFileURL(filePath).href;
  return filePath.split("/").map(encodeURIComponent).join("/");
}
