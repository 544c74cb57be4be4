import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES, TEST_PACK } from "./helpers.js";

// The real executable, as a user runs it. The root `pnpm test` builds before vitest runs.
const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bin.js");
const built = existsSync(BIN);

function shengao(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: FIXTURES,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
  });
}

describe.skipIf(!built)(
  "node dist/bin.js (skipped when packages/cli/dist is missing: run pnpm build)",
  () => {
    it("checks stdin and exits 1 on an error finding", () => {
      const result = shengao(["check", "--no-default-lexicons", "-l", TEST_PACK, "-"], "昨天台湾总统讲话\n");
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("<stdin>");
      expect(result.stdout).toContain("  1:3  错误  应使用规范表述");
      expect(result.stdout).toContain("✖ 1 个问题（1 个错误，0 个警告，0 个提示）");
    });

    it("exits 0 on a clean file and 2 on a missing one", () => {
      expect(shengao(["check", "--no-default-lexicons", "-l", TEST_PACK, "drafts/clean.txt"]).status).toBe(0);
      const missing = shengao(["check", "--no-default-lexicons", "-l", TEST_PACK, "nope.md"]);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain("找不到文件：nope.md");
    });

    it("prints help and the version", () => {
      const help = shengao(["--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("示例：");
      expect(shengao(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
  },
);
