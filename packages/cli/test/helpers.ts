import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Finding } from "@shengao/core";
import { expect } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { run } from "../src/cli/run.js";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
export const TEST_PACK = join(FIXTURES, "lexicons", "test-pack.yaml");
export const BROKEN_PACK = join(FIXTURES, "lexicons", "broken", "broken-pack.yaml");
/** Only the stable test pack, so results don't change when reviewers edit the default lexicons. */
export const WITH_TEST_PACK = ["--no-default-lexicons", "--lexicon", TEST_PACK];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeIoOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: string[], options: FakeIoOptions = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrIsTTY ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    cwd: options.cwd ?? FIXTURES,
    env: options.env ?? {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/**
 * Compares with a committed golden file byte for byte; `UPDATE_GOLDEN=1` rewrites it instead.
 * Review the diff of a rewritten golden file before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(FIXTURES, "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** A hand-made finding of `needle` (its `occurrence`-th match) in `text`, positions computed from the text. */
export function findingIn(
  text: string,
  needle: string,
  fields: Partial<Finding> & Pick<Finding, "severity" | "message">,
  occurrence = 0,
): Finding {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`${needle} not in text`);
  const end = start + needle.length;
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: offset - lineStart + 1 };
  };
  const from = position(start);
  const to = position(end);
  return {
    ruleId: "demo/rule",
    lexiconId: "demo",
    entryId: "rule",
    kind: "term",
    category: "测试",
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    text: needle,
    suggestions: [],
    ...fields,
  };
}
