import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_LEXICONS = join(PACKAGE_ROOT, "..", "..", "lexicons");

describe("@shengao/node installed outside the repository", () => {
  it("ships the default packs and reads them from its own copy", async () => {
    // the tarball a user installs (built first: `pnpm test` builds before it tests)
    const dir = mkdtempSync(join(tmpdir(), "shengao-packed-"));
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: PACKAGE_ROOT, stdio: "ignore" });
    const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz")) as string;
    execFileSync("tar", ["xzf", join(dir, tarball), "-C", dir]);
    const installed = join(dir, "package");
    const packs = readdirSync(REPO_LEXICONS).filter((name) => name.endsWith(".yaml"));
    expect(packs.length).toBeGreaterThan(0);
    for (const name of packs)
      expect(readFileSync(join(installed, "lexicons", name), "utf8"), name).toBe(
        readFileSync(join(REPO_LEXICONS, name), "utf8"),
      );
    // its dependencies as an install gives them; no repository around it
    symlinkSync(join(PACKAGE_ROOT, "node_modules"), join(installed, "node_modules"));
    const node = await import(join(installed, "dist", "index.js"));
    expect(node.DEFAULT_LEXICON_DIR).toBe(join(installed, "lexicons"));
    const parsed = await node.readLexiconFiles([node.DEFAULT_LEXICON_DIR]);
    expect(parsed.map((p: { pack?: { id: string } }) => p.pack?.id).sort()).toEqual([
      "advertising",
      "editorial",
      "formulation",
    ]);
  });

  it("in the repository, reads the lexicons reviewers edit, not the copy", async () => {
    const { DEFAULT_LEXICON_DIR } = await import("../src/index.js");
    expect(DEFAULT_LEXICON_DIR).toBe(REPO_LEXICONS);
  });
});
